using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.Sarif;
using ManifestLint.Tests.Snapshots;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// Golden output of <c>manifestlint lint samples/charts</c> from the repository root, rendered by the real Helm:
/// every finding on a template or values line, variants named, SARIF with repository-relative chart paths.
/// </summary>
public class SampleChartsTests
{
    private static string[] Lint(params string[] extra) => ["lint", "samples/charts", "--helm", HelmTool.Executable, .. extra];

    [Fact]
    public void TextOutput_MatchesTheVerifiedSnapshot()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, Lint());

        Assert.True(code == ExitCodes.Findings, error);
        Snapshot.Verify(output, "sample-charts", "txt");
    }

    [Fact]
    public void SarifOutput_IsSchemaValid_AndMatchesTheVerifiedSnapshot()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, Lint("--format", "sarif"));

        Assert.True(code == ExitCodes.Findings, error);
        SarifSchemaValidator.AssertValid(output);
        Snapshot.Verify(Normalise(output), "sample-charts", "sarif.json");
    }

    [Fact]
    public void EveryLocation_IsARepositoryRelativeFileOfASampleChart()
    {
        var (_, output, _) = CliRunner.Run(RepositoryPaths.Root, Lint("--format", "sarif"));

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
        var findings = result.Result.Diagnostics;

        Assert.Contains(findings, d => d.RuleId == "ML0002" && d.Location.Path == "samples/charts/billing/Chart.yaml");
        Assert.Contains(findings, d => d.Location.Path == "samples/charts/shop/charts/cache/templates/statefulset.yaml");
        Assert.Contains(findings, d => d.Message.EndsWith("[chart web, values: ci/prod-values.yaml]", StringComparison.Ordinal));
        Assert.Equal(2, findings.Count(d => d.RuleId == "ML1001" && d.Location.Path == "samples/charts/workers/templates/_pod.tpl"));
        Assert.Equal(0, result.Statistics.ByOutline + result.Statistics.FileOnly + result.Statistics.Unmapped);
    }

    /// <summary>Drops what other tests own or what changes with the machine: the rule catalog (and so rule indices), tool version, checkout path.</summary>
    private static string Normalise(string sarif)
    {
        var log = JsonNode.Parse(sarif)!;
        var run = log["runs"]![0]!;
        var driver = run["tool"]!["driver"]!;
        driver["semanticVersion"] = "<version>";
        driver.AsObject().Remove("rules");
        run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"] = "file:///<root>/";
        foreach (var result in run["results"]!.AsArray())
        {
            result!.AsObject().Remove("ruleIndex");
        }

        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
