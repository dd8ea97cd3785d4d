using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary><c>manifestlint usage report</c>: the figures per container and the change in reserved memory per namespace.</summary>
public class UsageReportTests
{
    [Fact]
    public void Markdown_GivesEachContainersFigures_AndTheNamespaceTotals()
    {
        using var tree = new TempTree();
        tree.Write("shop.yaml", Deployment("shop", "checkout", "128Mi", "512Mi", replicas: 3) + "---\n" + Deployment("shop", "catalog", "2Gi", "2Gi", replicas: 2));
        tree.Write("ops.yaml", Deployment("ops", "backup", "256Mi", "512Mi"));
        tree.Write("usage.csv", "namespace,workload,container,p95,p99,max\nshop,checkout,app,410Mi,500Mi,540Mi\nshop,catalog,app,300Mi,400Mi,\n");

        var (code, output, error) = CliRunner.Run(tree.Root, "usage", "report", ".", "--usage", "usage.csv");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("2 containers with data, 1 container with memory settings but no data (ML8005).", output, StringComparison.Ordinal);

        // shop: 3 × 128Mi + 2 × 2Gi = 4480Mi now; 3 × 410Mi + 2 × 300Mi = 1830Mi recommended.
        Assert.Contains("| shop | 2 | 4.38 GiB | 1.79 GiB | −2.59 GiB |", output, StringComparison.Ordinal);
        Assert.Contains("| shop | Deployment checkout | app | 128 MiB | 512 MiB | – | 410 MiB | 500 MiB | 540 MiB | 1 row, usage.csv | 410Mi | 600Mi |", output, StringComparison.Ordinal);
        Assert.Contains("| shop | Deployment catalog | app | 2 GiB | 2 GiB | – | 300 MiB | 400 MiB | – | 1 row, usage.csv | 300Mi | 480Mi |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| ops |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutUsageData_ItIsAnError()
    {
        using var tree = new TempTree();
        tree.Write("app.yaml", Deployment("shop", "web", "1Gi", "1Gi"));

        var (code, _, error) = CliRunner.Run(tree.Root, "usage", "report", "app.yaml");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("usage report needs usage data: --usage FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadUsageFile_ExitsTwo()
    {
        using var tree = new TempTree();
        tree.Write("app.yaml", Deployment("shop", "web", "1Gi", "1Gi"));
        tree.Write("u.json", "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{");

        var (code, _, error) = CliRunner.Run(tree.Root, "usage", "report", "app.yaml", "--usage", "u.json", "--format", "html");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("manifestlint: usage file u.json: line 1: the JSON is truncated or invalid", error, StringComparison.Ordinal);
    }
}
