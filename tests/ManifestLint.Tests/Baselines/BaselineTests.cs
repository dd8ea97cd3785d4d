using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.Configuration;
using ManifestLint.Tests.Sarif;
using Xunit;

namespace ManifestLint.Tests.Baselines;

public class BaselineTests
{
    private const string Web = """
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
                  memory: 256Mi
        """;

    private const string Batch = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: batch
          namespace: shop
        spec:
          containers:
            - name: batch
              image: busybox:1.37
              resources:
                requests:
                  memory: 64Mi
        """;

    [Fact]
    public void BaselineWrite_RecordsTheCurrentFindings_AsValidSarif_AndExitsZero()
    {
        using var tree = Tree();

        var (code, _, error) = CliRunner.Run(tree.Root, "baseline", "write", "baseline.sarif", "manifests");

        Assert.Equal(ExitCodes.Success, code);
        var sarif = File.ReadAllText(Path.Combine(tree.Root, "baseline.sarif"));
        SarifSchemaValidator.AssertValid(sarif);
        Assert.Equal(["ML1001", "ML1001"], Results(sarif).Select(r => (string?)r!["ruleId"]));
        Assert.Contains("2 warnings in 2 files", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BaselineWrite_RefusesOptionsItSetsItself()
    {
        using var tree = Tree();

        var (code, _, error) = CliRunner.Run(tree.Root, "baseline", "write", "baseline.sarif", "manifests", "--format", "text");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("baseline write sets --format itself", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnchangedFindings_DoNotFailTheRun_ByDefault()
    {
        using var tree = Tree();
        CliRunner.Run(tree.Root, "baseline", "write", "baseline.sarif", "manifests");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "manifests", "--baseline", "baseline.sarif", "--format", "sarif");
        var all = CliRunner.Run(tree.Root, "lint", "manifests", "--baseline", "baseline.sarif", "--fail-on", "all");

        Assert.Equal(ExitCodes.Success, code);
        SarifSchemaValidator.AssertValid(output);
        Assert.All(Results(output), r => Assert.Equal("unchanged", (string?)r!["baselineState"]));
        Assert.Equal(ExitCodes.Findings, all.ExitCode);
        Assert.EndsWith("; 0 new since the baseline.\n", all.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void NewFindings_FailTheRun_AndGoneOnesAreAbsent()
    {
        using var tree = Tree();
        CliRunner.Run(tree.Root, "baseline", "write", "baseline.sarif", "manifests");
        File.Delete(Path.Combine(tree.Root, "manifests", "batch.yaml"));
        tree.Write("manifests/cache.yaml", Web.Replace("name: web", "name: cache", StringComparison.Ordinal));

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "manifests", "--baseline", "baseline.sarif", "--format", "sarif");

        Assert.Equal(ExitCodes.Findings, code);
        SarifSchemaValidator.AssertValid(output);
        var states = Results(output).Select(r => $"{r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]} {r["baselineState"]}");
        Assert.Equal(["manifests/cache.yaml new", "manifests/web.yaml unchanged", "manifests/batch.yaml absent"], states);
        var absent = Results(output)[2]!;
        Assert.Equal(RuleIndex("ML1001", output), (int?)absent["ruleIndex"]);
    }

    [Fact]
    public void Fingerprints_SurviveLineMovesAndReformatting()
    {
        using var tree = Tree();
        CliRunner.Run(tree.Root, "baseline", "write", "baseline.sarif", "manifests");
        var reformatted = "# a comment on top\n\n" + Web
            .Replace("metadata:\n  name: web\n  namespace: shop", "metadata: { namespace: shop, name: web }", StringComparison.Ordinal)
            .Replace("\n  ", "\n    ", StringComparison.Ordinal);
        tree.Write("manifests/web.yaml", reformatted);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "manifests", "--baseline", "baseline.sarif", "--format", "sarif");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["unchanged", "unchanged"], Results(output).Select(r => (string?)r!["baselineState"]));
        Assert.NotEqual(12, (int)Results(output)[1]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
    }

    [Fact]
    public void FailOnNew_StillCountsOnlyFindingsAtTheFailLevel()
    {
        using var tree = Tree();
        CliRunner.Run(tree.Root, "baseline", "write", "baseline.sarif", "manifests");
        tree.Write("manifests/cache.yaml", Web.Replace("name: web", "name: cache", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Findings, CliRunner.Run(tree.Root, "lint", "manifests", "--baseline", "baseline.sarif").ExitCode);
        Assert.Equal(ExitCodes.Success, CliRunner.Run(tree.Root, "lint", "manifests", "--baseline", "baseline.sarif", "--fail-level", "error").ExitCode);
    }

    [Theory]
    [InlineData("missing.sarif", "cannot read the baseline missing.sarif")]
    [InlineData("manifests/web.yaml", "cannot read the baseline manifests/web.yaml: not a SARIF 2.1.0 log")]
    public void UnreadableBaseline_ExitsTwo(string baseline, string message)
    {
        using var tree = Tree();

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "manifests", "--baseline", baseline);

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_MatchesByFingerprint_IgnoringResultsOfOtherTools()
    {
        var first = Analyze(("web.yaml", Web), ("batch.yaml", Batch));
        var log = SarifWriter.ToJson(SarifWriter.Build(first, Engine.Catalog.RuleCatalog.Default, SarifTestData.Options));
        var node = JsonNode.Parse(log)!;
        node["runs"]![0]!["results"]!.AsArray().Add(JsonNode.Parse("""{"ruleId":"OTHER","message":{"text":"x"}}"""));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));
        var baseline = SarifBaseline.Read(stream);

        var comparison = baseline.Compare(Analyze(("web.yaml", Web)), includeSuppressed: false);

        Assert.Equal(2, baseline.Results.Count);
        Assert.Equal([BaselineState.Unchanged], comparison.Result.Diagnostics.Select(d => d.BaselineState));
        Assert.Equal((0, 1), (comparison.NewCount, comparison.UnchangedCount));
        Assert.Equal("ML1001", Assert.Single(comparison.Absent).RuleId);
    }

    private static int? RuleIndex(string id, string sarif) =>
        JsonNode.Parse(sarif)!["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Select((r, i) => ((string?)r!["id"], i)).Single(r => r.Item1 == id).i;

    private static AnalysisResult Analyze(params (string Path, string Yaml)[] files) =>
        new AnalysisEngine().Analyze(files.Select(f => AnalysisInput.FromText(f.Path, f.Yaml)).ToList());

    private static JsonArray Results(string sarif) => JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();

    private static TempTree Tree()
    {
        var tree = ConfigurationCliTests.Repository();
        tree.Write("manifests/web.yaml", Web);
        tree.Write("manifests/batch.yaml", Batch);
        return tree;
    }
}
