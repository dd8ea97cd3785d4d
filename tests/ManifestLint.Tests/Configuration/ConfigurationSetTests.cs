using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules.Resources;
using Xunit;

namespace ManifestLint.Tests.Configuration;

public class ConfigurationSetTests
{
    private static readonly RuleDescriptor LimitMissing = RuleCatalog.Default["ML1001"];
    private static readonly RuleDescriptor Ratio = RuleCatalog.Default["ML1005"];
    private static readonly RuleDescriptor BestEffort = RuleCatalog.Default["ML1006"];

    [Fact]
    public void NearestConfiguration_Wins_AndFilesAreNotMerged()
    {
        var files = new InMemoryFiles()
            .AddDirectory(".git")
            .Add(".manifestlint.yaml", "rules: { ML1001: note, ML1006: none }")
            .Add("apps/shop/.manifestlint.yaml", "rules: { ML1001: error }");
        var set = ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Root);

        Assert.Equal(Severity.Error, set.For("apps/shop/deploy/web.yaml").SeverityOf(LimitMissing));
        Assert.Equal(Severity.Warning, set.For("apps/shop/deploy/web.yaml").SeverityOf(BestEffort));
        Assert.Equal(Severity.Note, set.For("apps/other/web.yaml").SeverityOf(LimitMissing));
        Assert.Equal(Severity.None, set.For("web.yaml").SeverityOf(BestEffort));
        Assert.Equal(InMemoryFiles.Full("apps/shop/.manifestlint.yaml"), set.For("apps/shop/x.yaml").Config.Path);
    }

    [Fact]
    public void Lookup_StopsAtTheRepositoryRoot()
    {
        var files = new InMemoryFiles()
            .Add(".manifestlint.yaml", "rules: { ML1001: none }")
            .AddDirectory("sub/.git");
        var set = ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Root);

        Assert.Null(set.For("sub/web.yaml").Config.Path);
        Assert.Equal(Severity.Warning, set.For("sub/web.yaml").SeverityOf(LimitMissing));
        Assert.Equal(Severity.None, set.For("web.yaml").SeverityOf(LimitMissing));
    }

    [Fact]
    public void EachConfigurationFile_IsReadOnce()
    {
        var files = new InMemoryFiles().AddDirectory(".git").Add(".manifestlint.yaml", "rules: { ML1001: none }");
        var set = ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Root);

        set.For("a.yaml");
        set.For("b/c.yaml");
        set.For(AnalysisInput.StandardInputPath);

        Assert.Single(files.Reads);
    }

    [Fact]
    public void StandardInput_UsesTheWorkingDirectorysConfiguration()
    {
        var files = new InMemoryFiles().AddDirectory(".git").Add("apps/.manifestlint.yaml", "rules: { ML1001: none }");
        var set = ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Full("apps"));

        Assert.Equal(Severity.None, set.For(AnalysisInput.StandardInputPath).SeverityOf(LimitMissing));
        Assert.Equal(Severity.None, set.ForRun.SeverityOf(LimitMissing));
    }

    [Fact]
    public void GivenFile_AppliesToEveryPath()
    {
        var files = new InMemoryFiles().AddDirectory(".git").Add("ci/lint.yaml", "rules: { ML1001: none }").Add(".manifestlint.yaml", "rules: { ML1001: error }");
        var set = ConfigurationSet.FromFile("ci/lint.yaml", files.Access, RuleCatalog.Default, InMemoryFiles.Root);

        Assert.Equal(Severity.None, set.For("apps/web.yaml").SeverityOf(LimitMissing));
        Assert.Equal(Severity.None, set.For("web.yaml").SeverityOf(LimitMissing));
    }

    [Fact]
    public void Overrides_ApplyByGlob_RelativeToTheConfigurationFile_LaterBlocksWinning()
    {
        var files = new InMemoryFiles().AddDirectory(".git").Add("deploy/.manifestlint.yaml", """
            rules:
              ML1005: { severity: note, maxRatio: 3 }
            overrides:
              - files: ["charts/legacy/**"]
                rules: { ML1006: none, ML1005: { maxRatio: 8 } }
              - files: ["charts/legacy/old/*.yaml"]
                rules: { ML1005: warning }
            """);
        var set = ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Root);

        var plain = set.For("deploy/web.yaml");
        var legacy = set.For("deploy/charts/legacy/templates/web.yaml");
        var old = set.For("deploy/charts/legacy/old/web.yaml");

        Assert.Equal((Severity.Warning, Severity.Note, 3m), (plain.SeverityOf(BestEffort), plain.SeverityOf(Ratio), plain.Settings.Get(RuleIds.MemoryLimitRequestRatio, MemoryLimitRequestRatioRule.MaxRatio)));
        Assert.Equal((Severity.None, Severity.Note, 8m), (legacy.SeverityOf(BestEffort), legacy.SeverityOf(Ratio), legacy.Settings.Get(RuleIds.MemoryLimitRequestRatio, MemoryLimitRequestRatioRule.MaxRatio)));
        Assert.Equal((Severity.None, Severity.Warning, 8m), (old.SeverityOf(BestEffort), old.SeverityOf(Ratio), old.Settings.Get(RuleIds.MemoryLimitRequestRatio, MemoryLimitRequestRatioRule.MaxRatio)));
        Assert.Equal(2, old.AppliedOverrides.Count);
        Assert.Empty(set.For("charts/legacy/web.yaml").AppliedOverrides);
    }

    [Fact]
    public void RuleId_WinsOverItsCategory_WithinALayer_AndALaterLayerWinsOverBoth()
    {
        var files = new InMemoryFiles().AddDirectory(".git").Add(".manifestlint.yaml", """
            rules: { Resources: none, ML1005: note }
            overrides:
              - files: ["strict/**"]
                rules: { Resources: error }
            """);
        var set = ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Root);

        Assert.Equal(Severity.None, set.For("a.yaml").SeverityOf(LimitMissing));
        Assert.Equal(Severity.Note, set.For("a.yaml").SeverityOf(Ratio));
        Assert.Equal(Severity.Error, set.For("strict/a.yaml").SeverityOf(Ratio));
        Assert.Equal(Severity.Error, set.For("tool.yaml").SeverityOf(RuleCatalog.Default["ML0001"]));
    }

    [Theory]
    [InlineData("testdata/a.yaml", true)]
    [InlineData("apps/testdata/deep/a.yaml", true)]
    [InlineData("apps/a.yaml", false)]
    [InlineData("generated.yaml", true)]
    [InlineData("apps/generated.yaml", false)]
    public void Exclude_MatchesGlobs(string path, bool excluded)
    {
        var files = new InMemoryFiles().AddDirectory(".git").Add(".manifestlint.yaml", "exclude: [\"**/testdata/**\", \"generated.yaml\"]");
        var set = ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Root);

        Assert.Equal(excluded, set.For(path).Excluded);
    }

    [Fact]
    public void Validate_ReportsEveryBrokenFileOnce()
    {
        var files = new InMemoryFiles().AddDirectory(".git")
            .Add(".manifestlint.yaml", "rules: { ML1001: loud }")
            .Add("b/.manifestlint.yaml", "rulez: {}");
        var set = ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Root);

        var errors = set.Validate(["a.yaml", "a2.yaml", "b/c.yaml"]);

        Assert.Equal([".manifestlint.yaml", Path.Combine("b", ".manifestlint.yaml")], errors.Select(e => e.At.Path));
        Assert.Throws<ConfigurationException>(() => set.For("b/c.yaml"));
    }
}
