using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.Configuration;
using ManifestLint.Tests.Sarif;
using Xunit;

namespace ManifestLint.Tests.Fixes;

public class FixCliTests
{
    private const string Typos = """
        # Quantities typed in a hurry.
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests:
                  memory: 256Mi   # measured in staging
                limits:
                  memory: "512m"
        """;

    [Fact]
    public void DryRun_PrintsAUnifiedDiff_AndChangesNothing()
    {
        using var tree = Tree();
        var before = File.ReadAllBytes(Path.Combine(tree.Root, "web.yaml"));

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "web.yaml", "--fix", "--dry-run");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            string.Join('\n', [
                "--- a/web.yaml",
                "+++ b/web.yaml",
                "@@ -12,4 +12,4 @@",
                "         requests:",
                "           memory: 256Mi   # measured in staging",
                "         limits:",
                "-          memory: \"512m\"",
                "+          memory: \"512Mi\"",
                string.Empty]),
            output);
        Assert.Contains("would fix 1 finding in 1 file; nothing was written.", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(tree.Root, "web.yaml")));
    }

    [Fact]
    public void Fix_EditsTheFileInPlace_ThenReportsWhatIsLeft()
    {
        using var tree = Tree();
        tree.Write("other.yaml", Typos.Replace("memory: \"512m\"", "cpu: 1", StringComparison.Ordinal).Replace("name: web", "name: api", StringComparison.Ordinal));

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", ".", "--fix");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(Typos.Replace("\"512m\"", "\"512Mi\"", StringComparison.Ordinal) + "\n", File.ReadAllText(Path.Combine(tree.Root, "web.yaml")));
        Assert.Contains("limits:\n          cpu: 1\n          memory: 256Mi", File.ReadAllText(Path.Combine(tree.Root, "other.yaml")), StringComparison.Ordinal);
        Assert.StartsWith("No findings", output, StringComparison.Ordinal);
        Assert.Contains("manifestlint: fixed 2 findings in 2 files.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_RunsAgainWhenAFixUncoversAnother()
    {
        using var tree = Tree();
        tree.Write("web.yaml", Typos.Replace("limits:\n          memory: \"512m\"", "limits:\n          cpu: 1", StringComparison.Ordinal).Replace("256Mi", "256m", StringComparison.Ordinal));

        var (code, _, _) = CliRunner.Run(tree.Root, "lint", "web.yaml", "--fix");

        Assert.Equal(ExitCodes.Success, code);
        var text = File.ReadAllText(Path.Combine(tree.Root, "web.yaml"));
        Assert.Contains("memory: 256Mi   # measured in staging", text, StringComparison.Ordinal);
        Assert.Contains("cpu: 1\n          memory: 256Mi", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInput_IsNeverFixed_FixSaysItNeedsFiles()
    {
        using var tree = Tree();

        var (code, output, error) = CliRunner.RunWithInput(tree.Root, Typos, "lint", "-", "--fix", "--dry-run");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Empty(output);
        Assert.Contains("--fix edits files in place, and standard input (-) is not a file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRun_WithoutFix_ExitsTwo()
    {
        using var tree = Tree();

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "web.yaml", "--dry-run");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("--dry-run goes with --fix", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_CarriesFixesAsArtifactChanges_ValidAgainstBothSchemas()
    {
        using var tree = Tree();

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "web.yaml", "--format", "sarif");

        SarifSchemaValidator.AssertValid(output);
        var result = JsonNode.Parse(output)!["runs"]![0]!["results"]!.AsArray().Single(r => (string?)r!["ruleId"] == "ML1004")!;
        var fix = result["fixes"]!.AsArray().Single()!;
        Assert.Equal("Replace 512m with 512Mi.", (string?)fix["description"]!["text"]);
        var change = fix["artifactChanges"]!.AsArray().Single()!;
        Assert.Equal("web.yaml", (string?)change["artifactLocation"]!["uri"]);
        Assert.Equal("""[{"deletedRegion":{"startLine":15,"startColumn":20,"endLine":15,"endColumn":24},"insertedContent":{"text":"512Mi"}}]""", change["replacements"]!.ToJsonString());
    }

    private static TempTree Tree()
    {
        var tree = ConfigurationCliTests.Repository();
        tree.Write("web.yaml", Typos + "\n");
        return tree;
    }
}
