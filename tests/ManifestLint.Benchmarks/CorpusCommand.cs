using System.Globalization;
using ManifestLint.Benchmarks.Corpus;

namespace ManifestLint.Benchmarks;

/// <summary>
/// <c>corpus [--shape realistic|findings|gitops|copies|usage] --out DIR [--files N] [--seed S] [--environments E]
/// [--copies N --source PATH --layout flat|envs]</c>: writes one of the deterministic corpora.
/// <list type="bullet">
/// <item><c>realistic</c> (default): <see cref="CorpusGenerator"/>, namespaces of 40 realistic files (issue 7).</item>
/// <item><c>findings</c>: <see cref="FindingHeavyGenerator"/>, small files with about one finding per document (issue 12).</item>
/// <item><c>gitops</c>: <see cref="GitOpsGenerator"/>, <c>env-0</c> ... the same namespaces and names per environment.</item>
/// <item><c>copies</c>: <see cref="CopiesGenerator"/>, N copies of a sample file or directory, flat or one directory each.</item>
/// <item><c>usage</c>: <see cref="UsageCorpusGenerator"/>, 200 manifests with 2,000 containers and a ~100 MB query_range export of their usage (issue 19).</item>
/// </list>
/// </summary>
public static class CorpusCommand
{
    private const string Usage = "usage: corpus [--shape realistic|findings|gitops|copies|usage] --out DIR [--files N] [--seed S] [--environments E] [--copies N --source PATH --layout flat|envs]";

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                output.WriteLine(Usage);
                return 2;
            }

            options[args[i][2..]] = args[i + 1];
        }

        string Option(string name, string fallback) => options.Remove(name, out var value) ? value : fallback;
        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var shape = Option("shape", "realistic");
        var root = Option("out", string.Empty);
        var (files, seed, environments, copies) = (Number("files", 100), Number("seed", 0), Number("environments", 6), Number("copies", 1));
        var source = Option("source", string.Empty);
        var layout = Option("layout", "flat");
        if (root.Length == 0 || options.Count > 0 || (shape == "copies" && source.Length == 0) || layout is not ("flat" or "envs"))
        {
            output.WriteLine(options.Count > 0 ? $"unknown option --{options.Keys.First()}" : Usage);
            return 2;
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        long bytes;
        switch (shape)
        {
            case "realistic":
                bytes = new CorpusGenerator(seed == 0 ? CorpusGenerator.DefaultSeed : seed).Write(root, files);
                break;
            case "findings":
                bytes = new FindingHeavyGenerator(seed == 0 ? FindingHeavyGenerator.DefaultSeed : seed).Write(root, files);
                break;
            case "gitops":
                bytes = GitOpsGenerator.Write(root, environments);
                files = environments * GitOpsGenerator.Namespaces * (GitOpsGenerator.AppsPerNamespace + 1);
                break;
            case "usage":
                var (manifests, usageBytes) = UsageCorpusGenerator.Write(root);
                bytes = manifests + usageBytes;
                files = UsageCorpusGenerator.Files;
                break;
            case "copies":
                bytes = CopiesGenerator.Write(root, source, copies, layout == "flat" ? CopiesLayout.Flat : CopiesLayout.Environments);
                files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count();
                break;
            default:
                output.WriteLine(Usage);
                return 2;
        }

        output.WriteLine(FormattableString.Invariant($"corpus: {files} files, {bytes} bytes ({bytes / 1e6:F1} MB) in {root}"));
        return 0;
    }
}
