using ManifestLint.Engine.Diagnostics;
using ManifestLint.Kustomize;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// Patches that set JVM flags and remove fields (TestData/kustomize/patches): a JSON 6902 patch file appending
/// JAVA_TOOL_OPTIONS to a container's env (<c>/env/-</c>), a strategic-merge <c>$patch: delete</c> of GOMEMLIMIT, and a
/// strategic-merge <c>null</c> removing a limit. Each finding goes on the patch line that did it, with the base line
/// related; placements are checked by line text.
/// </summary>
public class PatchMappingTests
{
    private static readonly Lazy<KustomizeLintResult> Result = new(() => KustomizeTool.Lint("patches/base", "patches/overlay"));

    private static Diagnostic Single(string ruleId) => Assert.Single(Result.Value.Analysis.Diagnostics, d => d.RuleId == ruleId);

    private static string Related(Diagnostic finding, string file) =>
        KustomizeTool.LineText(Assert.Single(finding.RelatedLocations, r => r.Span.Path.EndsWith(file, StringComparison.Ordinal)).Span);

    [Fact]
    public void AJvmFlagAppendedByAJson6902PatchFile_GoesOnItsValueLine()
    {
        var finding = Single("ML2001");

        Assert.EndsWith("patches/overlay/ledger-heap.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("value: \"-Xmx1g\"", KustomizeTool.LineText(finding.Location));
        Assert.Equal("- name: ledger", Related(finding, "patches/base/ledger.yaml"));
    }

    [Fact]
    public void AStrategicMergeDeleteOfGomemlimit_GoesOnThePatchDeleteLine()
    {
        var finding = Single("ML3004");

        Assert.EndsWith("patches/overlay/no-gomemlimit.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("$patch: delete", KustomizeTool.LineText(finding.Location));
        Assert.Equal("env:", Related(finding, "patches/base/indexer.yaml"));
    }

    [Fact]
    public void AStrategicMergeNull_GoesOnTheNullLine_WithTheRemovedLimitRelated()
    {
        var finding = Single("ML1001");

        Assert.EndsWith("patches/overlay/no-cache-limit.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("memory: null", KustomizeTool.LineText(finding.Location));
        var based = Assert.Single(finding.RelatedLocations, r => r.Span.Path.EndsWith("patches/base/cache.yaml", StringComparison.Ordinal));
        Assert.Equal("limits:", KustomizeTool.LineText(based.Span));
        Assert.Equal("the base's value, which the patch removes", based.Message);
    }

    [Fact]
    public void EveryPlacement_IsOnTheLineOfTheFieldItNames()
    {
        Assert.Equal(3, MappingAccuracy.AssertAllExact(Result.Value).Total);
    }
}
