using System.Collections.Concurrent;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Usage;
using ManifestLint.Usage;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary>
/// A run with usage data finds each pod's workload from the texts pass 1 reads (CandidateTextScan), parsing only the
/// files the text cannot decide. Every case is checked against the match made with every workload of the input known
/// (every file parsed first, as the engine did before): the same findings and notes, in the same order.
/// </summary>
public class CandidateTextScanTests
{
    private const string Pod = "web-7d9f8b6c5d-x2k4p";

    private static string DaemonSet(string ns, string name) => Deployment(ns, name, "64Mi", "128Mi").Replace("kind: Deployment", "kind: DaemonSet", StringComparison.Ordinal);

    private static string Rollout(string ns, string name) => Deployment(ns, name, "64Mi", "128Mi")
        .Replace("apiVersion: apps/v1", "apiVersion: argoproj.io/v1alpha1", StringComparison.Ordinal)
        .Replace("kind: Deployment", "kind: Rollout", StringComparison.Ordinal);

    /// <summary>One run: its findings (the --quiet lines' content) and how often each file was read.</summary>
    private static (List<string> Findings, Dictionary<string, int> Reads) Run(UsageSource usage, params (string Path, string Text)[] files)
    {
        var reads = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var inputs = files.Select(f => new AnalysisInput(f.Path, () =>
        {
            reads.AddOrUpdate(f.Path, 1, (_, n) => n + 1);
            return System.Text.Encoding.UTF8.GetBytes(f.Text);
        })).ToList();
        var result = new AnalysisEngine().Analyze(inputs, new AnalysisOptions { Usage = usage });
        return ([.. result.Diagnostics.Select(d => $"{d.Location.Path}:{d.Location.StartLine} {d.RuleId} {d.Message}")], new Dictionary<string, int>(reads, StringComparer.Ordinal));
    }

    /// <summary>The scan's run, after checking it against the run with every workload known first.</summary>
    private static (List<string> Findings, Dictionary<string, int> Reads) Checked(string usageJson, params (string Path, string Text)[] files)
    {
        var scanned = Run(UsageSet.FromText("u.json", usageJson), files);
        var exact = Run(new EveryFileParsed(UsageSet.FromText("u.json", usageJson)), files);
        Assert.Equal(exact.Findings, scanned.Findings);
        return scanned;
    }

    [Fact]
    public void TheUsualCase_ParsesNoFileBeforePass2_AndReadsEachFileTwice()
    {
        var (findings, reads) = Checked(
            Matrix(new Series("shop", Pod, "app", Sampled(3, 60, _ => 900 * MiB))),
            ("a.yaml", Deployment("shop", "web", "100Mi", "200Mi")),
            ("b.yaml", Deployment("shop", "api", "100Mi", "200Mi")));

        Assert.Contains(findings, f => f.StartsWith("a.yaml:", StringComparison.Ordinal) && f.Contains("ML8001", StringComparison.Ordinal));
        Assert.Equal(2, reads["a.yaml"]);
        Assert.Equal(2, reads["b.yaml"]);
    }

    [Fact]
    public void ANameTheTextHoldsButNoWorkloadHas_EndsAsUnmatched_NotAsAMissingContainer()
    {
        // "web" and "Deployment" are in the text, but the Deployment is web-frontend: the scan takes Deployment shop/web
        // as present, and the run never confirms it.
        var (findings, reads) = Checked(
            Matrix(new Series("shop", Pod, "app", Sampled(3, 60, _ => 900 * MiB))),
            ("a.yaml", Deployment("shop", "web-frontend", "100Mi", "200Mi")));

        var note = Assert.Single(findings, f => f.Contains("ML8005", StringComparison.Ordinal) && f.Contains("u.json", StringComparison.Ordinal));
        Assert.Contains($"1 item of usage data matches no workload of the input: pod shop/{Pod} container \"app\"", note, StringComparison.Ordinal);
        Assert.Equal(2, reads["a.yaml"]);
    }

    [Fact]
    public void TheSameNameInAnotherNamespace_IsNotAMatch()
    {
        var (findings, _) = Checked(
            Matrix(new Series("shop", Pod, "app", Sampled(3, 60, _ => 900 * MiB))),
            ("a.yaml", Deployment("prod", "web", "100Mi", "200Mi")));

        Assert.DoesNotContain(findings, f => f.Contains("ML8001", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("matches no workload of the input", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoCandidatesInTheText_AreDecidedByParsingOnlyTheFilesThatHoldThem()
    {
        var (findings, reads) = Checked(
            Matrix(new Series("shop", Pod, "app", Sampled(3, 60, _ => 900 * MiB))),
            ("a.yaml", Deployment("shop", "web", "100Mi", "200Mi")),
            ("b.yaml", DaemonSet("shop", "web-7d9f8b6c5d")),
            ("c.yaml", Deployment("shop", "api", "100Mi", "200Mi")));

        Assert.Contains(findings, f => f.Contains("could be DaemonSet shop/web-7d9f8b6c5d or Deployment shop/web", StringComparison.Ordinal));
        Assert.Equal(3, reads["a.yaml"]);
        Assert.Equal(3, reads["b.yaml"]);
        Assert.Equal(2, reads["c.yaml"]);
    }

    [Fact]
    public void ARolloutAndADeploymentOfOneName_AreAmbiguous()
    {
        var (findings, _) = Checked(
            Matrix(new Series("shop", Pod, "app", Sampled(3, 60, _ => 900 * MiB))),
            ("a.yaml", Deployment("shop", "web", "100Mi", "200Mi")),
            ("b.yaml", Rollout("shop", "web")));

        Assert.Contains(findings, f => f.Contains("could be Deployment shop/web or Rollout shop/web", StringComparison.Ordinal));
    }

    [Fact]
    public void ACandidateTheTextDoesNotNameAsKind_IsRuledOut()
    {
        // The Rollout's name is web-7d9f8b6c5d's prefix, but no text says DaemonSet, Job or ReplicaSet: only the Deployment fits.
        var (findings, reads) = Checked(
            Matrix(new Series("shop", Pod, "app", Sampled(3, 60, _ => 900 * MiB))),
            ("a.yaml", Deployment("shop", "web", "100Mi", "200Mi")),
            ("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-7d9f8b6c5d, namespace: shop}\n"));

        Assert.Contains(findings, f => f.StartsWith("a.yaml:", StringComparison.Ordinal) && f.Contains("ML8001", StringComparison.Ordinal));
        Assert.Equal(2, reads["b.yaml"]);
    }

    [Theory]
    [InlineData("{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {\"name\": \"w\\u0065b\", \"namespace\": \"shop\"}, \"spec\": {\"template\": {\"spec\": {\"containers\": [{\"name\": \"app\", \"resources\": {\"requests\": {\"memory\": \"100Mi\"}, \"limits\": {\"memory\": \"200Mi\"}}}]}}}}")]
    [InlineData("apiVersion: apps/v1\nkind: \"Deploym\\x65nt\"\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          resources: {requests: {memory: 100Mi}, limits: {memory: 200Mi}}\n")]
    public void AKindOrNameWrittenWithEscapes_IsFoundByParsing(string manifest)
    {
        var (findings, reads) = Checked(
            Matrix(new Series("shop", Pod, "app", Sampled(3, 60, _ => 900 * MiB))),
            ("a.yaml", manifest));

        Assert.Contains(findings, f => f.Contains("ML8001", StringComparison.Ordinal));
        Assert.Equal(3, reads["a.yaml"]);
    }

    [Fact]
    public void CsvRows_AreDecidedByParsing()
    {
        var scanned = Run(UsageSet.FromText("u.csv", "shop,web,app,800Mi,900Mi\n"), ("a.yaml", Deployment("shop", "web", "100Mi", "200Mi")), ("b.yaml", Deployment("shop", "api", "100Mi", "200Mi")));
        var exact = Run(new EveryFileParsed(UsageSet.FromText("u.csv", "shop,web,app,800Mi,900Mi\n")), ("a.yaml", Deployment("shop", "web", "100Mi", "200Mi")), ("b.yaml", Deployment("shop", "api", "100Mi", "200Mi")));

        Assert.Equal(exact.Findings, scanned.Findings);
        Assert.Contains(scanned.Findings, f => f.StartsWith("a.yaml:", StringComparison.Ordinal) && f.Contains("ML8001", StringComparison.Ordinal));
        Assert.Equal(3, scanned.Reads["a.yaml"]);
        Assert.Equal(2, scanned.Reads["b.yaml"]);
    }

    [Fact]
    public void ManyNamespacesWithTheSameNames_GiveTheSameFindingsAsParsingEveryFile()
    {
        // The benchmark's shape: the same workload names in every namespace, Deployment, StatefulSet and DaemonSet pods,
        // and series of workloads the input does not have.
        var series = new List<Series>();
        var files = new List<(string, string)>();
        for (var n = 0; n < 12; n++)
        {
            var ns = $"team-{n}";
            files.Add(($"{ns}.yaml", string.Join("---\n", Deployment(ns, "web", "100Mi", "200Mi"), Deployment(ns, "api", "1Gi", "2Gi"),
                Deployment(ns, "db", "100Mi", "200Mi").Replace("kind: Deployment", "kind: StatefulSet", StringComparison.Ordinal), DaemonSet(ns, "agent"))));
            series.Add(new Series(ns, $"web-7d9f8b6c5d-x{"bcdfghjklm"[n % 10]}k4p", "app", Sampled(3, 60, _ => 300 * MiB)));
            series.Add(new Series(ns, "api-5f6d7c8b9-x2k4p", "app", Sampled(3, 60, _ => 100 * MiB)));
            series.Add(new Series(ns, $"db-{n % 3}", "app", Sampled(3, 60, _ => 150 * MiB)));
            series.Add(new Series(ns, "agent-bcd2f", "app", Sampled(3, 60, _ => 50 * MiB)));
            series.Add(new Series(ns, "gone-5f6d7c8b9-x2k4p", "app", Sampled(3, 60, _ => 50 * MiB)));
        }

        var (findings, reads) = Checked(Matrix([.. series]), [.. files]);

        Assert.Contains(findings, f => f.Contains("ML8001", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("12 items of usage data match no workload of the input", StringComparison.Ordinal));
        Assert.All(reads.Values, n => Assert.Equal(2, n));
    }

    /// <summary>The engine's match before the text scan: every file parsed, then the data matched to all the workloads.</summary>
    private sealed class EveryFileParsed(UsageSource inner) : UsageSource
    {
        public override bool MayName(string documentText) => inner.MayName(documentText);

        public override UsageMatch Match(IReadOnlySet<WorkloadId> workloads) => inner.Match(workloads);

        public override UsageScan BeginScan(int files) => new Scan(inner, files);

        private sealed class Scan(UsageSource inner, int files) : UsageScan
        {
            public override void See(int file, string text)
            {
            }

            public override UsageMatch Match(Func<IReadOnlyList<int>, IReadOnlySet<WorkloadId>> parse) => inner.Match(parse([.. Enumerable.Range(0, files)]));
        }
    }
}
