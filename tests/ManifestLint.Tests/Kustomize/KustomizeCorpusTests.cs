using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// Mapping accuracy on real kustomizations (TestData/corpus, copied from the shared corpus): the share of findings
/// placed on the line that writes the field they name. The figures are printed for the record.
/// </summary>
public class KustomizeCorpusTests(ITestOutputHelper output)
{
    private static string Corpus => Path.Combine(KustomizeTool.Fixtures, "..", "corpus");

    private static string[] Directories(string name) =>
        [.. Directory.EnumerateFiles(Path.Combine(Corpus, name), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "kustomization.yaml" or "kustomization.yml" or "Kustomization")
            .Select(f => Path.GetFullPath(Path.GetDirectoryName(f)!))];

    /// <summary>The test kustomizations (TestData/kustomize): every finding on the line of the field it names.</summary>
    [Theory]
    [InlineData("shop", new[] { "shop/base", "shop/components/jvm-tuning", "shop/overlays/dev", "shop/overlays/prod" })]
    [InlineData("patches", new[] { "patches/base", "patches/overlay" })]
    [InlineData("suppressed", new[] { "suppressed/base", "suppressed/overlay" })]
    [InlineData("helm", new[] { "helm" })]
    [InlineData("outside", new[] { "errors/outside" })]
    public void TestKustomizations_MapEveryFindingToTheFieldsLine(string name, string[] directories)
    {
        var settings = KustomizeTool.Settings with { EnableHelm = name == "helm", HelmPath = name == "helm" ? Helm.HelmTool.Executable : null, LoadRestrictor = name == "outside" ? ManifestLint.Kustomize.LoadRestrictor.None : ManifestLint.Kustomize.LoadRestrictor.RootOnly };
        var result = KustomizeTool.Lint(settings, directories);
        var accuracy = MappingAccuracy.AssertAllExact(result);
        output.WriteLine($"{name}: {result.Statistics.Units} units, {result.Statistics.Bases} bases, {result.Statistics.Failed} failed; {accuracy}");
    }

    [Theory]
    [InlineData("microservices-demo", 95)]
    [InlineData("emojivoto", 95)]
    [InlineData("flux-source-controller", 95)]
    public void RealKustomizations_MapFindingsToTheFieldsLine(string name, double minimum)
    {
        var result = KustomizeTool.Lint(Directories(name));
        var accuracy = MappingAccuracy.Measure(result);
        output.WriteLine($"{name}: {result.Statistics.Units} units, {result.Statistics.Bases} bases, {result.Statistics.Failed} failed; {accuracy}");
        foreach (var miss in accuracy.Misses)
        {
            output.WriteLine("  miss: " + miss);
        }

        foreach (var failure in result.Analysis.Diagnostics.Where(d => d.RuleId == "ML0002"))
        {
            output.WriteLine("  ML0002: " + failure.Message);
        }

        Assert.True(accuracy.Total > 0);
        Assert.True(accuracy.Percent >= minimum, accuracy.ToString());
    }
}
