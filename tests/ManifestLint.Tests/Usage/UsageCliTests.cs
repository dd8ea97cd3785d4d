using System.Globalization;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary><c>lint --usage</c> and <c>usage:</c> through the command line: bad files, config paths, quantile pairs, --fix.</summary>
public class UsageCliTests
{
    [Theory]
    [InlineData("""{"status":"error","errorType":"timeout","error":"query timed out"}""", "usage.json: Prometheus answered with an error (timeout): query timed out")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[""", "usage.json: line 1: the JSON is truncated or invalid")]
    [InlineData("\u0000\u0001binary", "usage.json: not a usage export: the file is binary.")]
    public void BadUsageFile_ExitsTwo_NamingTheFile_AndReportsNothing(string content, string expected)
    {
        using var tree = new TempTree();
        tree.Write("app.yaml", Deployment("shop", "web", "1Gi", "1Gi"));
        tree.Write("usage.json", content);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "app.yaml", "--usage", "usage.json");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"manifestlint: usage file {expected}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingUsageFile_ExitsTwo()
    {
        using var tree = new TempTree();
        tree.Write("app.yaml", Deployment("shop", "web", "1Gi", "1Gi"));

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "app.yaml", "--usage", "exports/none.json");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("manifestlint: usage file exports/none.json: cannot be read:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPercentile_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run(Path.GetTempPath(), "lint", "x.yaml", "--usage", "p90=q.json");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("the percentile must be one of p50, p95, p99, max", error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuantileVectors_AsP95AndP99Files_Together()
    {
        using var tree = new TempTree();
        tree.Write("app.yaml", Deployment("shop", "web", "128Mi", "512Mi"));
        tree.Write("p95.json", Vector(new Series("shop", "web-7d9f8b6c5d-x2k4p", "app", [(Start, (400 * MiB).ToString(CultureInfo.InvariantCulture))])));
        tree.Write("p99.json", Vector(new Series("shop", "web-7d9f8b6c5d-x2k4p", "app", [(Start, (500 * MiB).ToString(CultureInfo.InvariantCulture))])));

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "app.yaml", "--usage", "p95=p95.json", "--usage", "p99=p99.json", "-q", "--no-color");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("warning ML8002: Deployment shop/web, container \"app\": memory request 128Mi is below the observed p95 of 400 MiB (1 pod, p95.json, p99.json)", output, StringComparison.Ordinal);
        Assert.Contains("warning ML8001: Deployment shop/web, container \"app\": memory limit 512Mi leaves less than 20% headroom over the observed p99 of 500 MiB", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageInTheConfiguration_IsRelativeToIt()
    {
        using var tree = new TempTree();
        tree.Write("deploy/app.yaml", Deployment("shop", "web", "128Mi", "2Gi"));
        tree.Write("deploy/.manifestlint.yaml", "usage: ../exports/usage.csv\n");
        tree.Write("exports/usage.csv", "namespace,workload,container,p95,p99\nshop,web,app,400Mi,500Mi\n");

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "deploy", "-q", "--no-color");

        Assert.True(code == ExitCodes.Findings, error);
        Assert.Contains("ML8002", output, StringComparison.Ordinal);
        Assert.Contains("ML8003", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageInTheConfiguration_MustBeAPathOrAList()
    {
        using var tree = new TempTree();
        tree.Write("app.yaml", Deployment("shop", "web", "128Mi", "2Gi"));
        tree.Write(".manifestlint.yaml", "usage: {file: usage.csv}\n");

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "app.yaml");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("'usage' expects a usage file path or a list of them", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_RightSizesTheManifest_KeepingComments()
    {
        using var tree = new TempTree();
        var path = tree.Write("app.yaml", Deployment("shop", "web", "128Mi  # guessed", "512Mi  # guessed too"));
        tree.Write("usage.csv", "namespace,workload,container,p95,p99,max\nshop,web,app,410Mi,500Mi,540Mi\n");

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "app.yaml", "--usage", "usage.csv", "--fix", "-q");

        Assert.Contains("fixed 2 findings in 1 file", error, StringComparison.Ordinal);
        var text = File.ReadAllText(path);
        Assert.Contains("memory: 410Mi  # guessed\n", text, StringComparison.Ordinal);
        Assert.Contains("memory: 600Mi  # guessed too\n", text, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, code);
    }

    [Fact]
    public void UnmatchedData_IsOneNoteOnTheUsageFile_InSarif()
    {
        using var tree = new TempTree();
        tree.Write("app.yaml", Deployment("shop", "web", "400Mi", "600Mi"));
        tree.Write("usage.csv", "namespace,workload,container,p95,p99\nshop,web,app,400Mi,500Mi\nother,a,a,1Mi,2Mi\nother,b,b,1Mi,2Mi\n");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "app.yaml", "--usage", "usage.csv", "--format", "sarif");

        Assert.Equal(ExitCodes.Success, code);
        var sarif = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        var result = Assert.Single(sarif["runs"]![0]!["results"]!.AsArray());
        Assert.Equal("ML8005", (string?)result!["ruleId"]);
        Assert.Equal("usage.csv", (string?)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Contains("2 items of usage data match no workload of the input", (string?)result["message"]!["text"], StringComparison.Ordinal);
    }
}
