using ManifestLint.Engine.Diagnostics;
using ManifestLint.Kustomize;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// A kustomization that cannot or must not be built is one ML0002 at its kustomization file, with the reason and the
/// command to reproduce; the others are still linted. Nothing from the repository ever runs, and nothing is fetched.
/// </summary>
public class KustomizeErrorTests
{
    private static Diagnostic Only(KustomizeLintResult result) => Assert.Single(result.Analysis.Diagnostics);

    [Fact]
    public void ARemoteBase_IsNotFetched_AndSaysHowToLintItAnyway()
    {
        var result = KustomizeTool.Lint("errors/remote");
        var finding = Only(result);

        Assert.Equal("ML0002", finding.RuleId);
        Assert.EndsWith("errors/remote/kustomization.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.StartsWith("- https://github.com/kubernetes-sigs/kustomize", KustomizeTool.LineText(finding.Location), StringComparison.Ordinal);
        Assert.Contains("includes the remote base https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.6.0: ManifestLint builds offline", finding.Message, StringComparison.Ordinal);
        Assert.Contains("`kubectl kustomize tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/remote | manifestlint lint -`", finding.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, result.Statistics.BuildTime);
    }

    [Fact]
    public void ABrokenKustomization_GivesKustomizesMessage_AndTheCommand()
    {
        var finding = Only(KustomizeTool.Lint("errors/broken"));

        Assert.Equal("ML0002", finding.RuleId);
        Assert.EndsWith("errors/broken/kustomization.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.StartsWith("kustomize cannot build tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/broken: accumulating resources:", finding.Message, StringComparison.Ordinal);
        Assert.Contains("tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/broken/missing.yaml", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("manifestlint-kustomize-", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("check with `kubectl kustomize tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/broken`. [overlay tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/broken]", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACycle_IsReportedOnce_AtTheIncludeThatClosesIt()
    {
        var finding = Only(KustomizeTool.Lint("errors/cycle/a", "errors/cycle/b"));

        Assert.Equal("ML0002", finding.RuleId);
        Assert.Equal("- ../a", KustomizeTool.LineText(finding.Location));
        Assert.Contains("in a cycle (tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/cycle/a -> tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/cycle/b -> tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/cycle/a)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExecPlugin_IsRefused_AndItsProgramNeverRuns()
    {
        var marker = Path.Combine(Path.GetTempPath(), "manifestlint-plugin-ran");
        File.Delete(marker);

        var finding = Only(KustomizeTool.Lint("errors/plugin"));

        Assert.Equal("ML0002", finding.RuleId);
        Assert.Equal("- set-memory.yaml", KustomizeTool.LineText(finding.Location));
        Assert.Contains("asks kustomize to run a plugin (transformers: SetMemory example.com/v1, an exec function): ManifestLint never runs code from the repository it lints", finding.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void HelmCharts_AreInflatedOnlyWhenTurnedOn()
    {
        var finding = Only(KustomizeTool.Lint("errors/helm"));

        Assert.Equal("helmCharts:", KustomizeTool.LineText(finding.Location));
        Assert.Contains("inflates Helm charts (helmCharts:), which runs helm", finding.Message, StringComparison.Ordinal);
        Assert.Contains("kubectl kustomize --enable-helm DIR | manifestlint lint -", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingUnit_DoesNotStopTheOthers()
    {
        var result = KustomizeTool.Lint("errors/broken", "errors/remote", "shop/overlays/dev");

        Assert.Equal(2, result.Analysis.Diagnostics.Count(d => d.RuleId == "ML0002"));
        Assert.Contains(result.Analysis.Diagnostics, d => d.RuleId == "ML1003");
        Assert.Equal(2, result.Statistics.Failed);
    }

    [Fact]
    public void WithoutKustomize_TheLinterSaysHowToInstallIt()
    {
        var linter = new KustomizeLinter(new KustomizeSettings(), TestSupport.RepositoryPaths.Root);

        var error = Assert.Throws<InvalidOperationException>(() => linter.AnalyzeAsync([Path.Combine(KustomizeTool.Fixtures, "shop/overlays/dev")], []).GetAwaiter().GetResult());
        Assert.Contains(KustomizeLocator.InstallHint, error.Message, StringComparison.Ordinal);
    }
}
