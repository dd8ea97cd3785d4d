using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Kustomize;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// Findings on overlays built by the real kustomize land on the base or patch line a user edits: the patch that set
/// or removed the value when one did (the base line related), else the base. Expectations name lines by their text,
/// never by number (TestData/kustomize/README.md describes the fixture).
/// </summary>
public class KustomizeMappingTests
{
    private static readonly Lazy<KustomizeLintResult> Shop = new(() =>
        KustomizeTool.Lint("shop/base", "shop/components/jvm-tuning", "shop/overlays/dev", "shop/overlays/prod"));

    private static IReadOnlyList<Diagnostic> Findings => Shop.Value.Analysis.Diagnostics;

    private static Diagnostic Single(string ruleId, string overlay, string fragment) =>
        Assert.Single(Findings, d => d.RuleId == ruleId && d.Message.Contains(fragment, StringComparison.Ordinal) && d.Properties[KustomizeLinter.OverlayProperty].EndsWith(overlay, StringComparison.Ordinal));

    [Fact]
    public void BasesAndComponents_AreLintedOnlyThroughTheOverlays()
    {
        Assert.Equal(2, Shop.Value.Statistics.Units);
        Assert.Equal(2, Shop.Value.Statistics.Bases);
        Assert.All(Findings, d => Assert.Matches(@" \[overlay tests/ManifestLint\.Tests/Kustomize/TestData/kustomize/shop/overlays/(dev|prod)\]$", d.Message));
    }

    [Fact]
    public void AValueFromTheBase_StaysOnTheBaseLine()
    {
        var finding = Single("ML1003", "overlays/dev", "container \"api\"");

        Assert.EndsWith("shop/base/api.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("memory: 512Mi", KustomizeTool.LineText(finding.Location));
        Assert.Contains("Deployment shop-dev/api", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInlineJson6902Replace_PutsTheFindingOnTheValueLine_WithTheBaseRelated()
    {
        var finding = Single("ML1005", "overlays/prod", "container \"api\"");

        Assert.EndsWith("shop/overlays/prod/kustomization.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("value: 2Gi", KustomizeTool.LineText(finding.Location));
        var based = Assert.Single(finding.RelatedLocations, r => r.Span.Path.EndsWith("shop/base/api.yaml", StringComparison.Ordinal));
        Assert.Equal("memory: 1Gi", KustomizeTool.LineText(based.Span));
        Assert.Equal("the base's value, which the patch overrides", based.Message);
    }

    [Fact]
    public void AStrategicMergePatchInAComponent_PutsTheJvmFlagOnThePatchLine()
    {
        var finding = Single("ML2005", "overlays/prod", "-Xmx1536m");

        Assert.EndsWith("shop/components/jvm-tuning/heap.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("value: \"-Xmx1536m\"", KustomizeTool.LineText(finding.Location));
        var based = Assert.Single(finding.RelatedLocations, r => r.Span.Path.EndsWith("shop/base/api.yaml", StringComparison.Ordinal));
        Assert.Equal("value: \"-XX:MaxRAMPercentage=50\"", KustomizeTool.LineText(based.Span));
    }

    [Fact]
    public void AStrategicMergePatchFile_LoweringTheLimit_IsNotBlamedForTheRequest()
    {
        Assert.DoesNotContain(Findings, d => d.Location.Path.EndsWith("overlays/dev/memory.yaml", StringComparison.Ordinal) && d.RuleId == "ML1003");
    }

    [Fact]
    public void AJson6902Remove_IsThePrimaryLocation_OfTheFindingsItCauses()
    {
        var findings = Findings.Where(d => d.Message.Contains("Deployment shop-dev/worker", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, finding =>
        {
            Assert.EndsWith("shop/overlays/dev/kustomization.yaml", finding.Location.Path, StringComparison.Ordinal);
            Assert.Equal("path: /spec/template/spec/containers/0/resources", KustomizeTool.LineText(finding.Location));
            var based = Assert.Single(finding.RelatedLocations, r => r.Span.Path.EndsWith("shop/base/worker.yaml", StringComparison.Ordinal));
            Assert.Equal("the base's value, which the patch removes", based.Message);
        });
    }

    [Fact]
    public void AJson6902PatchFile_CarriesTheFix_WhichEditsThePatchFile()
    {
        var finding = Single("ML1004", "overlays/prod", "container \"worker\"");

        Assert.EndsWith("shop/overlays/prod/worker-limit.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("memory: 1073741824000m", KustomizeTool.LineText(finding.Location));
        var fix = Assert.IsType<Fix>(finding.Fix);
        var edit = Assert.Single(fix.Edits);
        Assert.Equal(finding.Location.Path, edit.Span.Path);
        var text = File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, edit.Span.Path));
        var applied = FixApplier.Apply(text, [fix], edit.Span.Path);
        Assert.Contains("    memory: 1Gi\n", applied.Text, StringComparison.Ordinal);
        Assert.Equal(text.Replace("1073741824000m", "1Gi", StringComparison.Ordinal), applied.Text);
    }

    [Fact]
    public void AFixOfAValueInAPatchFile_EditsInsideTheQuotes()
    {
        var finding = Single("ML2005", "overlays/prod", "-Xmx1536m");
        var fix = Assert.IsType<Fix>(finding.Fix);
        var edit = Assert.Single(fix.Edits);
        var text = File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, edit.Span.Path));

        Assert.Contains("value: \"-XX:MaxRAMPercentage=75", FixApplier.Apply(text, [fix], edit.Span.Path).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintsAndProperties_NameTheOverlay()
    {
        Assert.All(Findings, d => Assert.Contains("|overlay:tests/ManifestLint.Tests/Kustomize/TestData/kustomize/shop/overlays/", d.FingerprintKey, StringComparison.Ordinal));
        Assert.Equal(Findings.Count, Findings.Select(d => (d.FingerprintKey, d.Location.Path, d.Location.StartLine)).Distinct().Count());
    }

    [Fact]
    public void EveryPlacement_IsOnTheLineOfTheFieldItNames()
    {
        Assert.Equal(Findings.Count, MappingAccuracy.AssertAllExact(Shop.Value).Total);
    }
}
