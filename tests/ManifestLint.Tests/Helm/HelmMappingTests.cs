using ManifestLint.Cli;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Helm;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// Findings on charts rendered by the real Helm land on the template line a chart author edits, with the values key
/// that set the value as a related location. The fixtures copy real-chart patterns (see TestData/charts/README.md);
/// expectations name the line by its text, never by number.
/// </summary>
public class HelmMappingTests
{
    private static readonly Lazy<HelmLintResult> Fixtures = new(() =>
        HelmFixtures.Lint(null, Path.Combine(HelmFixtures.Charts, "tomcat"), Path.Combine(HelmFixtures.Charts, "monitor")));

    private static IReadOnlyList<Diagnostic> Findings => Fixtures.Value.Analysis.Diagnostics;

    [Fact]
    public void EveryFinding_IsOnAChartFile_MappedByALineMarker()
    {
        Assert.All(Findings, d => Assert.StartsWith("tests/ManifestLint.Tests/Helm/TestData/charts/", d.Location.Path, StringComparison.Ordinal));
        Assert.Equal(0, Fixtures.Value.Statistics.ByOutline + Fixtures.Value.Statistics.FileOnly + Fixtures.Value.Statistics.Unmapped);
        Assert.True(Fixtures.Value.Statistics.ByMarker >= Findings.Count);
    }

    [Fact]
    public void AContainerWithoutResources_PointsAtItsNameLine_InTheHelperThatWritesIt()
    {
        var finding = HelmFixtures.Single(Findings, "ML1002", "container \"tomcat\"", "values: default");

        Assert.EndsWith("tomcat/templates/_pod.tpl", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("- name: tomcat", HelmFixtures.LineText(finding.Location));
    }

    [Fact]
    public void ASidecarFromValues_PointsAtTheIncludeLine_AndAtItsValuesItem()
    {
        var finding = HelmFixtures.Single(Findings, "ML1002", "container \"log-shipper\"");

        Assert.Equal("{{- include \"common.tplvalues.render\" ( dict \"value\" .Values.sidecars \"context\" $) | nindent 2 }}", HelmFixtures.LineText(finding.Location));
        var values = HelmFixtures.Values(finding);
        Assert.EndsWith("tomcat/values.yaml", values.Span.Path, StringComparison.Ordinal);
        Assert.Equal("- name: log-shipper", HelmFixtures.LineText(values.Span));
    }

    [Fact]
    public void AValueFromACiVariant_PointsAtTheToYamlLine_AndAtTheVariantFile()
    {
        var finding = HelmFixtures.Single(Findings, "ML1003", "container \"jmx-exporter\"");

        Assert.Equal("resources: {{- toYaml .Values.metrics.jmx.resources | nindent 6 }}", HelmFixtures.LineText(finding.Location));
        Assert.EndsWith(" [chart tomcat, values: ci/preset-values.yaml]", finding.Message, StringComparison.Ordinal);
        var values = HelmFixtures.Values(finding);
        Assert.EndsWith("tomcat/ci/preset-values.yaml", values.Span.Path, StringComparison.Ordinal);
        Assert.Equal("memory: 512Mi", HelmFixtures.LineText(values.Span));
        Assert.Equal("values: metrics.jmx.resources.requests.memory", values.Message);
    }

    [Fact]
    public void FindingsIdenticalInSeveralVariants_AreReportedOnce_NamingThem()
    {
        var finding = HelmFixtures.Single(Findings, "ML1002", "container \"log-shipper\"");

        Assert.EndsWith(" [chart tomcat, values: default, ci/preset-values.yaml]", finding.Message, StringComparison.Ordinal);
        Assert.Equal("default, ci/preset-values.yaml", finding.Properties["helmValues"]);
        Assert.EndsWith("|chart:tomcat|values:default", finding.FingerprintKey, StringComparison.Ordinal);
    }

    [Fact]
    public void AContainerWhoseResourcesAWithBlockLeavesOut_PointsAtItsNameLine()
    {
        var finding = HelmFixtures.Single(Findings, "ML1002", "container \"monitor-server\"");

        Assert.EndsWith("monitor/templates/deployment.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("- name: {{ template \"monitor.name\" . }}-{{ .Values.server.name }}", HelmFixtures.LineText(finding.Location));
    }

    [Fact]
    public void RangeOverAMapOfSidecars_PointsAtTheLineInTheLoop_AndAtTheEntryInValues()
    {
        var finding = HelmFixtures.Single(Findings, "ML1001", "container \"reloader\"");

        Assert.Equal("resources: {{- toYaml $sidecar.resources | nindent 12 }}", HelmFixtures.LineText(finding.Location));
        Assert.Equal("values: sidecars.reloader.resources (add sidecars.reloader.resources.limits.memory)", HelmFixtures.Values(finding).Message);
        Assert.Equal("- name: {{ $name }}", HelmFixtures.LineText(HelmFixtures.Single(Findings, "ML1002", "container \"proxy\"").Location));
    }

    [Fact]
    public void AMissingSizeLimit_PointsAtTheLiteralMediumLine()
    {
        var finding = HelmFixtures.Single(Findings, "ML1008", "volume \"tmp\"");

        Assert.Equal("medium: Memory", HelmFixtures.LineText(finding.Location));
    }

    [Fact]
    public void AResourcesKeyFilledByIndentAtColumnZero_IsCompliant_WhenTheValueSetsALimit()
    {
        // The container was rendered and analysed with the limit from values: the summary shows it, 64 MiB both ways.
        var chart = Path.GetRelativePath(RepositoryPaths.Root, Path.Combine(HelmFixtures.Charts, "monitor"));
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", chart, "--helm", HelmTool.Executable, "--summary");

        Assert.True(code == ExitCodes.Findings, error);
        Assert.Matches(@"configmap-reload\b.*\b64 MiB\s+64 MiB\s+Burstable", output);
        Assert.DoesNotContain(Findings, d => d.RuleId is RuleIds.MemoryLimitMissing or RuleIds.MemoryRequestMissing && d.Message.Contains("\"configmap-reload\"", StringComparison.Ordinal));
    }
}
