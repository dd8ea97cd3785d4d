using System.Text.Json;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// Issue 19 on a chart (TestData/charts/right-sizing with TestData/usage/right-sizing.csv): the Usage rules' fixes
/// (request = p95, limit = p99 + 20%) go to the values key that decides each value, through the values mapping, in
/// the SARIF result and with <c>--fix</c>; a value written in the template, or one the template adds text to, gets no
/// fix (templates are never edited). The data is matched over every engine run of the lint (plain files, each render),
/// so ML8005 names only what matches nothing. And <c>usage report</c> on the chart, with the configured release name.
/// </summary>
public class HelmUsageFixTests
{
    private const string ChartPath = "tests/ManifestLint.Tests/Helm/TestData/charts/right-sizing";

    private const string UsagePath = "tests/ManifestLint.Tests/Helm/TestData/usage/right-sizing.csv";

    /// <summary>A <c>ci/</c> variant: a second render of the same workloads.</summary>
    private const string BigVariant = "api:\n  resources:\n    requests:\n      memory: 1Gi\n    limits:\n      memory: 1Gi\n";

    private static readonly Lazy<JsonElement[]> SarifResults = new(() =>
    {
        var (code, output, error) = CliRunner.Run(Tests.TestSupport.RepositoryPaths.Root, "lint", ChartPath, "--usage", UsagePath, "--format", "sarif", "--helm", HelmTool.Executable);
        Assert.True(code == ExitCodes.Findings, error);
        using var sarif = JsonDocument.Parse(output);
        return [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.Clone())];
    });

    [Theory]
    [InlineData("ML8002", "container \"api\"", 5, "memory: 256Mi # below the observed p95", "400Mi")]
    [InlineData("ML8001", "container \"api\"", 7, "memory: \"512Mi\" # less than 20% above the observed p99", "600Mi")]
    [InlineData("ML8001", "container \"cache\"", 20, "memoryLimit: 64Mi", "120Mi")]
    public void TheSarifFix_ReplacesTheValueInTheValuesFile(string rule, string container, int line, string lineText, string value)
    {
        var result = Single(rule, container);

        var change = Assert.Single(Assert.Single(result.GetProperty("fixes").EnumerateArray()).GetProperty("artifactChanges").EnumerateArray());
        Assert.Equal($"{ChartPath}/values.yaml", change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacement = Assert.Single(change.GetProperty("replacements").EnumerateArray());
        var region = replacement.GetProperty("deletedRegion");
        Assert.Equal(line, region.GetProperty("startLine").GetInt32());
        var text = File.ReadAllLines(Path.Combine(Tests.TestSupport.RepositoryPaths.Root, ChartPath, "values.yaml"))[line - 1];
        Assert.Equal(lineText, text.Trim());
        var start = region.GetProperty("startColumn").GetInt32() - 1;
        var end = region.GetProperty("endColumn").GetInt32() - 1;
        Assert.Equal(lineText.Contains("512Mi", StringComparison.Ordinal) ? "512Mi" : lineText.Split(' ')[1], text[start..end]);
        Assert.Equal(value, replacement.GetProperty("insertedContent").GetProperty("text").GetString());
    }

    [Fact]
    public void TheOverProvisionedFix_SetsRequestAndLimit_InOneValuesFileFix()
    {
        var result = Single("ML8003", "container \"worker\"");

        var change = Assert.Single(Assert.Single(result.GetProperty("fixes").EnumerateArray()).GetProperty("artifactChanges").EnumerateArray());
        Assert.Equal($"{ChartPath}/values.yaml", change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var edits = change.GetProperty("replacements").EnumerateArray()
            .Select(r => (r.GetProperty("deletedRegion").GetProperty("startLine").GetInt32(), r.GetProperty("insertedContent").GetProperty("text").GetString()))
            .Order()
            .ToList();
        Assert.Equal([(14, "300Mi"), (16, "480Mi")], edits);
    }

    [Fact]
    public void AnAbsentRequest_IsAddedUnderTheResourcesMappingTheTemplatePrintsWhole()
    {
        // The request defaults to the 1Gi limit, ten times p95: ML8003 lowers it to p95 and leaves the limit.
        var result = Single("ML8003", "container \"defaulted\"");

        var change = Assert.Single(Assert.Single(result.GetProperty("fixes").EnumerateArray()).GetProperty("artifactChanges").EnumerateArray());
        Assert.Equal($"{ChartPath}/values.yaml", change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacement = Assert.Single(change.GetProperty("replacements").EnumerateArray());
        Assert.Equal(31, replacement.GetProperty("deletedRegion").GetProperty("startLine").GetInt32());
        Assert.Equal("    requests:\n      memory: 100Mi\n", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("ML8001", "container \"literal\"")]
    [InlineData("ML8001", "container \"suffixed\"")]
    [InlineData("ML8002", "container \"suffixed\"")]
    public void AValueTheValuesFileDoesNotHoldAsRendered_GetsNoFix(string rule, string container)
    {
        var result = Single(rule, container);

        Assert.False(result.TryGetProperty("fixes", out _), result.ToString());
        Assert.EndsWith("templates/cache.yaml", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_EditsTheValuesFile_KeepingCommentsAndQuotes_NeverATemplate_AndTheFindingsAreGone()
    {
        using var tree = CopyChart();
        var templates = Directory.GetFiles(Path.Combine(tree.Root, "right-sizing", "templates")).ToDictionary(f => f, File.ReadAllText);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "right-sizing", "--usage", "usage.csv", "--fix", "--helm", HelmTool.Executable);

        Assert.True(code is ExitCodes.Success or ExitCodes.Findings, error);
        var values = File.ReadAllText(Path.Combine(tree.Root, "right-sizing", "values.yaml"));
        Assert.Contains("      memory: 400Mi # below the observed p95\n", values, StringComparison.Ordinal);
        Assert.Contains("      memory: \"600Mi\" # less than 20% above the observed p99\n", values, StringComparison.Ordinal);
        Assert.Contains("    requests:\n      memory: 300Mi\n    limits:\n      memory: 480Mi\n", values, StringComparison.Ordinal);
        Assert.Contains("  memoryLimit: 120Mi\n", values, StringComparison.Ordinal);
        Assert.Contains("  memoryMiB: 128\n", values, StringComparison.Ordinal);
        Assert.EndsWith("defaulted:\n  resources:\n    limits:\n      memory: 1Gi\n    requests:\n      memory: 100Mi\n", values, StringComparison.Ordinal);
        Assert.All(templates, t => Assert.Equal(t.Value, File.ReadAllText(t.Key)));

        // What the Usage rules reported is gone. (ML8003 lowers only what is over its factors: the defaulted container
        // keeps its 1Gi limit over a 100Mi request, which ML1005 then reports as a ratio above 2.)
        var (_, after, afterError) = CliRunner.Run(tree.Root, "lint", "right-sizing", "--usage", "usage.csv", "--helm", HelmTool.Executable, "--format", "github");
        var usageFindings = after.Split('\n').Where(l => l.Contains("title=ML800", StringComparison.Ordinal)).ToList();
        foreach (var fixedContainer in new[] { "api", "worker", "cache", "defaulted" })
        {
            Assert.DoesNotContain(usageFindings, l => l.Contains($"container \"{fixedContainer}\"", StringComparison.Ordinal));
        }

        Assert.Contains("container \"literal\"", after, StringComparison.Ordinal);
        Assert.Contains("container \"suffixed\"", after, StringComparison.Ordinal);
        Assert.True(afterError.Length == 0, afterError);
        Assert.DoesNotContain("container \"api\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageData_IsMatchedOverThePlainFilesAndEveryRender_SoOnlyWhatMatchesNothingIsANote()
    {
        using var tree = CopyChart();
        tree.Write("right-sizing/ci/big-values.yaml", BigVariant);
        tree.Write("plain.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: plain\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/example/app:1.0.0\n          resources:\n            requests: {memory: 64Mi}\n            limits: {memory: 64Mi}\n");
        tree.Write("usage.csv", File.ReadAllText(Path.Combine(tree.Root, "usage.csv")) + "default,plain,app,100Mi,120Mi,130Mi\nother,gone,app,1Mi,2Mi,3Mi\n");

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", ".", "--usage", "usage.csv", "--helm", HelmTool.Executable, "--format", "github");

        Assert.True(code == ExitCodes.Findings, error);
        var notes = output.Split('\n').Where(l => l.Contains("title=ML8005", StringComparison.Ordinal)).ToList();
        Assert.Equal("usage.csv: 1 item of usage data matches no workload of the input: other/gone container \"app\" (line 9).", Assert.Single(notes).Split("::")[2].Split(" Lint the")[0]);
        Assert.Contains("Deployment default/plain, container \"app\": memory limit 64Mi is at or below the observed p99", output, StringComparison.Ordinal);
        Assert.Contains("file=right-sizing/templates/api.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageReport_OnAChart_UsesTheRenderedWorkloads_AndTheConfiguredReleaseName()
    {
        using var tree = CopyChart();
        tree.Write("right-sizing/ci/big-values.yaml", BigVariant);
        tree.Write(".manifestlint.yaml", "helm:\n  releaseName: shop\n");
        tree.Write("usage.csv", File.ReadAllText(Path.Combine(tree.Root, "usage.csv")).Replace(",release-", ",shop-", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run(tree.Root, "usage", "report", "right-sizing", "--usage", "usage.csv");

        Assert.True(code == ExitCodes.Success, error);
        // Each container once, as the chart's defaults render it (the ci/ variant is another render of the same workloads).
        Assert.Contains("6 containers with data.", output, StringComparison.Ordinal);
        Assert.Equal(6, output.Split('\n').Count(l => l.StartsWith("| default | Deployment shop-", StringComparison.Ordinal)));
        Assert.Contains("| default | Deployment shop-api | api | 256 MiB | 512 MiB | – | 400 MiB | 500 MiB | 520 MiB | 1 row, usage.csv | 400Mi | 600Mi |", output, StringComparison.Ordinal);
        Assert.Contains("| default | Deployment shop-worker | worker | 2 GiB | 4 GiB | – | 300 MiB | 400 MiB | 420 MiB | 1 row, usage.csv | 300Mi | 480Mi |", output, StringComparison.Ordinal);
        Assert.Contains("| default | Deployment shop-cache | cache | 64 MiB | 64 MiB | – | 80 MiB | 100 MiB | 110 MiB | 1 row, usage.csv | 80Mi | 120Mi |", output, StringComparison.Ordinal);
    }

    private static JsonElement Single(string rule, string fragment)
    {
        var matches = SarifResults.Value.Where(r => r.GetProperty("ruleId").GetString() == rule && r.GetProperty("message").GetProperty("text").GetString()!.Contains(fragment, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} {rule} results with {fragment}: {string.Join("\n", SarifResults.Value.Select(r => r.GetProperty("message").GetProperty("text").GetString()))}");
        return matches[0];
    }

    private static TempTree CopyChart()
    {
        var tree = new TempTree();
        var chart = Path.Combine(HelmFixtures.Charts, "right-sizing");
        foreach (var file in Directory.EnumerateFiles(chart, "*", SearchOption.AllDirectories))
        {
            tree.Write(Path.Combine("right-sizing", Path.GetRelativePath(chart, file)), File.ReadAllText(file));
        }

        tree.Write("usage.csv", File.ReadAllText(Path.Combine(Tests.TestSupport.RepositoryPaths.Root, UsagePath)));
        return tree;
    }
}
