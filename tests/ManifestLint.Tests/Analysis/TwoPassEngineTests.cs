using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using Xunit;

namespace ManifestLint.Tests.Analysis;

/// <summary>
/// The engine analyses file by file and keeps only the namespace index (pass 1) for the whole run: cross-file rules must
/// see what they saw when every model was held at once, whatever the parallelism.
/// </summary>
public class TwoPassEngineTests
{
    private const string LimitRange = """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: defaults, namespace: shop}
        spec:
          limits:
            - type: Container
              default: {memory: 512Mi}
              defaultRequest: {memory: 256Mi}
        """;

    private const string Quota = """
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: compute, namespace: shop}
        spec:
          hard: {limits.memory: 10Gi}
        """;

    private static string Deployment(string name, string resources = "") => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}, namespace: shop}
        spec:
          selector: {matchLabels: {app: {{{name}}}}}
          template:
            metadata: {labels: {app: {{{name}}}}}
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/{{{name}}}:1.0.0
        {{{resources}}}
        """;

    private static string Hpa(string target) => $$$"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: {{{target}}}, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{{target}}}}
          maxReplicas: 4
          metrics:
            - type: Resource
              resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}
        """;

    private static AnalysisResult Run(int parallelism, params (string Path, string Text)[] files) =>
        new AnalysisEngine().Analyze(files.Select(f => AnalysisInput.FromText(f.Path, f.Text)).ToList(), AnalysisOptions.Default with { MaxParallelism = parallelism });

    private static List<Diagnostic> Analyze(int parallelism, params (string Path, string Text)[] files) => Run(parallelism, files).Diagnostics.ToList();

    [Fact]
    public void ALimitRangeInALaterFile_DefaultsTheContainersOfAnEarlierOne()
    {
        var alone = Analyze(2, ("a/web.yaml", Deployment("web")));
        var withLimitRange = Run(2, ("a/web.yaml", Deployment("web")), ("z/namespace.yaml", LimitRange));

        Assert.Equal((2, 2), (withLimitRange.FileCount, withLimitRange.ResourceCount));
        Assert.Contains(alone, d => d.RuleId == RuleIds.BestEffortPod && d.Location.Path == "a/web.yaml");
        Assert.DoesNotContain(withLimitRange.Diagnostics, d => d.RuleId is RuleIds.MemoryLimitMissing or RuleIds.MemoryRequestMissing or RuleIds.BestEffortPod or RuleIds.ToolError or RuleIds.InvalidManifest);
    }

    [Fact]
    public void AnAutoscalerAndAQuota_RelateToAWorkloadOfAnotherFile()
    {
        var diagnostics = Analyze(2, ("a/hpa.yaml", Hpa("web")), ("b/web.yaml", Deployment("web")), ("c/quota.yaml", Quota));

        Assert.Contains(diagnostics, d => d.RuleId == "ML6004" && d.Location.Path == "a/hpa.yaml");
        Assert.Contains(diagnostics, d => d.RuleId == "ML7002" && d.Location.Path == "b/web.yaml");
        Assert.DoesNotContain(diagnostics, d => d.RuleId is RuleIds.AutoscalerTargetMissing or RuleIds.ToolError or RuleIds.InvalidManifest);
    }

    [Fact]
    public void AWorkloadDefinedTwice_GetsTheCrossFileFindingsOfItsFirstDefinitionOnly()
    {
        var limited = "          resources: {requests: {memory: 256Mi}, limits: {memory: 512Mi}}";
        var diagnostics = Analyze(2, ("a/web.yaml", Deployment("web")), ("b/web-copy.yaml", Deployment("web", limited)), ("c/hpa.yaml", Hpa("web")), ("d/quota.yaml", Quota));

        Assert.Single(diagnostics, d => d.RuleId == "ML6004");
        Assert.Equal(["a/web.yaml"], diagnostics.Where(d => d.RuleId == "ML7002").Select(d => d.Location.Path).Distinct());
    }

    [Fact]
    public void AnAutoscalerWhoseTargetIsMissing_NamesTheWorkloadsOfItsNamespaceFromEveryFile()
    {
        var diagnostics = Analyze(2, ("a/api.yaml", Deployment("api")), ("b/hpa.yaml", Hpa("wbe")), ("c/web.yaml", Deployment("web")));

        var missing = Assert.Single(diagnostics, d => d.RuleId == "ML6005");
        Assert.Contains("the namespace's workloads are Deployment api, Deployment web", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_DoNotDependOnParallelism()
    {
        (string, string)[] files = [("a/hpa.yaml", Hpa("web")), ("b/web.yaml", Deployment("web")), ("c/api.yaml", Deployment("api")), ("d/quota.yaml", Quota), ("e/lr.yaml", LimitRange), ("f/lost.yaml", Hpa("gone"))];

        var one = Analyze(1, files).Select(d => (d.RuleId, d.Location, d.Message, d.FingerprintKey));
        var two = Analyze(2, files).Select(d => (d.RuleId, d.Location, d.Message, d.FingerprintKey));

        Assert.NotEmpty(one);
        Assert.Equal(one, two);
    }
}
