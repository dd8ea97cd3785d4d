using ManifestLint.Sarif;
using Xunit;

namespace ManifestLint.Tests.Sarif;

public class ArtifactUrisTests
{
    private static readonly string Root = SarifTestData.Root;

    [Theory]
    [InlineData("a.yaml", "a.yaml")]
    [InlineData("./a.yaml", "a.yaml")]
    [InlineData("dir/sub/../a.yaml", "dir/a.yaml")]
    [InlineData("my dir/a b.yaml", "my%20dir/a%20b.yaml")]
    [InlineData("日本/マニフェスト.yaml", "%E6%97%A5%E6%9C%AC/%E3%83%9E%E3%83%8B%E3%83%95%E3%82%A7%E3%82%B9%E3%83%88.yaml")]
    [InlineData("emoji-😀.yaml", "emoji-%F0%9F%98%80.yaml")]
    [InlineData("a:b.yaml", "a%3Ab.yaml")]
    [InlineData("x[1]+y=z&w;v,u'@!$(*).yaml", "x%5B1%5D%2By%3Dz%26w%3Bv%2Cu%27%40%21%24%28%2A%29.yaml")]
    [InlineData("keep-._~unreserved.yaml", "keep-._~unreserved.yaml")]
    public void RelativePaths_BecomeEncodedReferencesUnderTheSourceRoot(string path, string uri)
    {
        var location = new ArtifactUris(Root, Root).Locate(path.Replace('/', Path.DirectorySeparatorChar));

        Assert.Equal(uri, location.Uri);
        Assert.Equal("%SRCROOT%", location.UriBaseId);
        Assert.True(Uri.IsWellFormedUriString(location.Uri, UriKind.Relative), location.Uri);
    }

    [Fact]
    public void WorkingDirectoryBelowTheSourceRoot_IsPrefixed()
    {
        var location = new ArtifactUris(Root, Path.Combine(Root, "charts", "app")).Locate(Path.Combine("templates", "deploy.yaml"));

        Assert.Equal("charts/app/templates/deploy.yaml", location.Uri);
    }

    [Fact]
    public void ASiblingDirectoryWithTheRootAsNamePrefix_IsOutside()
    {
        var location = new ArtifactUris(Root, Root).Locate(Root + "-other" + Path.DirectorySeparatorChar + "a.yaml");

        Assert.Null(location.UriBaseId);
        Assert.EndsWith("/src/repo-other/a.yaml", location.Uri, StringComparison.Ordinal);
        Assert.StartsWith("file:///", location.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileNamedLikeAParentReference_IsInside()
    {
        var location = new ArtifactUris(Root, Root).Locate("..data.yaml");

        Assert.Equal("..data.yaml", location.Uri);
        Assert.Equal("%SRCROOT%", location.UriBaseId);
    }

    [Fact]
    public void SourceRootTrailingSeparator_DoesNotMatter()
    {
        var with = new ArtifactUris(Root + Path.DirectorySeparatorChar, Root);
        var without = new ArtifactUris(Root, Root);

        Assert.Equal(SarifTestData.RootUri, with.SourceRootUri);
        Assert.Equal(SarifTestData.RootUri, without.SourceRootUri);
        Assert.Equal("a.yaml", with.Locate("a.yaml").Uri);
    }

    [Fact]
    public void FileSystemRootAsSourceRoot_IsFileSlashSlashSlash()
    {
        var root = Path.GetPathRoot(Root)!;

        var uris = new ArtifactUris(root, root);

        Assert.Equal(OperatingSystem.IsWindows() ? "file:///C:/" : "file:///", uris.SourceRootUri);
        Assert.Equal("src/a.yaml", uris.Locate(Path.Combine("src", "a.yaml")).Uri);
    }

    [Fact]
    public void AbsoluteUris_AreWellFormed()
    {
        var location = new ArtifactUris(Root, Root).Locate(Path.Combine(Path.GetPathRoot(Root)!, "tmp", "a b", "é#.yaml"));

        Assert.Matches("^file:///[A-Za-z0-9._~%/:-]+$", location.Uri);
        Assert.EndsWith("/tmp/a%20b/%C3%A9%23.yaml", location.Uri, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(Path.GetPathRoot(Root)!, "tmp", "a b", "é#.yaml"), new Uri(location.Uri!).LocalPath);
    }
}
