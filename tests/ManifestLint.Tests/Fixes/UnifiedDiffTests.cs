using ManifestLint.Engine.Fixes;
using Xunit;

namespace ManifestLint.Tests.Fixes;

public class UnifiedDiffTests
{
    [Fact]
    public void EqualTexts_HaveNoDiff()
    {
        Assert.Empty(UnifiedDiff.Create("a.yaml", "a\n", "a\n"));
    }

    [Fact]
    public void Change_IsOneHunkWithThreeLinesOfContext()
    {
        var before = string.Concat(Enumerable.Range(1, 10).Select(i => $"line{i}\n"));
        var after = before.Replace("line5\n", "line5\ninserted\n", StringComparison.Ordinal).Replace("line9\n", "nine\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create("dir/a.yaml", before, after);

        Assert.Equal("""
            --- a/dir/a.yaml
            +++ b/dir/a.yaml
            @@ -3,8 +3,9 @@
             line3
             line4
             line5
            +inserted
             line6
             line7
             line8
            -line9
            +nine
             line10

            """.Replace("\r\n", "\n", StringComparison.Ordinal), diff);
    }

    [Fact]
    public void DistantChanges_AreSeparateHunks()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"l{i}\n"));
        var after = before.Replace("l2\n", "two\n", StringComparison.Ordinal).Replace("l19\n", "nineteen\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create("a.yaml", before, after);

        Assert.Equal(["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"], diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)));
    }

    [Fact]
    public void MissingFinalLineBreak_IsMarked()
    {
        var diff = UnifiedDiff.Create("a.yaml", "a: 1", "a: 1\nb: 2\n");

        Assert.Equal("--- a/a.yaml\n+++ b/a.yaml\n@@ -1 +1,2 @@\n-a: 1\n\\ No newline at end of file\n+a: 1\n+b: 2\n", diff);
    }
}
