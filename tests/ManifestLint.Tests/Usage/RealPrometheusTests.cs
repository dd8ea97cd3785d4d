using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ManifestLint.Cli;
using ManifestLint.Engine.Analysis;
using ManifestLint.Tests.Cli;
using ManifestLint.Usage;
using Xunit;

namespace ManifestLint.Tests.Usage;

/// <summary>
/// The usage readers against a real Prometheus (Debian's prometheus 2.42 and promtool; scripts/test.sh installs them):
/// OpenMetrics samples are backfilled with <c>promtool tsdb create-blocks-from openmetrics</c>, prometheus serves them
/// on 127.0.0.1, the README's query_range and quantile_over_time queries are run over HTTP, and the saved responses are
/// linted. The percentiles computed from the matrix equal Prometheus' own quantile_over_time.
/// </summary>
public class RealPrometheusTests
{
    private const double MiB = 1024 * 1024;
    private const int Step = 300;
    private const int Days = 7;
    private const string Selector = "container_memory_working_set_bytes{container!=\"\",container!=\"POD\"}";

    [Fact]
    public async Task BackfilledPrometheus_ResponsesAreReadAndLinted()
    {
        using var tree = new TempTree();
        var end = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / Step * Step) - 3600;
        var start = end - (Days * 86400);
        var samples = (int)((end - start) / Step) + 1;

        // web: two pods of Deployment web with a daily sawtooth up to ~460 MiB; db-0: StatefulSet db leaking from 200 to ~480 MiB;
        // a pause container and a pod-level series the query must leave out.
        var series = new (string Labels, Func<int, double> Value)[]
        {
            ("namespace=\"shop\",pod=\"web-7d9f8b6c5d-x2k4p\",container=\"web\"", i => (300 + (i % 288 * 0.5)) * MiB),
            ("namespace=\"shop\",pod=\"web-7d9f8b6c5d-b9zqw\",container=\"web\"", i => (310 + (i % 288 * 0.5)) * MiB),
            ("namespace=\"shop\",pod=\"db-0\",container=\"postgres\"", i => (200 + (i * 0.139)) * MiB),
            ("namespace=\"shop\",pod=\"db-0\",container=\"POD\"", _ => 1 * MiB),
            ("namespace=\"shop\",pod=\"db-0\",container=\"\"", _ => 900 * MiB),
        };
        var openMetrics = new StringBuilder("# TYPE container_memory_working_set_bytes gauge\n");
        foreach (var (labels, value) in series)
        {
            for (var i = 0; i < samples; i++)
            {
                openMetrics.Append(CultureInfo.InvariantCulture, $"container_memory_working_set_bytes{{{labels}}} {Math.Round(value(i))} {start + ((long)i * Step)}\n");
            }
        }

        openMetrics.Append("# EOF\n");
        var metrics = tree.Write("metrics.om", openMetrics.ToString());
        var data = Path.Combine(tree.Root, "data");
        var (backfill, backfillOutput) = Run(Tool("promtool"), tree.Root, TimeSpan.FromMinutes(3), "tsdb", "create-blocks-from", "openmetrics", metrics, data);
        Assert.True(backfill == 0, $"promtool failed: {backfillOutput}");

        var config = tree.Write("prometheus.yml", "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
        var port = FreePort();
        using var prometheus = Start(Tool("prometheus"), tree.Root, $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}", "--storage.tsdb.retention.time=3650d");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await Ready(http, prometheus);

            var matrix = await Save(http, tree, "matrix.json", $"/api/v1/query_range?query={Uri.EscapeDataString(Selector)}&start={start}&end={end}&step=5m");
            var range = $"{(end - start) + 1}s";
            var p95 = await Save(http, tree, "p95.json", $"/api/v1/query?query={Uri.EscapeDataString($"quantile_over_time(0.95, {Selector}[{range}])")}&time={end}");
            await Save(http, tree, "p99.json", $"/api/v1/query?query={Uri.EscapeDataString($"quantile_over_time(0.99, {Selector}[{range}])")}&time={end}");
            var error = await Save(http, tree, "error.json", $"/api/v1/query_range?query={Uri.EscapeDataString("container_memory_working_set_bytes{")}&start={start}&end={end}&step=5m", expectSuccess: false);

            // The matrix holds the 3 container series, every sample; our p95 of db-0 is Prometheus' quantile_over_time.
            var db = new WorkloadId("shop", "StatefulSet", "db");
            var web = new WorkloadId("shop", "Deployment", "web");
            var fromMatrix = UsageSet.Load([new UsageFile("matrix.json", matrix, null)]).Match(new HashSet<WorkloadId> { db, web });
            var dbUsage = fromMatrix.Find(db, "postgres")!;
            Assert.Equal(samples, dbUsage.Samples);
            Assert.Equal(2 * samples, fromMatrix.Find(web, "web")!.Samples);
            Assert.Empty(fromMatrix.Notes());
            var prometheusP95 = UsageSet.Load([new UsageFile("p95.json", p95, "p95")]).Match(new HashSet<WorkloadId> { db }).Find(db, "postgres")!.P95!.Value;
            Assert.Equal(prometheusP95, dbUsage.P95!.Value, prometheusP95 * 1e-9);

            tree.Write("app.yaml", Manifests);
            var (code, output, stderr) = CliRunner.Run(tree.Root, "lint", "app.yaml", "--usage", "matrix.json", "-q", "--no-color");
            Assert.True(code == ExitCodes.Findings, stderr);
            Assert.Contains("error ML8001: Deployment shop/web, container \"web\": memory limit 384Mi is at or below the observed p99", output, StringComparison.Ordinal);
            Assert.Contains($"({2 * samples:N0} samples from 2 pods over 7.0 days, matrix.json)", output, StringComparison.Ordinal);
            Assert.Contains("warning ML8004: StatefulSet shop/db, container \"postgres\": the working set grew without a plateau in 1 of 1 pod", output, StringComparison.Ordinal);
            Assert.DoesNotContain("ML8005", output, StringComparison.Ordinal);

            var (quantileCode, quantileOutput, _) = CliRunner.Run(tree.Root, "lint", "app.yaml", "--usage", "p95=p95.json", "--usage", "p99=p99.json", "-q", "--no-color");
            Assert.Equal(ExitCodes.Findings, quantileCode);
            Assert.Contains("error ML8001: Deployment shop/web, container \"web\": memory limit 384Mi is at or below the observed highest pod p99", quantileOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("ML8004", quantileOutput, StringComparison.Ordinal); // no time series in quantiles

            var (errorCode, _, errorText) = CliRunner.Run(tree.Root, "lint", "app.yaml", "--usage", "error.json");
            Assert.Equal(ExitCodes.ToolFailure, errorCode);
            Assert.Contains("manifestlint: usage file error.json: Prometheus answered with an error (bad_data)", errorText, StringComparison.Ordinal);
            Assert.True(error.Length > 0);
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            prometheus.WaitForExit(10_000);
        }
    }

    private const string Manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: ghcr.io/example/web:1.0.0
                  resources:
                    requests: {memory: 384Mi}
                    limits: {memory: 384Mi}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
                - name: postgres
                  image: postgres:17
                  resources:
                    requests: {memory: 512Mi}
                    limits: {memory: 1Gi}
        """;

    private static async Task<string> Save(HttpClient http, TempTree tree, string name, string query, bool expectSuccess = true)
    {
        using var response = await http.GetAsync(new Uri(query, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode == expectSuccess, $"{query}: HTTP {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        var path = Path.Combine(tree.Root, name);
        await File.WriteAllBytesAsync(path, body);
        return path;
    }

    private static async Task Ready(HttpClient http, Process prometheus)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.False(prometheus.HasExited, "prometheus exited at start-up");
            try
            {
                using var response = await http.GetAsync(new Uri("/-/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        Assert.Fail("prometheus was not ready within 60 s");
    }

    private static string Tool(string name) =>
        ((string[])[$"/usr/bin/{name}", $"/usr/local/bin/{name}"]).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is required by the real-Prometheus test: run scripts/test.sh (installs Debian's prometheus, with promtool) or apt-get install prometheus.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string executable, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static (int ExitCode, string Output) Run(string executable, string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
