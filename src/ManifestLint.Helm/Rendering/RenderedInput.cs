using ManifestLint.Engine.Analysis;
using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Mapping;
using ManifestLint.Helm.Templates;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Rendering;

/// <summary>
/// One template file's rendered documents, as an engine input. Findings on it are mapped back to the template
/// (and the values) that produced them.
/// </summary>
internal sealed class RenderedInput
{
    private readonly Lazy<IReadOnlyList<YamlNode>> roots;

    public RenderedInput(string inputPath, string sourcePath, string text, ChartRender? render, string? templatePath, ChartNode? chart)
    {
        InputPath = inputPath;
        SourcePath = sourcePath;
        Text = text;
        Render = render;
        TemplatePath = templatePath;
        Chart = chart;
        roots = new Lazy<IReadOnlyList<YamlNode>>(() => DocumentRoots(YamlFileLoader.Load(inputPath, text)));
    }

    /// <summary>The path the engine sees (and findings show when they cannot be mapped).</summary>
    public string InputPath { get; }

    /// <summary>The <c># Source:</c> path.</summary>
    public string SourcePath { get; }

    public string Text { get; }

    /// <summary>The render this came from; null for <c>helm template … | manifestlint lint -</c>.</summary>
    public ChartRender? Render { get; }

    /// <summary>The template file on disk (absolute), when known.</summary>
    public string? TemplatePath { get; }

    /// <summary>The (sub)chart the template belongs to.</summary>
    public ChartNode? Chart { get; }

    /// <summary>Parsed template files, shared by the inputs of one chart.</summary>
    public TemplateCache Templates { get; init; } = new();

    /// <summary>The roots of the documents that have content, in order.</summary>
    public IReadOnlyList<YamlNode> Roots => roots.Value;

    /// <summary>Where the render counts as being when related to the repository's own policy files: its chart's directory (see <see cref="InputScope"/>).</summary>
    public string? Place { get; init; }

    public AnalysisInput ToAnalysisInput() => AnalysisInput.FromText(InputPath, Text) with { Place = Place };

    /// <summary>
    /// Whether the document at a rendered line is a <c>helm test</c> hook (<c>helm.sh/hook: test</c>, or Helm 2's
    /// <c>test-success</c>/<c>test-failure</c>): a pod that runs only when someone runs <c>helm test</c>.
    /// </summary>
    public bool IsTestHook(int line)
    {
        var root = Roots.LastOrDefault(r => r.Span.StartLine <= line);
        if (root is not MappingNode document || document["metadata"] is not MappingNode metadata
            || metadata["annotations"] is not MappingNode annotations || annotations["helm.sh/hook"] is not ScalarNode hook)
        {
            return false;
        }

        return hook.Value.Split(',').Any(h => h.Trim() is "test" or "test-success" or "test-failure");
    }

    internal static IReadOnlyList<YamlNode> DocumentRoots(YamlFile file) => [.. file.Documents.Select(d => d.Root).OfType<YamlNode>()];
}

/// <summary>One template file's documents in the marked render: lines with their markers, and the parsed documents.</summary>
internal sealed class MarkedSource
{
    private readonly Dictionary<int, bool> shapeMatches = [];
    private readonly Lazy<string[]> lines;
    private readonly Lazy<IReadOnlyList<YamlNode>> roots;

    /// <summary>Parsed on first use: only the sources with findings are ever read.</summary>
    public MarkedSource(string sourcePath, string text)
    {
        lines = new(() => text.Split('\n'));
        roots = new(() => RenderedInput.DocumentRoots(YamlFileLoader.Load(sourcePath, text)));
    }

    public IReadOnlyList<string> Lines => lines.Value;

    public IReadOnlyList<YamlNode> Roots => roots.Value;

    /// <summary>Whether document <paramref name="index"/> has the same structure as the unmarked render's (cached).</summary>
    public bool SameShape(int index, YamlNode plain)
    {
        lock (shapeMatches)
        {
            if (!shapeMatches.TryGetValue(index, out var same))
            {
                same = shapeMatches[index] = index < Roots.Count && YamlPaths.SameShape(Roots[index], plain);
            }

            return same;
        }
    }

    /// <summary>The 1-based lines of document <paramref name="index"/>: from its first node to the line before the next document's.</summary>
    public (int First, int Last) DocumentLines(int index) =>
        (Roots[index].Span.StartLine, index + 1 < Roots.Count ? Roots[index + 1].Span.StartLine - 1 : Lines.Count);
}
