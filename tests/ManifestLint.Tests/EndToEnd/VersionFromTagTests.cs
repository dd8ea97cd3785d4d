using Xunit;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>
/// MinVer takes the version from the git tag, as the release workflow relies on: a clean checkout tagged v9.8.7 builds
/// 9.8.7 (package and assemblies), and one commit later a 9.8.8 prerelease. A shallow clone, as pre-commit makes, has
/// no tags: it builds the newest release of CHANGELOG.md (0.0.0 before the first), a stable version pre-commit's
/// <c>dotnet tool install</c> accepts.
/// </summary>
[Collection(EndToEndTests.Name)]
public class VersionFromTagTests(CleanCheckout checkout)
{
    [Fact]
    public void ATaggedCommit_BuildsTheTagsVersion_AndTheNextCommitAPrerelease()
    {
        var clone = Path.Combine(checkout.Directory, "tagged-" + Guid.NewGuid().ToString("N")[..8]);
        CleanCheckout.Git(checkout.Directory, "clone", "--quiet", checkout.Root, clone);
        CleanCheckout.Git(clone, "tag", "v9.8.7");
        Assert.Equal("9.8.7", Version(clone));

        CleanCheckout.Git(clone, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "--quiet", "--allow-empty", "--message", "after the release");
        Assert.Equal("9.8.8-alpha.0.1", Version(clone));
    }

    [Fact]
    public void AShallowClone_BuildsTheNewestReleaseInTheChangelog_OrZero()
    {
        var clone = Path.Combine(checkout.Directory, "shallow-" + Guid.NewGuid().ToString("N")[..8]);
        CleanCheckout.Git(checkout.Directory, "clone", "--quiet", "--depth", "1", new Uri(checkout.Root).AbsoluteUri, clone);
        Assert.True(File.Exists(Path.Combine(clone, ".git", "shallow")));
        var released = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(clone, "CHANGELOG.md")), @"(?m)(?<=^## \[)\d+\.\d+\.\d+(?=\])", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.Equal(released.Success ? released.Value : "0.0.0", Version(clone));

        File.WriteAllText(Path.Combine(clone, "CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n## [1.4.0] - 2027-01-01\n- b\n\n## [1.3.0] - 2026-12-01\n- a\n");
        Assert.Equal("1.4.0", Version(clone));
    }

    private static string Version(string root)
    {
        var result = ProcessRunner.Run(
            "dotnet",
            ["msbuild", Path.Combine("src", "ManifestLint.Cli", "ManifestLint.Cli.csproj"), "-restore", "-target:MinVer", "-getProperty:PackageVersion", "-nologo"],
            root,
            TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Out.Trim();
    }
}
