using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Suppressions;
using ManifestLint.Kustomize;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// Suppression comments written in bases and patches count, though kustomize drops every comment of what it builds:
/// once a finding is mapped to its base or patch line, that file's comments apply as in a plain file, and are checked
/// like one (ML0005 for a comment that matches no finding of any overlay). TestData/kustomize/suppressed: a base with
/// a comment above the redis container's resources and a stale one, and an overlay patch with a comment above the
/// limit it sets.
/// </summary>
public class KustomizeSuppressionTests
{
    private static readonly Lazy<KustomizeLintResult> Result = new(() => KustomizeTool.Lint("suppressed/base", "suppressed/overlay"));

    private static IReadOnlyList<Diagnostic> Findings => Result.Value.Analysis.Diagnostics;

    [Fact]
    public void ACommentInTheBase_SuppressesTheFindingMappedBelowIt()
    {
        var finding = Assert.Single(Findings, d => d.RuleId == "ML1001");

        Assert.EndsWith("suppressed/base/cache.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("resources:", KustomizeTool.LineText(finding.Location));
        var suppression = Assert.IsType<Suppression>(finding.Suppression);
        Assert.Equal(SuppressionKind.NextLineComment, suppression.Kind);
        Assert.Equal("redis evicts keys at maxmemory, set to 200Mi in its config", suppression.Justification);
    }

    [Fact]
    public void ACommentInTheOverlaysPatch_SuppressesTheFindingOnThePatchLine()
    {
        var finding = Assert.Single(Findings, d => d.RuleId == "ML1005");

        Assert.EndsWith("suppressed/overlay/exporter-memory.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("memory: 1Gi", KustomizeTool.LineText(finding.Location));
        Assert.Equal("a scrape of every key is buffered; measured at 700Mi", Assert.IsType<Suppression>(finding.Suppression).Justification);
    }

    [Fact]
    public void ACommentThatMatchesNothing_IsReportedInItsFile()
    {
        var unused = Assert.Single(Findings, d => d.RuleId == "ML0005");

        Assert.EndsWith("suppressed/base/cache.yaml", unused.Location.Path, StringComparison.Ordinal);
        Assert.StartsWith("# manifestlint-disable-next-line ML2001", KustomizeTool.LineText(unused.Location), StringComparison.Ordinal);
        Assert.Null(unused.Suppression);
    }

    [Fact]
    public void NothingElseIsReported()
    {
        Assert.Equal(["ML0005"], Findings.Where(d => d.Suppression is null).Select(d => d.RuleId));
    }
}
