using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules.Resources;
using Xunit;

namespace ManifestLint.Tests.Configuration;

public class ConfigurationWriterTests
{
    [Fact]
    public void Starter_IsAValidConfiguration_ListingEveryRuleCommentedOut()
    {
        var starter = ConfigurationWriter.Starter(RuleCatalog.Default);

        var config = ConfigurationParser.Parse("/r/.manifestlint.yaml", starter, RuleCatalog.Default);

        Assert.Empty(config.Rules.Rules);
        Assert.Equal(SuppressionConfiguration.Default, config.Suppressions);
        Assert.All(RuleCatalog.Default.Descriptors, d => Assert.Contains($"  # {d.Id}: ", starter, StringComparison.Ordinal));
    }

    [Fact]
    public void Starter_KustomizeBlockUncommented_IsValid_AndSaysTheDefaults()
    {
        var lines = ConfigurationWriter.Starter(RuleCatalog.Default).Split('\n');
        var start = Array.IndexOf(lines, "# kustomize:");
        var block = string.Join('\n', lines.Skip(start).TakeWhile(l => l.StartsWith('#') && l.Length > 1).Select(l => l[2..]));

        var config = ConfigurationParser.Parse("/r/.manifestlint.yaml", block, RuleCatalog.Default);

        Assert.Equal(new KustomizeConfiguration(".tools/bin/kubectl", false, false, 60), config.Kustomize);
    }

    [Fact]
    public void Starter_LinesUncommented_AreStillValid()
    {
        var uncommented = string.Join('\n', ConfigurationWriter.Starter(RuleCatalog.Default).Split('\n')
            .Select(l => l.StartsWith("  # ML", StringComparison.Ordinal) ? "  " + l[4..] : l));

        var config = ConfigurationParser.Parse("/r/.manifestlint.yaml", uncommented, RuleCatalog.Default);

        Assert.Equal(RuleCatalog.Default.Descriptors.Count, config.Rules.Rules.Count);
    }

    [Fact]
    public void Print_IsAValidConfiguration_ThatGivesTheSameEffectiveSettings()
    {
        var configuration = ConfiguredAnalysisTests.Configuration("""
            rules: { Resources: note, ML1005: { maxRatio: 3 }, ML1007: { criticalPriorityClasses: [platform-critical] } }
            overrides:
              - files: ["legacy/**"]
                rules: { ML1006: none }
            helm: { releaseName: web, values: { "charts/web": ["charts/web/prod.yaml"] } }
            kustomize: { path: tools/kubectl, enableHelm: true, loadRestrictor: none, timeout: 90 }
            exclude: ["**/testdata/**"]
            suppressions: { annotations: false }
            """);
        var effective = configuration.For("legacy/web.yaml");

        var printed = ConfigurationWriter.Print(effective, RuleCatalog.Default, "legacy/web.yaml", p => Path.GetRelativePath(InMemoryFiles.Root, p));
        var reparsed = new EffectiveConfiguration(ConfigurationParser.Parse(InMemoryFiles.Full("x/.manifestlint.yaml"), printed, RuleCatalog.Default), InMemoryFiles.Full("x/web.yaml"));

        Assert.Contains("# Overrides applied: line 3 (legacy/**)", printed, StringComparison.Ordinal);
        Assert.Contains("  ML1005: { severity: note, maxRatio: 3 }    # configured", printed, StringComparison.Ordinal);
        Assert.Contains("  ML1006: none    # configured", printed, StringComparison.Ordinal);
        Assert.All(RuleCatalog.Default.Descriptors, d => Assert.Equal(effective.SeverityOf(d), reparsed.SeverityOf(d)));
        Assert.Equal("platform-critical", reparsed.Settings.Get(RuleIds.CriticalPodNotGuaranteed, CriticalPodNotGuaranteedRule.CriticalPriorityClasses).Single());
        Assert.Equal(Severity.Note, reparsed.SeverityOf(RuleCatalog.Default["ML1001"]));
        Assert.Equal(effective.Suppressions, reparsed.Suppressions);
        Assert.Equal("web", reparsed.Helm.ReleaseName);
        Assert.Equal(effective.Kustomize, reparsed.Kustomize);
        Assert.Contains("kustomize:\n  path: tools/kubectl\n  enableHelm: true\n  loadRestrictor: none\n  timeout: 90\n", printed, StringComparison.Ordinal);
        Assert.Equal(["**/testdata/**"], reparsed.Config.Exclude);
    }
}
