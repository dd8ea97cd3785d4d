using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.Sarif;
using ManifestLint.Tests.Snapshots;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// <c>manifestlint lint</c> on kustomizations from the repository root, with the real kubectl: text and SARIF
/// snapshots of the shop fixture, kustomize missing, and pre-commit's staged base and patch files.
/// </summary>
public class KustomizeCliTests
{
    private const string Shop = "tests/ManifestLint.Tests/Kustomize/TestData/kustomize/shop";

    [Fact]
    public void TextOutput_MatchesTheVerifiedSnapshot()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", Shop, "--kustomize", KustomizeTool.Executable, "--summary");

        Assert.True(code == ExitCodes.Findings, error);
        Snapshot.Verify(output, "shop", "txt");
    }

    [Fact]
    public void SarifOutput_IsSchemaValid_AndMatchesTheVerifiedSnapshot()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", Shop, "--format", "sarif", "--kustomize", KustomizeTool.Executable);

        Assert.True(code == ExitCodes.Findings, error);
        SarifSchemaValidator.AssertValid(output);
        var log = JsonNode.Parse(output)!;
        var driver = log["runs"]![0]!["tool"]!["driver"]!;
        driver["semanticVersion"] = "<version>";
        driver["rules"] = new JsonArray(driver["rules"]!.AsArray().Select(r => (JsonNode?)JsonValue.Create(r!["id"]!.GetValue<string>())).ToArray());
        log["runs"]![0]!["originalUriBaseIds"]!["%SRCROOT%"]!["uri"] = "file:///<root>/";
        Snapshot.Verify(log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", "shop", "sarif.json");
    }

    [Fact]
    public void WithoutKustomize_ItIsExit2_WithAnInstallHint()
    {
        var (code, _, error) = CliRunner.Run(RepositoryPaths.Root, "lint", Shop, "--kustomize", "no/such/kubectl");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("4 kustomization(s) to lint", error, StringComparison.Ordinal);
        Assert.Contains("--kustomize no/such/kubectl does not exist", error, StringComparison.Ordinal);
        Assert.Contains(ManifestLint.Kustomize.KustomizeLocator.InstallHint, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AStagedBaseFile_LintsEveryOverlayThatUsesIt_Once()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", $"{Shop}/base/api.yaml", $"{Shop}/base/worker.yaml", $"{Shop}/overlays/dev/memory.yaml", "--kustomize", KustomizeTool.Executable, "--format", "json");

        Assert.True(code == ExitCodes.Findings, error);
        var findings = JsonNode.Parse(output)!["findings"]!.AsArray();
        var messages = findings.Select(f => (string)f!["message"]!).ToList();
        Assert.Contains(messages, m => m.EndsWith($"[overlay {Shop}/overlays/dev]", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith($"[overlay {Shop}/overlays/prod]", StringComparison.Ordinal));
        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(messages, m => !m.Contains("[overlay", StringComparison.Ordinal));
    }

    [Fact]
    public void ADirectoryWalk_NeverLintsAPatchAsAWholeObject()
    {
        var (_, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", Shop, "--kustomize", KustomizeTool.Executable, "--format", "json");

        var findings = JsonNode.Parse(output)!["findings"]!.AsArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains("[overlay", (string)f!["message"]!, StringComparison.Ordinal));
        Assert.DoesNotContain("ML0001", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.Trim());
    }
}
