using ManifestLint.Model.Runtimes;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class ShellWordsTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    [InlineData("java -jar app.jar", new[] { "java", "-jar", "app.jar" })]
    [InlineData("  a \t b\nc  ", new[] { "a", "b", "c" })]
    [InlineData("'a b' c", new[] { "a b", "c" })]
    [InlineData("'a \"b\" $x \\n'", new[] { "a \"b\" $x \\n" })]
    [InlineData("\"a b\"", new[] { "a b" })]
    [InlineData("\"a \\\"b\\\" \\$x \\\\ \\n\"", new[] { "a \"b\" $x \\ \\n" })]
    [InlineData("a\\ b", new[] { "a b" })]
    [InlineData("a\\\"b", new[] { "a\"b" })]
    [InlineData("a\\\nb", new[] { "ab" })]
    [InlineData("-Dx='a b'\"c d\"e", new[] { "-Dx=a bc de" })]
    [InlineData("'' \"\"", new[] { "", "" })]
    [InlineData("a;b|c&&d", new[] { "a;b|c&&d" })]
    [InlineData("$JAVA_OPTS", new[] { "$JAVA_OPTS" })]
    public void Split_IsPosixWordSplitting(string text, string[] expected)
    {
        var split = ShellWords.Split(text);

        Assert.Equal(expected, split.Words);
        Assert.True(split.IsComplete);
    }

    [Theory]
    [InlineData("echo 'abc", new[] { "echo", "abc" })]
    [InlineData("echo \"a b", new[] { "echo", "a b" })]
    [InlineData("a \"b\\\"", new[] { "a", "b\"" })]
    public void UnterminatedQuote_IsBestEffortAndFlagged(string text, string[] expected)
    {
        var split = ShellWords.Split(text);

        Assert.Equal(expected, split.Words);
        Assert.False(split.IsComplete);
    }

    [Fact]
    public void TrailingBackslash_IsDropped()
    {
        Assert.Equal(["a"], ShellWords.Split("a\\").Words);
    }
}
