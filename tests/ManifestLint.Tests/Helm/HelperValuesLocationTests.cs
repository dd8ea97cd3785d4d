using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Helm;
using ManifestLint.Tests.Snapshots;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// Values that reach a container through a helper's argument (TestData/charts/helper-flow: a <c>dict</c>, a
/// <c>list</c> read with <c>index . 1</c>, the values mapping itself, a helper passing its argument on to another,
/// and a pod template built in a helper and passed through <c>include | fromYaml | toYaml</c>), and through a
/// subchart (TestData/charts/umbrella: the parent's values under the subchart's name, a subchart default, a key in
/// neither, and a global). Each finding's values location is checked against the line of the file a chart user edits.
/// </summary>
public class HelperValuesLocationTests
{
    private static readonly Lazy<HelmLintResult> Flow = new(() => HelmFixtures.Lint(null, Path.Combine(HelmFixtures.Charts, "helper-flow")));

    private static readonly Lazy<HelmLintResult> Umbrella = new(() => HelmFixtures.Lint(null, Path.Combine(HelmFixtures.Charts, "umbrella")));

    private static IReadOnlyList<Diagnostic> FlowFindings => Flow.Value.Analysis.Diagnostics;

    private static IReadOnlyList<Diagnostic> UmbrellaFindings => Umbrella.Value.Analysis.Diagnostics;

    [Fact]
    public void HelperFlow_MatchesTheVerifiedSnapshot()
    {
        Snapshot.Verify(HelmFixtures.Describe(FlowFindings), "helper-flow", "txt");
    }

    [Fact]
    public void Umbrella_MatchesTheVerifiedSnapshot()
    {
        Snapshot.Verify(HelmFixtures.Describe(UmbrellaFindings), "umbrella", "txt");
    }

    [Theory]
    [InlineData("ML1006", "container \"dict-arg\"", 7, "resources: {}", "values: dictArg.resources (add dictArg.resources.requests.memory)")]
    [InlineData("ML1001", "container \"list-arg\"", 11, "resources:", "values: listArg.resources (add listArg.resources.limits.memory)")]
    [InlineData("ML1003", "container \"direct\"", 21, "memory: 256Mi", "values: direct.resources.requests.memory")]
    [InlineData("ML1006", "container \"nested\"", 25, "resources: {}", "values: nested.resources (add nested.resources.requests.memory)")]
    [InlineData("ML1003", "container \"round-trip\"", 33, "memory: 512Mi", "values: roundTrip.resources.requests.memory")]
    [InlineData("ML1002", "container \"sidecar\"", 35, "resources: {}", "values: sidecar.resources (add sidecar.resources.requests.memory)")]
    public void AValueGivenToAHelper_PointsAtItsKeyInTheChartsValues(string rule, string container, int line, string text, string message)
    {
        var values = HelmFixtures.Values(HelmFixtures.Single(FlowFindings, rule, container));

        Assert.EndsWith("helper-flow/values.yaml", values.Span.Path, StringComparison.Ordinal);
        Assert.Equal((line, text, message), (values.Span.StartLine, HelmFixtures.LineText(values.Span), values.Message));
    }

    [Theory]
    [InlineData("ML1001", "container \"list-arg\"", "_helpers.tpl", 15, "list-arg.yaml", "Deployment release-list-arg")]
    [InlineData("ML1003", "container \"direct\"", "_helpers.tpl", 24, "direct.yaml", "Deployment release-direct")]
    [InlineData("ML1003", "container \"round-trip\"", "_helpers.tpl", 41, "round-trip.yaml", "Deployment release-round-trip")]
    [InlineData("ML1002", "container \"sidecar\"", "_helpers.tpl", 47, "round-trip.yaml", "Deployment release-round-trip")]
    public void AFindingInAHelper_IsOnTheHelpersLine_AndNamesTheIncludeAndTheWorkload(string rule, string container, string file, int line, string caller, string workload)
    {
        var finding = HelmFixtures.Single(FlowFindings, rule, container);

        Assert.EndsWith($"helper-flow/templates/{file}", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal(line, finding.Location.StartLine);
        var call = Assert.Single(finding.RelatedLocations, r => r.Message.StartsWith("the helper is included here", StringComparison.Ordinal));
        Assert.EndsWith($"helper-flow/templates/{caller}", call.Span.Path, StringComparison.Ordinal);
        Assert.Contains("include \"flow.", HelmFixtures.LineText(call.Span), StringComparison.Ordinal);
        Assert.Equal($"the helper is included here for {workload}", call.Message);
    }

    [Fact]
    public void TheValuesFix_ThroughAListArgument_EditsTheValuesFile_AndFixRemovesTheFinding()
    {
        var finding = HelmFixtures.Single(FlowFindings, "ML1001", "container \"list-arg\"");
        var edit = Assert.Single(Assert.IsType<Fix>(finding.Fix).Edits);
        Assert.EndsWith("helper-flow/values.yaml", edit.Span.Path, StringComparison.Ordinal);

        using var tree = new TempTree();
        var chart = Path.Combine(HelmFixtures.Charts, "helper-flow");
        foreach (var file in Directory.EnumerateFiles(chart, "*", SearchOption.AllDirectories))
        {
            tree.Write(Path.Combine("helper-flow", Path.GetRelativePath(chart, file)), File.ReadAllText(file));
        }

        var helpers = File.ReadAllText(Path.Combine(tree.Root, "helper-flow/templates/_helpers.tpl"));
        var (_, output, error) = CliRunner.Run(tree.Root, ["lint", "helper-flow", "--fix", "--helm", HelmTool.Executable]);

        Assert.Contains("listArg:\n  resources:\n    requests:\n      memory: 128Mi\n    limits:\n      memory: 128Mi\n", File.ReadAllText(Path.Combine(tree.Root, "helper-flow/values.yaml")), StringComparison.Ordinal);
        Assert.Equal(helpers, File.ReadAllText(Path.Combine(tree.Root, "helper-flow/templates/_helpers.tpl")));
        Assert.DoesNotContain("container \"list-arg\"", output, StringComparison.Ordinal);
        Assert.Contains("container \"direct\"", output, StringComparison.Ordinal);
        Assert.True(error.Length == 0 || !error.Contains("error", StringComparison.OrdinalIgnoreCase), error);
    }

    [Theory]
    [InlineData("ML1003", "container \"api\"", "umbrella/values.yaml", 9, "memory: 512Mi", "values: api.resources.requests.memory")]
    [InlineData("ML1002", "container \"worker\"", "umbrella/values.yaml", 6, "api:", "values: api (add api.worker.resources.requests.memory)")]
    [InlineData("ML1004", "container \"global\"", "umbrella/values.yaml", 3, "memoryLimit: 256m", "values: global.memoryLimit")]
    [InlineData("ML1003", "container \"global\"", "umbrella/values.yaml", 3, "memoryLimit: 256m", "values: global.memoryLimit")]
    [InlineData("ML1006", "container \"web\"", "umbrella/values.yaml", 13, "resources: {}", "values: web.resources (add web.resources.requests.memory)")]
    public void ASubchartsValue_PointsAtTheParentsValues_WhereTheParentSetsItOrWouldAddIt(string rule, string container, string file, int line, string text, string message)
    {
        var values = HelmFixtures.Values(HelmFixtures.Single(UmbrellaFindings, rule, container));

        Assert.EndsWith(file, values.Span.Path, StringComparison.Ordinal);
        Assert.Equal((line, text, message), (values.Span.StartLine, HelmFixtures.LineText(values.Span), values.Message));
    }

    [Fact]
    public void ASubchartDefaultTheParentDoesNotOverride_PointsAtTheDefault_AndNamesTheParentKeyThatWouldOverrideIt()
    {
        var values = HelmFixtures.Values(HelmFixtures.Single(UmbrellaFindings, "ML1003", "container \"cache\""));

        Assert.EndsWith("umbrella/charts/api/values.yaml", values.Span.Path, StringComparison.Ordinal);
        Assert.Equal((19, "memory: 96Mi"), (values.Span.StartLine, HelmFixtures.LineText(values.Span)));
        Assert.StartsWith("values: cache.resources.requests.memory (subchart default; override it as api.cache.resources.requests.memory in ", values.Message, StringComparison.Ordinal);
        Assert.EndsWith("umbrella/values.yaml)", values.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbsentKey_InASubchart_IsAddedInTheParentsValues_NeverInTheSubchartsOwn()
    {
        var finding = HelmFixtures.Single(UmbrellaFindings, "ML1002", "container \"worker\"");

        Assert.Contains("Values: add api.worker.resources.requests.memory.", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(finding.RelatedLocations, r => r.Span.Path.EndsWith("charts/api/values.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryMemoryFinding_HasAValuesLocation()
    {
        var memory = FlowFindings.Concat(UmbrellaFindings).Where(d => !d.RuleId.StartsWith("ML0", StringComparison.Ordinal)).ToList();

        Assert.Equal(12, memory.Count);
        Assert.All(memory, d => HelmFixtures.Values(d));
    }
}
