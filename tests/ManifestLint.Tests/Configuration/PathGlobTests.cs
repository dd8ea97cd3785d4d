using ManifestLint.Engine.Configuration;
using Xunit;

namespace ManifestLint.Tests.Configuration;

public class PathGlobTests
{
    [Theory]
    [InlineData("charts/legacy/**", "charts/legacy/templates/web.yaml", true)]
    [InlineData("charts/legacy/**", "charts/legacy/values.yaml", true)]
    [InlineData("charts/legacy/**", "charts/legacy2/values.yaml", false)]
    [InlineData("charts/legacy/**", "apps/charts/legacy/values.yaml", false)]
    [InlineData("**/testdata/**", "testdata/a.yaml", true)]
    [InlineData("**/testdata/**", "a/b/testdata/c/d.yaml", true)]
    [InlineData("*.yaml", "web.yaml", true)]
    [InlineData("*.yaml", "apps/web.yaml", false)]
    [InlineData("**/*.json", "apps/web.json", true)]
    [InlineData("apps/*/web.yaml", "apps/shop/web.yaml", true)]
    [InlineData("apps/*/web.yaml", "apps/shop/x/web.yaml", false)]
    [InlineData("Apps/**", "apps/web.yaml", false)]
    public void Glob_MatchesRelativeToTheDirectory(string pattern, string relative, bool expected)
    {
        var glob = new PathGlob([pattern]);

        Assert.Equal(expected, glob.IsMatch(InMemoryFiles.Root, InMemoryFiles.Full(relative)));
    }

    [Fact]
    public void FilesOutsideTheDirectory_NeverMatch()
    {
        var glob = new PathGlob(["**"]);

        Assert.False(glob.IsMatch(InMemoryFiles.Full("apps"), InMemoryFiles.Full("other/web.yaml")));
        Assert.True(glob.IsMatch(InMemoryFiles.Full("apps"), InMemoryFiles.Full("apps/web.yaml")));
    }

    [Fact]
    public void NoPatterns_MatchNothing()
    {
        Assert.False(new PathGlob([]).IsMatch(InMemoryFiles.Root, InMemoryFiles.Full("a.yaml")));
    }
}
