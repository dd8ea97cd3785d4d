using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Tests.Helm;
using ManifestLint.Tests.Sarif;
using ManifestLint.Tests.Snapshots;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Cli;

/// <summary>
/// Golden output for `manifestlint lint samples/`, as a new user runs it from the repository root. The
/// committed *.verified.* files are the review artifact: a change in findings, lines or messages shows as a diff.
/// </summary>
public class SamplesSnapshotTests
{
    [Fact]
    public void TextOutput_MatchesTheVerifiedSnapshot()
    {
        var (code, output, _) = CliRunner.Run(RepositoryPaths.Root, "lint", "samples", "--helm", HelmTool.Executable);

        Assert.Equal(ExitCodes.Findings, code);
        Snapshot.Verify(output, "samples", "txt");
    }

    /// <summary>
    /// Keeps what this snapshot is about (results, locations, fingerprints, notifications) and drops what other
    /// tests own and what changes with every page edit: the rule descriptors (tested against the catalog),
    /// the tool version and the machine's checkout path.
    /// </summary>
    private static string Normalise(string sarif)
    {
        var log = JsonNode.Parse(sarif)!;
        var driver = log["runs"]![0]!["tool"]!["driver"]!;
        driver["semanticVersion"] = "<version>";
        driver["rules"] = new JsonArray(driver["rules"]!.AsArray().Select(r => (JsonNode?)JsonValue.Create(r!["id"]!.GetValue<string>())).ToArray());
        log["runs"]![0]!["originalUriBaseIds"]!["%SRCROOT%"]!["uri"] = "file:///<root>/";
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    [Fact]
    public void SarifOutput_IsSchemaValid_AndMatchesTheVerifiedSnapshot()
    {
        var (code, output, _) = CliRunner.Run(RepositoryPaths.Root, "lint", "samples", "--format", "sarif", "--helm", HelmTool.Executable);

        Assert.Equal(ExitCodes.Findings, code);
        SarifSchemaValidator.AssertValid(output);
        Snapshot.Verify(Normalise(output), "samples", "sarif.json");
    }
}
