using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Source;
using Xunit;

namespace ManifestLint.Tests.Fixes;

public class FixApplierTests
{
    private const string Text = "a: 1\nb: 512m   # keep me\nc: 3\n";

    [Fact]
    public void Replacement_ChangesOnlyItsSpan()
    {
        var result = FixApplier.Apply(Text, [new Fix("m to Mi", Replace(2, 4, 2, 8, "512Mi"))]);

        Assert.Equal("a: 1\nb: 512Mi   # keep me\nc: 3\n", result.Text);
        Assert.Single(result.Applied);
    }

    [Fact]
    public void Insertions_AtLineStarts_AndAfterTheLastLine()
    {
        var result = FixApplier.Apply(Text, [new Fix("x", TextEdit.Insert("f", 2, 1, "x: 0\n")), new Fix("z", TextEdit.Insert("f", 4, 1, "z: 9\n"))]);

        Assert.Equal("a: 1\nx: 0\nb: 512m   # keep me\nc: 3\nz: 9\n", result.Text);
    }

    [Fact]
    public void InsertionAfterALastLineWithoutLineBreak_AddsOne()
    {
        var result = FixApplier.Apply("a: 1", [new Fix("b", TextEdit.Insert("f", 2, 1, "b: 2\n"))]);

        Assert.Equal("a: 1\nb: 2\n", result.Text);
    }

    [Fact]
    public void CrlfFiles_KeepTheirLineEndings()
    {
        var result = FixApplier.Apply("a: 1\r\nb: 2\r\n", [new Fix("x", TextEdit.Insert("f", 2, 1, "x:\n  y: 0\n")), new Fix("b", Replace(2, 4, 2, 5, "3"))]);

        Assert.Equal("a: 1\r\nx:\r\n  y: 0\r\nb: 3\r\n", result.Text);
    }

    [Fact]
    public void OverlappingFix_IsSkippedWhole_TheOthersApply()
    {
        var first = new Fix("first", Replace(2, 4, 2, 8, "512Mi"));
        var overlapping = new Fix("overlapping", Replace(1, 4, 1, 5, "2"), Replace(2, 6, 2, 10, "x"));
        var third = new Fix("third", Replace(3, 4, 3, 5, "4"));

        var result = FixApplier.Apply(Text, [first, overlapping, third]);

        Assert.Equal("a: 1\nb: 512Mi   # keep me\nc: 4\n", result.Text);
        Assert.Equal([first, third], result.Applied);
        Assert.Equal([overlapping], result.Skipped);
    }

    [Fact]
    public void InsertionsAtOnePoint_KeepTheOrderOfTheirFixes()
    {
        var result = FixApplier.Apply(Text, [new Fix("1", TextEdit.Insert("f", 3, 1, "x: 1\n")), new Fix("2", TextEdit.Insert("f", 3, 1, "y: 2\n"))]);

        Assert.Equal("a: 1\nb: 512m   # keep me\nx: 1\ny: 2\nc: 3\n", result.Text);
    }

    [Fact]
    public void EditOutsideTheText_SkipsTheFix()
    {
        var result = FixApplier.Apply(Text, [new Fix("far", Replace(9, 1, 9, 2, "x")), new Fix("wide", Replace(1, 1, 1, 40, "x"))]);

        Assert.Equal(Text, result.Text);
        Assert.Equal(2, result.Skipped.Count);
    }

    [Fact]
    public void WholeLineDeletion_RemovesTheLineAndItsBreak()
    {
        var result = FixApplier.Apply(Text, [new Fix("delete", Replace(2, 1, 3, 1, string.Empty))]);

        Assert.Equal("a: 1\nc: 3\n", result.Text);
    }

    [Fact]
    public void EditsForOtherFiles_AreIgnored()
    {
        var edit = new TextEdit(new SourceSpan("other.yaml", 1, 4, 1, 5), "9");

        var result = FixApplier.Apply(Text, [new Fix("other", edit)], "f");

        Assert.Equal(Text, result.Text);
    }

    private static TextEdit Replace(int startLine, int startColumn, int endLine, int endColumn, string text) =>
        new(new SourceSpan("f", startLine, startColumn, endLine, endColumn), text);
}
