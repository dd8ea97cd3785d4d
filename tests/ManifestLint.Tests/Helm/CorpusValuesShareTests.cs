using ManifestLint.Engine.Diagnostics;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// Issue 14's target, measured: at least 95% of the memory findings on the real charts of the corpus carry a values
/// location (TestData/corpus: the 22 of the corpus's 32 charts that have memory findings, copied without docs, CRDs
/// and unit-test suites; the other 10 have none or cannot render without fetched dependencies). Every finding
/// without one is a known case, checked by hand: a pre-install/post-delete hook Job whose container is written
/// literally in the template (no value decides its resources), and GOMEMLIMIT written, or left out, in a literal env list.
/// </summary>
public class CorpusValuesShareTests
{
    private static readonly (string Chart, string Rule, string Template)[] KnownWithout =
    [
        ("elastic-kibana", "ML1001", "templates/pre-install-job.yaml"),
        ("elastic-kibana", "ML1002", "templates/pre-install-job.yaml"),
        ("elastic-kibana", "ML1006", "templates/pre-install-job.yaml"),
        ("elastic-kibana", "ML1001", "templates/post-delete-job.yaml"),
        ("elastic-kibana", "ML1002", "templates/post-delete-job.yaml"),
        ("elastic-kibana", "ML1006", "templates/post-delete-job.yaml"),
        ("bitnami-cilium", "ML3001", "templates/agent/daemonset.yaml"),

        // GOMEMLIMIT unset where a preset sets the limit: the env list is literal in the template (extraEnvVars is not named).
        ("bitnami-cilium", "ML3004", "templates/"),
    ];

    private static string Corpus => Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Tests", "Helm", "TestData", "corpus");

    [Fact]
    public void AtLeast95PercentOfMemoryFindings_CarryAValuesLocation_AndTheRestAreKnown()
    {
        var charts = Directory.GetDirectories(Corpus).Where(d => File.Exists(Path.Combine(d, "Chart.yaml"))).Order(StringComparer.Ordinal).ToArray();
        var result = HelmFixtures.Lint(null, charts);

        var memory = result.Analysis.Diagnostics.Where(d => !d.RuleId.StartsWith("ML0", StringComparison.Ordinal)).ToList();
        var without = memory.Where(d => !d.RelatedLocations.Any(IsValues)).ToList();
        var share = (memory.Count - without.Count) / (double)memory.Count;

        Assert.Equal(22, charts.Length);
        Assert.True(memory.Count >= 80, $"only {memory.Count} memory findings: the corpus did not render");
        Assert.True(share >= 0.95, $"{memory.Count - without.Count} of {memory.Count} ({share:P1}) carry a values location");
        Assert.All(without, d => Assert.Contains(KnownWithout, k => d.RuleId == k.Rule && d.Location.Path.Contains($"corpus/{k.Chart}/{k.Template}", StringComparison.Ordinal)));
        Assert.All(memory.Where(d => d.RelatedLocations.Any(IsValues)), d => Assert.Contains(
            d.RelatedLocations.Where(IsValues),
            r => r.Span.Path.EndsWith(".yaml", StringComparison.Ordinal) && File.Exists(Path.Combine(RepositoryPaths.Root, r.Span.Path))));
    }

    private static bool IsValues(RelatedLocation r) => r.Message.StartsWith("values: ", StringComparison.Ordinal);
}
