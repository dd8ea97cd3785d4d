using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Usage;
using ManifestLint.Usage;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary>The CSV table and VPA objects: read from content, figures per workload container.</summary>
public class TableAndVpaTests
{
    private static readonly WorkloadId Web = new("shop", "Deployment", "web");

    private const string VpaList = """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              targetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: web
            status:
              recommendation:
                containerRecommendations:
                  - containerName: app
                    lowerBound: {cpu: 10m, memory: "262144k"}
                    target: {cpu: 25m, memory: "400Mi"}
                    upperBound: {cpu: 100m, memory: "1Gi"}
          - apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: fresh
              namespace: shop
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: fresh}
        """;

    [Fact]
    public void Csv_WithHeaderInAnyOrder_QuantitiesAndBytes()
    {
        const string Csv = "container,namespace,workload,p99,p95,max\r\napp,shop,web,536870912,400Mi,\"0.6Gi\"\r\n";

        var usage = UsageSet.FromText("u.csv", Csv).Match(new HashSet<WorkloadId> { Web }).Find(Web, "app")!;

        Assert.Equal(UsageKind.Table, usage.Kind);
        Assert.Equal(400 * MiB, usage.P95);
        Assert.Equal(512 * MiB, usage.P99);
        Assert.Equal(Math.Ceiling(0.6 * 1024 * MiB), usage.Max);
    }

    [Fact]
    public void Csv_WithoutHeader_IsPositional()
    {
        var usage = UsageSet.FromText("u.csv", "shop,web,app,100Mi,200Mi\n").Match(new HashSet<WorkloadId> { Web }).Find(Web, "app")!;

        Assert.Equal(200 * MiB, usage.P99);
        Assert.Null(usage.Max);
    }

    [Fact]
    public void Csv_WorkloadNamedTwiceInANamespace_IsAmbiguous()
    {
        var statefulSet = new WorkloadId("shop", "StatefulSet", "web");

        var match = UsageSet.FromText("u.csv", "namespace,workload,container,p95,p99\nshop,web,app,1Mi,2Mi\n").Match(new HashSet<WorkloadId> { Web, statefulSet });

        Assert.Null(match.Find(Web, "app"));
        Assert.Contains(match.Notes(), n => n.Message.Contains("could be", StringComparison.Ordinal) && n.Message.Contains("(line 2)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("namespace,workload,container,p95,p99\nshop,web,app,1Mi\n", "line 2: 4 cells where the header has 5")]
    [InlineData("namespace,workload,container,p95\n", "line 1: the header lacks p99")]
    [InlineData("namespace,workload,pod,p95,p99\n", "unknown column \"pod\"")]
    [InlineData("namespace,workload,container,p95,p99\n,web,app,1Mi,2Mi\n", "line 2: namespace, workload and container must not be empty")]
    public void Csv_StructuralMistakes_AreErrorsWithTheLine(string csv, string expected)
    {
        var e = Assert.Throws<UsageFileException>(() => UsageSet.FromText("u.csv", csv));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_UnusableFigures_AreANote()
    {
        var match = UsageSet.FromText("u.csv", "namespace,workload,container,p95,p99\nshop,web,app,-1,Inf\n").Match(new HashSet<WorkloadId> { Web });

        Assert.Null(match.Find(Web, "app"));
        Assert.Contains(match.Notes(), n => n.Message.Contains("rows without usable figures", StringComparison.Ordinal) && n.Message.Contains("p95 -1 is not a size", StringComparison.Ordinal));
    }

    [Fact]
    public void Vpa_TargetIsP95_UpperBoundIsP99_AndTheMessageSaysSo()
    {
        var match = UsageSet.FromText("vpa.yaml", VpaList).Match(new HashSet<WorkloadId> { Web, new("shop", "Deployment", "fresh") });
        var usage = match.Find(Web, "app")!;

        Assert.Equal(UsageKind.Vpa, usage.Kind);
        Assert.Equal(400 * MiB, usage.P95);
        Assert.Equal(1024 * MiB, usage.P99);
        Assert.Null(usage.Max);
        Assert.Equal("VPA upperBound (used as p99)", usage.P99Name);
        Assert.Contains(match.Notes(), n => n.Message.Contains("VPAs without a status.recommendation yet (1): VerticalPodAutoscaler shop/fresh", StringComparison.Ordinal));
    }

    [Fact]
    public void Vpa_AsJson_IsReadToo()
    {
        const string Json = """
            {"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "autoscaling.k8s.io/v1", "kind": "VerticalPodAutoscaler",
              "metadata": {"name": "web", "namespace": "shop"}, "spec": {"targetRef": {"kind": "Deployment", "name": "web"}},
              "status": {"recommendation": {"containerRecommendations": [{"containerName": "app", "target": {"memory": "300Mi"}, "upperBound": {"memory": "600Mi"}}]}}}]}
            """;

        Assert.Equal(600 * MiB, UsageSet.FromText("vpa.json", Json).Match(new HashSet<WorkloadId> { Web }).Find(Web, "app")!.P99);
    }

    [Fact]
    public void YamlWithoutVpas_IsNotAUsageExport()
    {
        var e = Assert.Throws<UsageFileException>(() => UsageSet.FromText("x.yaml", Deployment("shop", "web", "1Gi", "1Gi")));


        Assert.Contains("holds no VerticalPodAutoscaler", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_OnACsv_IsAnError()
    {
        var e = Assert.Throws<UsageFileException>(() => UsageSet.FromText("u.csv", "shop,web,app,1Mi,2Mi\n", "p95"));

        Assert.Contains("p95= is for Prometheus instant-query vectors", e.Message, StringComparison.Ordinal);
    }
}
