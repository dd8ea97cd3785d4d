using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Kustomize;
using ManifestLint.Kustomize.Mapping;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.Helm;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// <c>helmCharts:</c> built for real when the user turns it on: kubectl's kustomize (v5.6) runs the pinned Helm 4
/// through the helm shim (kustomize's <c>helm version -c</c> probe, which Helm 4 rejects, is answered by the shim),
/// and findings on the inflated objects go on the chart template line that wrote them, or on the overlay's patch.
/// The fixture (TestData/kustomize/helm) inflates the local chart web and patches its limit.
/// </summary>
public class KustomizeHelmTests
{
    private const string Fixture = "tests/ManifestLint.Tests/Kustomize/TestData/kustomize/helm";

    private static readonly Lazy<KustomizeLintResult> Built = new(() =>
        KustomizeTool.Lint(KustomizeTool.Settings with { EnableHelm = true, HelmPath = HelmTool.Executable }, "helm"));

    private static IReadOnlyList<Diagnostic> Findings => Built.Value.Analysis.Diagnostics;

    [Fact]
    public void WithEnableHelm_TheChartIsInflated_ByThePinnedHelm4()
    {
        Assert.DoesNotContain(Findings, d => d.RuleId == "ML0002");
        Assert.Equal(0, Built.Value.Statistics.Failed);
        Assert.Contains(Findings, d => d.Message.Contains("Deployment shop-helm/storefront-worker", StringComparison.Ordinal));
    }

    [Fact]
    public void AFieldTheTemplateWrites_GoesOnTheTemplateLine()
    {
        var finding = Assert.Single(Findings, d => d.RuleId == "ML1006" && d.Message.Contains("storefront-worker", StringComparison.Ordinal));

        Assert.Equal($"{Fixture}/charts/web/templates/worker.yaml", finding.Location.Path);
        Assert.Equal("containers:", KustomizeTool.LineText(finding.Location));
    }

    [Fact]
    public void AJvmFlagFromTheValues_GoesOnTheTemplateLineThatPrintsIt()
    {
        var finding = Assert.Single(Findings, d => d.Message.Contains("-Xmx3g", StringComparison.Ordinal));

        Assert.Equal($"{Fixture}/charts/web/templates/deployment.yaml", finding.Location.Path);
        Assert.Equal("value: {{ .Values.javaOpts | quote }}", KustomizeTool.LineText(finding.Location));
    }

    [Fact]
    public void AValueTheOverlayPatches_GoesOnThePatchLine_WithTheTemplateRelated()
    {
        var finding = Assert.Single(Findings, d => d.RuleId == "ML1005");

        Assert.Equal($"{Fixture}/limit.yaml", finding.Location.Path);
        Assert.Equal("memory: 3Gi", KustomizeTool.LineText(finding.Location));
        var template = Assert.Single(finding.RelatedLocations, r => r.Span.Path.EndsWith("templates/deployment.yaml", StringComparison.Ordinal));
        Assert.Equal("resources:", KustomizeTool.LineText(template.Span));
    }

    [Fact]
    public void EveryFinding_IsMappedIntoTheChartOrThePatch_OnTheLineThatWritesTheField()
    {
        MappingAccuracy.AssertAllExact(Built.Value);
        Assert.All(Built.Value.Placements, p => Assert.Contains(p.Location.Method, new[] { MappingMethod.Chart, MappingMethod.Patch, MappingMethod.Transformer }));
    }

    [Fact]
    public void WithoutEnableHelm_TheKustomizationIsRefused_NamingTheSetting()
    {
        var finding = Assert.Single(KustomizeTool.Lint("helm").Analysis.Diagnostics);

        Assert.Equal("ML0002", finding.RuleId);
        Assert.Contains("kustomize: { enableHelm: true } in .manifestlint.yaml", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARemoteChart_IsNotPulled_AndSaysHowToVendorIt()
    {
        var finding = Assert.Single(KustomizeTool.Lint(KustomizeTool.Settings with { EnableHelm = true, HelmPath = HelmTool.Executable }, "errors/helm").Analysis.Diagnostics);

        Assert.Equal("ML0002", finding.RuleId);
        Assert.Equal("- name: web", KustomizeTool.LineText(finding.Location));
        Assert.Contains("inflates the Helm chart web from https://charts.example.com, which is not in its chart home (charts): ManifestLint builds offline and never pulls it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCli_TakesEnableHelmFromTheConfigurationFile_AndNeverLintsTheChartOnItsOwn()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", Fixture, "--kustomize", KustomizeTool.Executable, "--helm", HelmTool.Executable, "--format", "json");

        Assert.True(code == ExitCodes.Findings, error);
        var findings = JsonNode.Parse(output)!["findings"]!.AsArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.EndsWith($"[overlay {Fixture}]", (string)f!["message"]!, StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => ((string)f!["message"]!).Contains("[chart", StringComparison.Ordinal));
        Assert.Contains(findings, f => ((string)f!["path"]!).EndsWith("templates/worker.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void AStagedChartTemplate_LintsTheKustomizationThatInflatesIt()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", $"{Fixture}/charts/web/templates/worker.yaml", "--kustomize", KustomizeTool.Executable, "--helm", HelmTool.Executable, "--format", "json");

        Assert.True(code == ExitCodes.Findings, error);
        var messages = JsonNode.Parse(output)!["findings"]!.AsArray().Select(f => (string)f!["message"]!).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.EndsWith($"[overlay {Fixture}]", m, StringComparison.Ordinal));
    }
}
