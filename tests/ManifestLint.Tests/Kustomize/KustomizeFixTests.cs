using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// <c>manifestlint lint --fix</c> on kustomizations, end to end with the real kubectl, on a copy of the shop fixture:
/// the fixes edit the overlay's patch file (the value kustomize takes from it) and never anything else, the next
/// build no longer has those findings, and <c>--dry-run</c> shows the same edits as a diff of the patch files.
/// </summary>
public class KustomizeFixTests
{
    private static string Shop => Path.Combine(KustomizeTool.Fixtures, "shop");

    /// <summary>A copy of the shop fixture in a temporary directory, with every file's bytes as they were.</summary>
    private static (TempTree Tree, Dictionary<string, byte[]> Before) Copy()
    {
        var tree = new TempTree();
        var before = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Shop, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Shop, file).Replace('\\', '/');
            var bytes = File.ReadAllBytes(file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tree.Root, relative))!);
            File.WriteAllBytes(Path.Combine(tree.Root, relative), bytes);
            before[relative] = bytes;
        }

        return (tree, before);
    }

    private static List<string> Changed(string root, Dictionary<string, byte[]> before) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !before.TryGetValue(f, out var bytes) || !bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, f))))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Fix_EditsThePatchFiles_NeverTheBuild_AndTheNextBuildIsClean()
    {
        var (tree, before) = Copy();
        using (tree)
        {
            var (_, beforeFix, _) = CliRunner.Run(tree.Root, "lint", ".", "--kustomize", KustomizeTool.Executable, "--format", "json");
            Assert.Contains("1073741824000m", beforeFix, StringComparison.Ordinal);

            var (code, output, error) = CliRunner.Run(tree.Root, "lint", ".", "--kustomize", KustomizeTool.Executable, "--fix", "--format", "json");

            Assert.True(code is ExitCodes.Findings or ExitCodes.Success, error);
            Assert.Contains("manifestlint: fixed 2 findings in 2 files.", error, StringComparison.Ordinal);
            Assert.Equal(["components/jvm-tuning/heap.yaml", "overlays/prod/worker-limit.yaml"], Changed(tree.Root, before));
            var patch = File.ReadAllText(Path.Combine(tree.Root, "overlays/prod/worker-limit.yaml"));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(before["overlays/prod/worker-limit.yaml"]).Replace("1073741824000m", "1Gi", StringComparison.Ordinal), patch);
            Assert.Contains("value: \"-XX:MaxRAMPercentage=75", File.ReadAllText(Path.Combine(tree.Root, "components/jvm-tuning/heap.yaml")), StringComparison.Ordinal);

            // What is left was built again from the edited files: the fixed findings are gone.
            var findings = JsonNode.Parse(output)!["findings"]!.AsArray();
            Assert.DoesNotContain(findings, f => (string)f!["ruleId"]! == "ML1004");
            Assert.DoesNotContain(findings, f => ((string)f!["message"]!).Contains("-Xmx1536m", StringComparison.Ordinal));
            Assert.NotEmpty(findings);
        }
    }

    [Fact]
    public void Fix_EditsTheBase_WhenTheValueComesFromTheBase_OnceForBothOverlays()
    {
        var (tree, before) = Copy();
        using (tree)
        {
            // The API's request written in thousandths of a byte in the base, which both overlays build from.
            var api = Path.Combine(tree.Root, "base/api.yaml");
            var original = File.ReadAllText(api);
            File.WriteAllText(api, original.Replace("requests:\n            memory: 512Mi", "requests:\n            memory: 536870912000m", StringComparison.Ordinal));
            before["base/api.yaml"] = File.ReadAllBytes(api);

            var (_, output, error) = CliRunner.Run(tree.Root, "lint", ".", "--kustomize", KustomizeTool.Executable, "--fix", "--format", "json");

            Assert.Contains("manifestlint: fixed 4 findings in 3 files.", error, StringComparison.Ordinal);
            Assert.Equal(["base/api.yaml", "components/jvm-tuning/heap.yaml", "overlays/prod/worker-limit.yaml"], Changed(tree.Root, before));
            Assert.Equal(original, File.ReadAllText(api));
            Assert.DoesNotContain(JsonNode.Parse(output)!["findings"]!.AsArray(), f => (string)f!["ruleId"]! == "ML1004");
        }
    }

    [Fact]
    public void DryRun_ShowsTheEditsOfThePatchFiles_AndWritesNothing()
    {
        var (tree, before) = Copy();
        using (tree)
        {
            var (_, output, error) = CliRunner.Run(tree.Root, "lint", ".", "--kustomize", KustomizeTool.Executable, "--fix", "--dry-run");

            Assert.Contains("--- a/overlays/prod/worker-limit.yaml\n+++ b/overlays/prod/worker-limit.yaml\n", output, StringComparison.Ordinal);
            Assert.Contains("-    memory: 1073741824000m\n+    memory: 1Gi\n", output, StringComparison.Ordinal);
            Assert.Contains("--- a/components/jvm-tuning/heap.yaml\n", output, StringComparison.Ordinal);
            Assert.DoesNotContain("--- a/base/", output, StringComparison.Ordinal);
            Assert.Contains("nothing was written", error, StringComparison.Ordinal);
            Assert.Empty(Changed(tree.Root, before));
        }
    }
}
