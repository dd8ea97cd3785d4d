using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Rules;

/// <summary>
/// Users pin severities by rule ID, so every ID, its category and default severity are tracked release by release
/// (roslyn-analyzers' AnalyzerReleases.*.md); the tracking files must describe exactly the catalog that ships.
/// </summary>
public class ReleaseTrackingTests
{
    private static string Shipped => File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "AnalyzerReleases.Shipped.md"));

    private static string Unshipped => File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "AnalyzerReleases.Unshipped.md"));

    [Fact]
    public void TrackingFiles_DescribeExactlyTheCatalog()
    {
        var tracked = ReleaseTracking.Replay(Shipped, Unshipped, out var removed, out var problems);
        var catalog = RuleCatalog.Default.Descriptors.ToDictionary(d => d.Id, d => new ReleaseTracking.TrackedRule(d.Id, d.Category, Capitalized(d.DefaultSeverity)), StringComparer.Ordinal);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var untracked = catalog.Values.Where(r => !tracked.ContainsKey(r.Id)).Select(r => $"{r.Id} | {r.Category} | {r.Severity}").ToList();
        Assert.True(untracked.Count == 0, $"Add these rows under \"### New Rules\" in rules/AnalyzerReleases.Unshipped.md:\n{string.Join("\n", untracked)}");
        var differing = catalog.Values.Where(r => tracked.TryGetValue(r.Id, out var t) && t != r)
            .Select(r => $"{r.Id} | {r.Category} | {r.Severity} | {tracked[r.Id].Category} | {tracked[r.Id].Severity}").ToList();
        Assert.True(differing.Count == 0, $"Add these rows under \"### Changed Rules\" in rules/AnalyzerReleases.Unshipped.md (or fix the page):\n{string.Join("\n", differing)}");
        var gone = tracked.Keys.Where(id => !catalog.ContainsKey(id)).ToList();
        Assert.True(gone.Count == 0, $"Tracked but not in the catalog (add them under \"### Removed Rules\"): {string.Join(", ", gone)}");
        Assert.DoesNotContain(removed, catalog.ContainsKey);
    }

    [Fact]
    public void Replay_AppliesReleasesInOrder()
    {
        var tracked = ReleaseTracking.Replay(
            """
            ## Release 1.0

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            ML1001 | Resources | Warning | MemoryLimitMissing
            ML1002 | Resources | Warning | MemoryRequestMissing

            ## Release 1.1

            ### Changed Rules

            Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
            --------|--------------|--------------|--------------|--------------|-------
            ML1001 | Resources | Error | Resources | Warning | now exact
            """,
            """
            ### Removed Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------
            ML1002 | Resources | Warning | merged into ML1001
            """,
            out var removed,
            out var problems);

        Assert.Empty(problems);
        Assert.Equal([new ReleaseTracking.TrackedRule("ML1001", "Resources", "Error")], tracked.Values);
        Assert.Equal(["ML1002"], removed);
    }

    [Theory]
    [InlineData("### New Rules\nML1001 | Resources | Warning |\nML1001 | Resources | Warning |", "added again")]
    [InlineData("### Removed Rules\nML1001 | Resources | Warning |\n### New Rules\nML1001 | Resources | Warning |", "is removed but was never added")]
    [InlineData("### New Rules\nML1001 | Resources | Warning |\n### Changed Rules\nML1001 | Resources | Error | Resources | Note |", "changes from Resources/Note, but it was Resources/Warning")]
    [InlineData("ML1001 | Resources | Warning |", "outside a New/Changed/Removed Rules section")]
    [InlineData("## Release 2.0", "release headings belong in the shipped file")]
    [InlineData("### Fixed Rules", "unknown section")]
    public void Replay_ReportsInconsistencies(string unshipped, string problem)
    {
        ReleaseTracking.Replay(string.Empty, unshipped, out _, out var problems);

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void ReusingARemovedId_IsAProblem()
    {
        ReleaseTracking.Replay(
            "## Release 1.0\n### New Rules\nML1001 | Resources | Warning |\n## Release 1.1\n### Removed Rules\nML1001 | Resources | Warning |",
            "### New Rules\nML1001 | Jvm | Error |",
            out _,
            out var problems);

        Assert.Contains(problems, p => p.Contains("never reused", StringComparison.Ordinal));
    }

    private static string Capitalized(Severity severity)
    {
        var name = severity.ToName();
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
