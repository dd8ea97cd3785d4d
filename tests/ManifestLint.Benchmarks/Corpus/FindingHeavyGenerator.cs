using System.Globalization;
using System.Text;

namespace ManifestLint.Benchmarks.Corpus;

/// <summary>
/// The finding-heavy corpus of issue 12: what a first run over a repository nobody linted before looks like. Small files
/// of 2 to 8 documents (about 6 on average), each file with namespaces of its own (nothing relates across files), and
/// a memory mistake in almost every document: about one finding per document. 9,800 files are about 25 MB and 59,000
/// documents; 39,200 files about 100 MB. File <c>i</c> depends only on the seed and <c>i</c>, so a smaller corpus is a
/// prefix of a larger one and every machine writes the same bytes.
/// </summary>
public sealed class FindingHeavyGenerator(int seed = FindingHeavyGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20261207;

    /// <summary>Files that make about 25 MB (the issue's corpus: 9,800 files, 59,656 documents).</summary>
    public const int Files25Mb = 9_800;

    private static readonly string[] Words = ["api", "worker", "gateway", "indexer", "scheduler", "ledger", "profile", "cart", "pricing", "feed", "notifier", "auth", "billing", "export", "import", "sync"];
    private static readonly string[] Kinds = ["Deployment", "Deployment", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"];

    /// <summary>The relative path and content of file <paramref name="index"/>.</summary>
    public (string Path, string Text) File(int index)
    {
        var random = new Random(unchecked((seed * 31) + (index * 1_000_003)) & 0x7fffffff);
        var team = CorpusGenerator.Teams[index % CorpusGenerator.Teams.Length];
        var ns = $"{team}-{index:D6}";
        var documents = 2 + Math.Max(random.Next(7), random.Next(7));
        var b = new StringBuilder();
                for (var d = 0; d < documents; d++)
        {
            if (d > 0)
            {
                b.Append("---\n");
            }

            // A second namespace in one file of three: still the file's own.
            var docNs = d >= 4 && index % 3 == 0 ? ns + "-jobs" : ns;
            b.Append(Workload(random, $"{Words[random.Next(Words.Length)]}-{d}", docNs, Kinds[random.Next(Kinds.Length)]));
        }

        return ($"{team}/{ns}.yaml", b.ToString());
    }

    /// <summary>Writes files 0 to <paramref name="count"/> - 1 under <paramref name="root"/>; returns the bytes written.</summary>
    public long Write(string root, int count) => CorpusFiles.Write(root, Enumerable.Range(0, count).Select(File));

    /// <summary>One workload with one container and (nearly always) one memory mistake.</summary>
    private static string Workload(Random random, string name, string ns, string kind)
    {
        var mistake = random.Next(8);
        var version = $"{random.Next(1, 9)}.{random.Next(40)}.{random.Next(10)}";
        var indent = kind == "CronJob" ? "          " : "      ";
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"apiVersion: {(kind is "Job" or "CronJob" ? "batch/v1" : "apps/v1")}\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n");
        switch (kind)
        {
            case "CronJob":
                b.Append("  schedule: \"*/15 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n");
                break;
            case "Job":
                b.Append("  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n");
                break;
            default:
                b.Append(CultureInfo.InvariantCulture, $"  selector:\n    matchLabels:\n      app: {name}\n  template:\n    metadata:\n      labels:\n        app: {name}\n    spec:\n");
                break;
        }

        b.Append(CultureInfo.InvariantCulture, $"{indent}containers:\n{indent}  - name: app\n");
        (string Image, (string Key, string Value)? Env) runtime = mistake switch
        {
            4 => ("eclipse-temurin:21-jre", ("JAVA_TOOL_OPTIONS", "-Xmx512m")),
            5 => ($"example/{name}-go:{version}", ("GOGC", "off")),
            6 => ("node:20-alpine", ("NODE_OPTIONS", "--max-old-space-size=1024")),
            _ => ($"example/{name}:{version}", null),
        };
        b.Append(CultureInfo.InvariantCulture, $"{indent}    image: {runtime.Image}\n");
        if (runtime.Env is var (key, value))
        {
            b.Append(CultureInfo.InvariantCulture, $"{indent}    env:\n{indent}      - name: {key}\n{indent}        value: \"{value}\"\n");
        }

        var (request, limit) = mistake switch
        {
            0 => ("256Mi", null), // ML1001: no limit
            1 => ("1Gi", "512Mi"), // ML1003: request above limit
            2 => ("512Mi", "536870912000m"), // ML1004: millibytes (512Mi written in m)
            3 => ("128Mi", "4Gi"), // ML1005: limit far above request
            _ => ("512Mi", "512Mi"), // the runtime and emptyDir mistakes below
        };
        b.Append(CultureInfo.InvariantCulture, $"{indent}    resources:\n{indent}      requests:\n{indent}        memory: {request}\n");
        if (limit is not null)
        {
            b.Append(CultureInfo.InvariantCulture, $"{indent}      limits:\n{indent}        memory: {limit}\n");
        }

        // ML1008: a memory-backed emptyDir without sizeLimit.
        b.Append(mistake == 7
            ? $"{indent}    volumeMounts:\n{indent}      - name: scratch\n{indent}        mountPath: /scratch\n{indent}volumes:\n{indent}  - name: scratch\n{indent}    emptyDir:\n{indent}      medium: Memory\n"
            : string.Empty);
        return b.ToString();
    }
}
