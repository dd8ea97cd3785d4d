using System.Text.RegularExpressions;
using ManifestLint.Cli.Commands;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.EndToEnd;
using ManifestLint.Tests.TestSupport;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Tests.Distribution;

/// <summary>
/// The release workflow, read as YAML: what a tag publishes (actionlint validates its syntax in
/// <see cref="GitHubValidationTests"/>); that the README promises exactly that and names no tag that does not exist;
/// the changelog section the release notes come from; the version MinVer gives the build.
/// </summary>
public class ReleaseTests
{
    private static readonly string[] ReleasedRuntimes = ["linux-x64", "linux-arm64", "osx-arm64", "win-x64"];

    private static YamlMappingNode Workflow(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, ".github", "workflows", name));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static IEnumerable<string> Runs(YamlNode job) =>
        ((YamlSequenceNode)At(job, "steps")).Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey(new YamlScalarNode("run")))
            .Select(s => ((YamlScalarNode)s.Children[new YamlScalarNode("run")]).Value!);

    [Fact]
    public void ReleaseWorkflow_OnATag_TestsPacksPublishesFourBinariesWithChecksumsAndPushesToNuGet()
    {
        var release = Workflow("release.yml");
        var tags = (YamlSequenceNode)At(release, "on", "push", "tags");
        Assert.Equal("v[0-9]+.[0-9]+.[0-9]+*", ((YamlScalarNode)tags.Single()).Value);
        var jobs = (YamlMappingNode)At(release, "jobs");

        Assert.Contains("./scripts/test.sh", Runs(jobs["test"]));
        Assert.Contains(Runs(jobs["pack"]), r => r.StartsWith("./scripts/pack.sh", StringComparison.Ordinal));
        Assert.Equal("test", ((YamlScalarNode)At(jobs["pack"], "needs")).Value);
        var matrix = ((YamlSequenceNode)At(jobs["native"], "strategy", "matrix", "include")).Cast<YamlMappingNode>();
        Assert.Equal(ReleasedRuntimes, matrix.Select(m => ((YamlScalarNode)m.Children[new YamlScalarNode("rid")]).Value));
        Assert.Contains(Runs(jobs["native"]), r => r.Contains("-p:PublishAot=true", StringComparison.Ordinal) && r.Contains("--runtime \"$RID\"", StringComparison.Ordinal));
        Assert.Contains(Runs(jobs["github-release"]), r => r.Contains("sha256sum -- * > SHA256SUMS", StringComparison.Ordinal));
        Assert.Contains(Runs(jobs["github-release"]), r => r.Contains("gh release create \"$TAG\" dist/*", StringComparison.Ordinal));
        Assert.Equal("write", ((YamlScalarNode)At(jobs["github-release"], "permissions", "contents")).Value);
        var push = ((YamlSequenceNode)At(jobs["nuget"], "steps")).Cast<YamlMappingNode>().Single(s => s.Children.ContainsKey(new YamlScalarNode("run")) && ((YamlScalarNode)s.Children[new YamlScalarNode("run")]).Value!.Contains("dotnet nuget push", StringComparison.Ordinal));
        Assert.Equal("${{ secrets.NUGET_API_KEY }}", ((YamlScalarNode)At(push, "env", "NUGET_API_KEY")).Value);
        Assert.Equal("github-release", ((YamlScalarNode)At(jobs["nuget"], "needs")).Value);
    }

    [Fact]
    public void CiWorkflow_LintsTheSamplesWithThisCheckoutsAction_AndMayUploadSarif()
    {
        var job = At(Workflow("ci.yml"), "jobs", "lint-samples");
        Assert.Equal("write", ((YamlScalarNode)At(job, "permissions", "security-events")).Value);
        var action = ((YamlSequenceNode)At(job, "steps")).Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var u) && ((YamlScalarNode)u).Value == "./");
        Assert.Equal("samples/", ((YamlScalarNode)At(action, "with", "paths")).Value);
        Assert.False(((YamlMappingNode)At(action, "with")).Children.ContainsKey(new YamlScalarNode("upload")), "upload keeps its default, true");
    }

    [Fact]
    public void Readme_NamesEveryReleasedArchive_AndNoTagThatDoesNotExist()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.All(ReleasedRuntimes, rid => Assert.Contains($"-{rid}.", readme, StringComparison.Ordinal));
        Assert.Contains("`SHA256SUMS`", readme, StringComparison.Ordinal);

        var tags = CleanCheckout.Git(RepositoryPaths.Root, "tag", "--list", "v*").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var named = Regex.Matches(readme, @"(?:@|rev: |--version |manifestlint@)v?(\d+\.\d+\.\d+)\b", RegexOptions.None, TimeSpan.FromSeconds(1)).Select(m => "v" + m.Groups[1].Value).Distinct();
        Assert.All(named, tag => Assert.Contains(tag, tags));
        if (tags.Length == 0)
        {
            Assert.Contains("**There is no release yet**", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ChangelogSection_PrintsOneVersionsNotes_AndFailsWithoutThem()
    {
        using var temp = new TempTree();
        var changelog = temp.Write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-12-01\n### Added\n- b\n\n## [1.1.0] - 2026-11-01\n- a\n");
        var script = Path.Combine(RepositoryPaths.Root, "scripts", "changelog-section.sh");
        var environment = new Dictionary<string, string?> { ["CHANGELOG"] = changelog };

        var found = ProcessRunner.Run("bash", [script, "1.2.0"], temp.Root, TimeSpan.FromMinutes(1), environment);
        var missing = ProcessRunner.Run("bash", [script, "1.3.0"], temp.Root, TimeSpan.FromMinutes(1), environment);

        Assert.Equal((0, "### Added\n- b\n"), (found.ExitCode, found.Out));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("has no section '## [1.3.0]'", missing.Error, StringComparison.Ordinal);
        Assert.Equal(0, ProcessRunner.Run("bash", [script, "Unreleased"], RepositoryPaths.Root, TimeSpan.FromMinutes(1)).ExitCode);
    }

    [Fact]
    public void TheToolVersion_IsMinVersSemanticVersion_AndVersionPrintsIt()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", LintRunner.ToolVersion);
        Assert.NotEqual("0.0.0", LintRunner.ToolVersion);

        // --version reads the entry assembly, so it is asked of the real program, not of the test host.
        var result = ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "manifestlint.dll"), "--version"], RepositoryPaths.Root, TimeSpan.FromMinutes(1));

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"^{Regex.Escape(LintRunner.ToolVersion)}(\+[0-9a-f]{{40}})?\n$", result.Out);
    }
}
