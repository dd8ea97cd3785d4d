using System.Text.Json.Nodes;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.EndToEnd;
using ManifestLint.Tests.Helm;
using ManifestLint.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Distribution;

/// <summary>
/// ManifestLint lints every YAML file the repository ships (action.yml, the hooks, the workflows, the samples and
/// their charts; not the test fixtures under tests/, which are broken on purpose): none may be invalid YAML (ML0001)
/// or crash a rule (ML0000), except the one sample that demonstrates ML0001. (Other tool findings are samples doing
/// their job: billing's unvendored dependency is ML0002, quantity-typos' ML0003.) This is the check that would have
/// caught the action.yml GitHub could not load.
/// </summary>
public class ShippedYamlTests(ITestOutputHelper log)
{
    /// <summary>The sample whose second document is broken on purpose (its first line says so).</summary>
    private const string DeliberatelyBroken = "samples/manifests/broken.yaml";

    private static readonly string[] ToolRules = ["ML0000", "ML0001"];

    private static IReadOnlyList<string> ShippedYamlFiles() =>
        [.. CleanCheckout.Git(RepositoryPaths.Root, "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "*.yml", "*.yaml").Out
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => !f.StartsWith("tests/", StringComparison.Ordinal) && File.Exists(Path.Combine(RepositoryPaths.Root, f)))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryShippedYamlFile_IsValidForManifestLint()
    {
        var files = ShippedYamlFiles();
        Assert.Contains("action.yml", files);
        Assert.Contains(".pre-commit-hooks.yaml", files);
        Assert.Contains(".github/workflows/release.yml", files);

        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, ["lint", .. files, "--format", "json", "--fail-level", "none", "--helm", HelmTool.Executable]);
        log.WriteLine(error);

        Assert.Equal(0, code);
        var report = JsonNode.Parse(output)!;
        var toolFindings = report["findings"]!.AsArray()
            .Where(f => ToolRules.Contains((string)f!["ruleId"]!))
            .Select(f => $"{f!["path"]}({f["line"]},{f["column"]}): {f["ruleId"]}: {f["message"]}")
            .ToList();
        Assert.Equal([DeliberatelyBroken], toolFindings.Select(f => f[..f.IndexOf('(', StringComparison.Ordinal)]).Distinct());
        Assert.True((int)report["summary"]!["files"]! >= files.Count(f => !f.StartsWith("samples/charts/", StringComparison.Ordinal)), report["summary"]!.ToJsonString());
    }

    [Fact]
    public void TheActionYmlGitHubCouldNotLoad_IsAnMl0001AtTheColon()
    {
        using var temp = new TempTree();
        temp.Write("action.yml", "name: x\ninputs:\n  upload:\n    description: Upload the SARIF log to GitHub code scanning (needs `security-events: write`).\n");

        var (code, output, _) = CliRunner.Run(temp.Root, "lint", "action.yml", "--quiet");

        Assert.Equal(1, code);
        Assert.StartsWith("action.yml(4,86): error ML0001:", output, StringComparison.Ordinal);
    }
}
