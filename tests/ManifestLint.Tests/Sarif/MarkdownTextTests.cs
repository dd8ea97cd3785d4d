using ManifestLint.Sarif;
using Xunit;

namespace ManifestLint.Tests.Sarif;

public class MarkdownTextTests
{
    [Theory]
    [InlineData("# ML1001: Title", "ML1001: Title\n")]
    [InlineData("## Why this matters ##", "Why this matters\n")]
    [InlineData("#hashtag is not a heading", "#hashtag is not a heading\n")]
    [InlineData("See [the docs](https://k8s.io/docs).", "See the docs (https://k8s.io/docs).\n")]
    [InlineData("<[https://k8s.io](https://k8s.io)>", "<https://k8s.io>\n")]
    [InlineData("![diagram](img.png) here", "diagram here\n")]
    [InlineData("This is **important** and __this__ too, but 2 ** 3 stays.", "This is important and this too, but 2 ** 3 stays.\n")]
    [InlineData("Keep `code` and *emphasis* as written.", "Keep `code` and *emphasis* as written.\n")]
    public void InlineSyntaxThatReadsBadly_IsRemoved(string markdown, string text) => Assert.Equal(text, MarkdownTextToPlain(markdown));

    [Fact]
    public void CodeFences_AreDroppedAndTheirContentKeptVerbatim()
    {
        const string markdown = "Example:\n\n```yaml\n# a YAML comment, not a heading\nresources:\n  limits: {memory: 1Gi} # [x](y)\n```\n\nDone.\n";

        Assert.Equal("Example:\n\n# a YAML comment, not a heading\nresources:\n  limits: {memory: 1Gi} # [x](y)\n\nDone.\n", MarkdownTextToPlain(markdown));
    }

    [Fact]
    public void Crlf_IsNormalised()
    {
        Assert.Equal("Title\n\nBody\n", MarkdownTextToPlain("# Title\r\n\r\nBody\r\n"));
    }

    private static string MarkdownTextToPlain(string markdown) => MarkdownText.ToPlainText(markdown);
}
