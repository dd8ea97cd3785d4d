using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Tests.TestSupport;
using ManifestLint.Usage;
using Xunit;

namespace ManifestLint.Tests.Samples;

/// <summary>The samples a new user lints first: together they show every rule, and clean.yaml shows none.</summary>
public class SamplesTests
{
    /// <summary>Every sample, with the observed usage of samples/usage/ for the Usage rules (ML8001-ML8005).</summary>
    private static readonly Lazy<IReadOnlyList<Diagnostic>> Findings = new(() => Analyze(SampleFiles(), UsageSet.Load([.. Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "usage")).Order(StringComparer.Ordinal).Select(f => new UsageFile(Path.GetRelativePath(RepositoryPaths.Root, f), f, null))])));

    [Fact]
    public void Samples_MakeEveryRuleButToolErrorFire()
    {
        var fired = Findings.Value.Select(d => d.RuleId).ToHashSet(StringComparer.Ordinal);
        // ML0002 (a chart Helm cannot render) fires on samples/charts/billing, which Helm renders: Helm/SampleChartsTests checks it.
        var silent = RuleCatalog.Default.Descriptors.Select(d => d.Id).Where(id => id is not (RuleIds.ToolError or RuleIds.HelmRenderFailed) && !fired.Contains(id)).ToList();

        Assert.True(silent.Count == 0, $"No sample under samples/ makes these rules fire: {string.Join(", ", silent)}. Add a case to a sample and to samples/README.md.");
    }

    [Fact]
    public void Samples_DoNotCrashTheAnalyzer()
    {
        Assert.DoesNotContain(Findings.Value, d => d.RuleId == RuleIds.ToolError);
    }

    [Fact]
    public void CleanSample_HasNoFindings()
    {
        var findings = Analyze([Path.Combine(RepositoryPaths.Samples, "manifests", "clean.yaml")]);

        Assert.True(findings.Count == 0, $"clean.yaml has findings:\n{string.Join("\n", findings.Select(d => $"  {d.Location} {d.RuleId} {d.Message}"))}");
    }

    [Fact]
    public void EverySample_IsInTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "README.md"));
        var missing = SampleFiles().Select(Path.GetFileName).Where(name => !readme.Contains($"`manifests/{name}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"samples/README.md does not describe: {string.Join(", ", missing)}");
    }

    private static string[] SampleFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "manifests"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static IReadOnlyList<Diagnostic> Analyze(IEnumerable<string> files, UsageSet? usage = null) =>
        new AnalysisEngine().Analyze(
            files.Select(f => new AnalysisInput(Path.GetRelativePath(RepositoryPaths.Root, f), () => File.ReadAllBytes(f))).ToList(),
            new AnalysisOptions { Usage = usage }).Diagnostics;
}
