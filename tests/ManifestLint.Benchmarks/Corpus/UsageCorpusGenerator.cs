using System.Globalization;
using System.Text;

namespace ManifestLint.Benchmarks.Corpus;

/// <summary>
/// Issue 19's benchmark corpus: <see cref="Files"/> manifests holding <see cref="Containers"/> containers, and a
/// Prometheus <c>query_range</c> response of about 100 MB with one week of 5-minute samples for every one of them, as
/// <c>curl .../api/v1/query_range</c> writes it. Hostile shapes: the same workload names in every namespace (every
/// document holds a candidate name), Deployment, StatefulSet and DaemonSet pod names, a finding on most containers
/// (requests below p95, limits below p99, over-provisioned ones, leaks), and series of workloads not in the input.
/// </summary>
public static class UsageCorpusGenerator
{
    public const int Files = 200;
    public const int WorkloadsPerFile = 5;
    public const int ContainersPerWorkload = 2;
    public const int Containers = Files * WorkloadsPerFile * ContainersPerWorkload;
    public const int SamplesPerSeries = 2016;
    private const long Start = 1_764_892_800;
    private const int Step = 300;
    private const double MiB = 1024 * 1024;
    private static readonly string[] Names = ["api", "web", "worker", "cache", "gateway"];
    private static readonly string[] Kinds = ["Deployment", "Deployment", "StatefulSet", "Deployment", "DaemonSet"];

    /// <returns>The bytes of the manifests (under <c>manifests/</c>) and of <c>usage.json</c>.</returns>
    public static (long Manifests, long Usage) Write(string root)
    {
        var manifests = CorpusFiles.Write(Path.Combine(root, "manifests"), Enumerable.Range(0, Files).Select(f => ($"team-{f:D3}/workloads.yaml", Manifest(f))));
        var path = Path.Combine(root, "usage.json");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
            var first = true;
            for (var f = 0; f < Files; f++)
            {
                for (var w = 0; w < WorkloadsPerFile; w++)
                {
                    for (var c = 0; c < ContainersPerWorkload; c++)
                    {
                        Series(writer, $"team-{f:D3}", Pod(f, w), Container(c), f, w, c, ref first);
                    }
                }
            }

            // A whole cluster's export holds workloads the linted repository does not define.
            for (var extra = 0; extra < 20; extra++)
            {
                Series(writer, "kube-system", $"coredns-5d78c9869d-{Suffix(extra)}", "coredns", extra, 0, 0, ref first);
            }

            writer.Write("]}}");
        }

        return (manifests, new FileInfo(path).Length);
    }

    private static string Manifest(int file)
    {
        var text = new StringBuilder();
        for (var w = 0; w < WorkloadsPerFile; w++)
        {
            var kind = Kinds[w];
            text.Append(CultureInfo.InvariantCulture, $"""
                {(w > 0 ? "---\n" : string.Empty)}apiVersion: apps/v1
                kind: {kind}
                metadata:
                  name: {Names[w]}
                  namespace: team-{file:D3}
                  labels:
                    app.kubernetes.io/name: {Names[w]}
                spec:

                """);
            if (kind != "DaemonSet")
            {
                text.Append(CultureInfo.InvariantCulture, $"  replicas: {1 + (file % 3)}\n");
            }

            if (kind == "StatefulSet")
            {
                text.Append(CultureInfo.InvariantCulture, $"  serviceName: {Names[w]}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"""
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: {Names[w]}
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: {Names[w]}
                    spec:
                      containers:

                """);
            for (var c = 0; c < ContainersPerWorkload; c++)
            {
                // Most containers get a finding: requests at 60-140% of their usage, limits at 90-300%.
                var baseline = Baseline(file, w, c);
                var request = (int)(baseline * (0.6 + (((file + w + c) % 5) * 0.2)));
                var limit = (int)(baseline * (0.9 + (((file * 3) + w + c) % 6 * 0.4)));
                text.Append(CultureInfo.InvariantCulture, $"""
                            - name: {Container(c)}
                              image: ghcr.io/example/{Names[w]}-{Container(c)}:1.{file % 10}.0
                              resources:
                                requests:
                                  cpu: 100m
                                  memory: {request}Mi
                                limits:
                                  memory: {Math.Max(limit, request)}Mi

                    """);
            }
        }

        return text.ToString();
    }

    private static void Series(StreamWriter writer, string ns, string pod, string container, int f, int w, int c, ref bool first)
    {
        writer.Write(first ? "{" : ",{");
        first = false;
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\"metric\":{{\"__name__\":\"container_memory_working_set_bytes\",\"container\":\"{container}\",\"endpoint\":\"https-metrics\",\"id\":\"/kubepods/burstable/pod{f:D3}{w}{c}\",\"image\":\"ghcr.io/example/{container}:1.0.0\",\"instance\":\"10.0.{f % 250}.{w + 10}:10250\",\"job\":\"kubelet\",\"metrics_path\":\"/metrics/cadvisor\",\"name\":\"{container}-{f}\",\"namespace\":\"{ns}\",\"node\":\"node-{f % 40}\",\"pod\":\"{pod}\",\"service\":\"kubelet\"}},\"values\":["));
        var baseline = Baseline(f, w, c);
        var leaking = (f + w + c) % 17 == 0;
        for (var i = 0; i < SamplesPerSeries; i++)
        {
            // A daily cycle of +/-5%, and a leak of about 11% a day on one container in 17.
            var value = baseline * (1 + (0.05 * Math.Sin(i * 2 * Math.PI / 288)) + (leaking ? i * 0.0004 : 0)) * MiB;
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : string.Empty)}[{Start + ((long)i * Step)},\"{(long)value}\"]"));
        }

        writer.Write("]}");
    }

    private static double Baseline(int f, int w, int c) => 96 + (((f * 7) + (w * 13) + (c * 29)) % 40 * 16);

    private static string Container(int c) => c == 0 ? "app" : "proxy";

    /// <summary>Pod names as the controllers make them: name-hash-suffix, name-ordinal, name-suffix.</summary>
    private static string Pod(int f, int w) => Kinds[w] switch
    {
        "Deployment" => $"{Names[w]}-{Hash(f, w)}-{Suffix((f * 5) + w)}",
        "StatefulSet" => $"{Names[w]}-0",
        _ => $"{Names[w]}-{Suffix((f * 5) + w + 1000)}",
    };

    private static string Hash(int f, int w) => Suffix((f * 31) + w + 7) + Suffix((f * 17) + w + 3);

    private static string Suffix(int n)
    {
        const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var text = new char[5];
        for (var i = 0; i < 5; i++)
        {
            text[i] = Alphabet[n % 27];
            n = (n / 27) + 11;
        }

        return new string(text);
    }
}
