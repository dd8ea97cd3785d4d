using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Engine.Catalog;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// <c>manifestlint lint samples/charts</c> from the repository root, rendered by the real Helm: every finding on a
/// template or values line, variants named, SARIF with repository-relative chart paths. The golden output of the
/// charts is part of the one golden set of samples/ (Cli/SamplesSnapshotTests).
/// </summary>
public class SampleChartsTests
{
    private static string[] Lint(params string[] extra) => ["lint", "samples/charts", "--helm", HelmTool.Executable, .. extra];

    [Fact]
    public void EveryLocation_IsARepositoryRelativeFileOfASampleChart()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, Lint("--format", "sarif"));

        Assert.True(code == ExitCodes.Findings, error);

        var results = JsonNode.Parse(output)!["runs"]![0]!["results"]!.AsArray();
        var locations = results.SelectMany(r => new[] { r!["locations"]![0]! }.Concat(r["relatedLocations"]?.AsArray() ?? [])).ToList();
        Assert.NotEmpty(locations);
        Assert.All(locations, l =>
        {
            var artifact = l!["physicalLocation"]!["artifactLocation"]!;
            Assert.Equal("%SRCROOT%", (string?)artifact["uriBaseId"]);
            var uri = (string)artifact["uri"]!;
            Assert.StartsWith("samples/charts/", uri, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, uri)), uri);
        });
    }

    [Fact]
    public void TheSampleCharts_ShowARenderFailure_ASubchart_AVariant_AndARange()
    {
        var result = HelmFixtures.Lint(null, [.. Directory.GetDirectories(HelmFixtures.SampleCharts).Order(StringComparer.Ordinal)]);
        var findings = result.Analysis.Diagnostics;

        Assert.Contains(findings, d => d.RuleId == RuleIds.HelmRenderFailed && d.Location.Path == "samples/charts/billing/Chart.yaml");
        Assert.Contains(findings, d => d.Location.Path == "samples/charts/shop/charts/cache/templates/statefulset.yaml");
        Assert.Contains(findings, d => d.Message.EndsWith("[chart web, values: ci/prod-values.yaml]", StringComparison.Ordinal));
        Assert.Equal(2, findings.Count(d => d.RuleId is "ML1001" or "ML1002" && d.Location.Path == "samples/charts/workers/templates/_pod.tpl"));
        Assert.Equal(0, result.Statistics.ByOutline + result.Statistics.FileOnly + result.Statistics.Unmapped);
    }
}
