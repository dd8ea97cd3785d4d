using ManifestLint.Engine.Diagnostics;
using ManifestLint.Helm;
using ManifestLint.Tests.Snapshots;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// Every memory finding on a chart names the values key a chart user edits, through each way a value reaches the
/// output (TestData/charts/values-flow: one helm-create Deployment per construct), and for the chart
/// <c>helm create</c> writes (TestData/charts/created, unmodified but for a <c>ci/</c> variant that enables the HPA).
/// The values-flow chart also has a Go container whose env list comes from <c>extraEnvVars</c> (ML3004 names the
/// entry to add there), and <c>merge</c>/<c>mergeOverwrite</c> of two values mappings.
/// When the cause is an absent value, the location is the nearest key that would hold it and the message names
/// the key to add. The snapshot lists each finding with its values location, by line text.
/// </summary>
public class ValuesLocationTests
{
    private static readonly Lazy<HelmLintResult> Flow = new(() => HelmFixtures.Lint(null, Path.Combine(HelmFixtures.Charts, "values-flow")));

    private static readonly Lazy<HelmLintResult> Created = new(() => HelmFixtures.Lint(null, Path.Combine(HelmFixtures.Charts, "created")));

    private static IReadOnlyList<Diagnostic> FlowFindings => Flow.Value.Analysis.Diagnostics;

    [Fact]
    public void EachConstruct_MatchesTheVerifiedSnapshot()
    {
        Snapshot.Verify(HelmFixtures.Describe(FlowFindings), "values-flow", "txt");
    }

    [Fact]
    public void TheHelmCreateChart_MatchesTheVerifiedSnapshot()
    {
        Snapshot.Verify(HelmFixtures.Describe(Created.Value.Analysis.Diagnostics), "created", "txt");
    }

    [Theory]
    [InlineData("to-yaml", "resources: {}", "toYaml.resources.requests.memory")]
    [InlineData("variable", "resources: {}", "variable.resources.requests.memory")]
    [InlineData("with-default", "resources: {}", "withDefault.resources.requests.memory")]
    [InlineData("tpl", "resources: {}", "tplled.resources.requests.memory")]
    [InlineData("absent", "absent:", "absent.resources.requests.memory")]
    public void MissingMemory_PointsAtTheKeyThatWouldHoldIt_AndNamesTheKeyToAdd(string template, string valuesLine, string key)
    {
        // No request and no limit in a pod without any: the one finding is the pod's BestEffort ML1006 (issue 13).
        var finding = HelmFixtures.Single(FlowFindings, "ML1006", $"container \"{template}\"");

        var values = HelmFixtures.Values(finding);
        Assert.EndsWith("values-flow/values.yaml", values.Span.Path, StringComparison.Ordinal);
        Assert.Equal(valuesLine, HelmFixtures.LineText(values.Span));
        Assert.EndsWith($"(add {key})", values.Message, StringComparison.Ordinal);
        Assert.Contains($"Values: add {key}.", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("merged", "memory: 512Mi", "values: merged.resources.requests.memory")]
    [InlineData("merge-overwrite", "memory: 384Mi", "values: overwrite.resources.requests.memory")]
    public void ARequestAboveTheLimit_ThroughMerge_PointsAtTheMappingThatWins(string container, string line, string message)
    {
        // merge keeps the first mapping's keys; mergeOverwrite lets the last overwrite them. Both mappings set the request.
        var values = HelmFixtures.Values(HelmFixtures.Single(FlowFindings, "ML1003", $"container \"{container}\""));

        Assert.Equal((line, message), (HelmFixtures.LineText(values.Span), values.Message));
    }

    [Fact]
    public void GoMemLimitLeftOut_PointsAtTheEnvListInTheValues_AndNamesTheEntryToAdd()
    {
        var finding = HelmFixtures.Single(FlowFindings, "ML3004", "container \"env-list\"");

        var values = HelmFixtures.Values(finding);
        Assert.Equal(("extraEnvVars: []", "values: envList.extraEnvVars (add a GOMEMLIMIT entry)"), (HelmFixtures.LineText(values.Span), values.Message));
        Assert.EndsWith("Values: add a GOMEMLIMIT entry to envList.extraEnvVars.", finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void MissingMemory_InsideARangeReadingDollarValues_PointsAtTheRootKey()
    {
        foreach (var name in new[] { "alpha", "beta" })
        {
            var finding = HelmFixtures.Single(FlowFindings, "ML1006", $"container \"{name}\"");
            Assert.Equal("rootResources: {}", HelmFixtures.LineText(HelmFixtures.Values(finding).Span));
        }
    }

    [Fact]
    public void AKeyNoValuesFileHas_PointsAtTheTopOfTheChartsValuesFile()
    {
        var finding = HelmFixtures.Single(FlowFindings, "ML1006", "container \"nowhere\"");

        var values = HelmFixtures.Values(finding);
        Assert.Equal((1, "values: add nowhere.resources.requests.memory"), (values.Span.StartLine, values.Message));
    }

    [Fact]
    public void AZeroLimitThroughRequired_PointsAtTheValue()
    {
        var finding = HelmFixtures.Single(FlowFindings, "ML1006", "release-required runs BestEffort");

        Assert.Equal("memoryLimit: \"0\"", HelmFixtures.LineText(HelmFixtures.Values(finding).Span));
    }

    [Fact]
    public void AMissingLimitWithARequest_CarriesAFixThatAddsItToTheValuesFile_NeverToTheTemplate()
    {
        var finding = HelmFixtures.Single(FlowFindings, "ML1001", "container \"with-block\"");

        var fix = Assert.IsType<Engine.Fixes.Fix>(finding.Fix);
        var edit = Assert.Single(fix.Edits);
        Assert.EndsWith("values-flow/values.yaml", edit.Span.Path, StringComparison.Ordinal);
        var path = Path.Combine(Tests.TestSupport.RepositoryPaths.Root, edit.Span.Path);
        var fixedText = Engine.Fixes.FixApplier.Apply(File.ReadAllText(path), [fix], edit.Span.Path).Text;
        Assert.Contains("withBlock:\n  resources:\n    requests:\n      memory: 64Mi\n    limits:\n      memory: 64Mi\n", fixedText.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.All(FlowFindings.Where(d => d.Fix is not null).SelectMany(d => d.Fix!.Edits), e => Assert.EndsWith("values.yaml", e.Span.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void AMemoryHpaFromACiVariant_PointsAtTheTargetInTheVariant()
    {
        var finding = HelmFixtures.Single(Created.Value.Analysis.Diagnostics, "ML6004", "ci/hpa-values.yaml");

        var values = HelmFixtures.Values(finding);
        Assert.EndsWith("created/ci/hpa-values.yaml", values.Span.Path, StringComparison.Ordinal);
        Assert.Equal("targetMemoryUtilizationPercentage: 80", HelmFixtures.LineText(values.Span));
    }

    [Fact]
    public void HelmTestHookPods_AreNotLinted_UnlessIncludeTestsIsOn()
    {
        const string hook = "created/templates/tests/test-connection.yaml";
        Assert.NotEmpty(Created.Value.Analysis.Diagnostics);
        Assert.DoesNotContain(Created.Value.Analysis.Diagnostics, d => d.Location.Path.EndsWith(hook, StringComparison.Ordinal));

        var included = HelmFixtures.Lint(new HelmSettings { IncludeTests = true }, Path.Combine(HelmFixtures.Charts, "created"));
        Assert.Contains(included.Analysis.Diagnostics, d => d.RuleId == "ML1006" && d.Location.Path.EndsWith(hook, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryMemoryFinding_HasAValuesLocation()
    {
        var memory = FlowFindings.Concat(Created.Value.Analysis.Diagnostics).Where(d => !d.RuleId.StartsWith("ML0", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(memory);
        Assert.All(memory, d => HelmFixtures.Values(d));
    }
}
