using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Mapping;
using ManifestLint.Helm.Rendering;
using ManifestLint.Helm.Templates;
using ManifestLint.Model.Yaml;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// The line markers must never change what Helm renders: for every chart and values variant, the marked copy renders
/// on the first try to documents of exactly the same structure as the chart itself, and its lines carry markers.
/// </summary>
public class MarkerSafetyTests
{
    public static TheoryData<string, string> Renders()
    {
        var data = new TheoryData<string, string>();
        var charts = Directory.GetDirectories(HelmFixtures.Charts).Concat(Directory.GetDirectories(HelmFixtures.SampleCharts))
            .Where(d => Path.GetFileName(d) != "billing")
            .Order(StringComparer.Ordinal);
        foreach (var chart in charts)
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, chart);
            data.Add(relative, string.Empty);
            foreach (var variant in ChartLayout.CiValuesFiles(chart))
            {
                data.Add(relative, Path.GetRelativePath(chart, variant));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task TheMarkedCopy_RendersTheSameDocuments(string chart, string variant)
    {
        using var tree = new TempTree();
        var directory = Path.Combine(RepositoryPaths.Root, chart);
        var marked = MarkedChart.Create(ChartLayout.Read(directory), Path.Combine(tree.Root, "copy"), new TemplateCache());
        var helm = HelmProcess.Create(HelmTool.Executable, Path.Combine(tree.Root, "sandbox"));
        string[] values = variant.Length == 0 ? [] : ["--values", Path.Combine(directory, variant)];

        var plain = await helm.RunAsync(["template", "release", directory, .. values], tree.Root, TimeSpan.FromSeconds(60), CancellationToken.None);
        var withMarkers = await helm.RunAsync(["template", "release", marked.Directory, .. values], tree.Root, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.True(plain.Succeeded, plain.Error);
        Assert.True(withMarkers.Succeeded, withMarkers.Error);
        var markedSources = RenderedOutput.Split(withMarkers.Output, "?").ToDictionary(s => s.SourcePath, StringComparer.Ordinal);
        foreach (var source in RenderedOutput.Split(plain.Output, "?"))
        {
            Assert.True(markedSources.TryGetValue(source.SourcePath, out var other), $"{source.SourcePath} is missing from the marked render");
            var plainRoots = RenderedInput.DocumentRoots(YamlFileLoader.Load(source.SourcePath, source.Text));
            var markedRoots = RenderedInput.DocumentRoots(YamlFileLoader.Load(source.SourcePath, other.Text));
            Assert.Equal(plainRoots.Count, markedRoots.Count);
            Assert.All(plainRoots.Zip(markedRoots), p => Assert.True(YamlPaths.SameShape(p.First, p.Second), $"{source.SourcePath}: the marked document differs in structure"));
            Assert.Contains("#@ml:", other.Text, StringComparison.Ordinal);
        }
    }
}
