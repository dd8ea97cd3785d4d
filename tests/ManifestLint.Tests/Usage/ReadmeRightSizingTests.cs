using ManifestLint.Tests.Distribution;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Usage;

/// <summary>README's "Right-sizing in CI": its workflow passes actionlint, and its export command is the query the readers and the real-Prometheus test use.</summary>
public class ReadmeRightSizingTests
{
    private static string Section()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("\n## Right-sizing in CI\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"Right-sizing in CI\" section");
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    [Fact]
    public void Workflow_PassesActionlint()
    {
        var section = Section();
        var from = section.IndexOf("```yaml\nname: right-sizing", StringComparison.Ordinal);
        Assert.True(from >= 0, "the section has no workflow");
        var body = section[(from + "```yaml\n".Length)..];
        var workflow = body[..body.IndexOf("```", StringComparison.Ordinal)];
        using var tree = new Cli.TempTree();
        var file = tree.Write(".github/workflows/right-sizing.yml", workflow);

        var result = GitHubValidators.Actionlint([file], tree.Root);

        Assert.True(result.ExitCode == 0, $"actionlint: {result.Out}{result.Error}");
        Assert.Contains("--usage usage/working-set.json", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportCommand_IsTheQueryTheTestsRun()
    {
        Assert.Contains("query=container_memory_working_set_bytes{container!=\"\",container!=\"POD\"}", Section(), StringComparison.Ordinal);
        Assert.Contains("step=5m", Section(), StringComparison.Ordinal);
    }
}
