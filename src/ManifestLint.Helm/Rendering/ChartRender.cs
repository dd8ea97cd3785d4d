using ManifestLint.Engine.Analysis;
using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Mapping;
using ManifestLint.Helm.Templates;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Rendering;

/// <summary>One set of values a chart is rendered with: the chart's defaults, or defaults plus a <c>ci/*-values.yaml</c> file.</summary>
/// <param name="Name"><c>default</c>, or the variant file relative to the chart (<c>ci/prod-values.yaml</c>).</param>
/// <param name="FullPath">The variant file, or null for the defaults.</param>
internal sealed record ValuesVariant(string Name, string? FullPath)
{
    public const string DefaultName = "default";

    public static ValuesVariant Default { get; } = new(DefaultName, null);
}

/// <summary>A chart being linted: its layout, variants, parsed templates and (created on first need) its marked copy.</summary>
internal sealed class ChartContext(ChartInput input, ChartNode root, string name, IReadOnlyList<ValuesVariant> variants)
{
    private readonly Lock gate = new();
    private MarkedChart? marked;
    private bool markingFailed;

    public ChartInput Input { get; } = input;

    public ChartNode Root { get; } = root;

    /// <summary>The <c>name</c> in Chart.yaml.</summary>
    public string Name { get; } = name;

    public IReadOnlyList<ValuesVariant> Variants { get; } = variants;

    public TemplateCache Templates { get; } = new();

    /// <summary>The marked copy, created once under <paramref name="copyRoot"/>; null when the chart cannot be copied.</summary>
    public MarkedChart? Marked(string copyRoot)
    {
        lock (gate)
        {
            if (marked is null && !markingFailed)
            {
                try
                {
                    marked = MarkedChart.Create(Root, copyRoot, Templates);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    markingFailed = true;
                }
            }

            return marked;
        }
    }
}

/// <summary>The outcome of rendering one chart with one variant, and (after a second, marked render) its line markers.</summary>
internal sealed class ChartRender(ChartContext chart, ValuesVariant variant)
{
    public ChartContext Chart { get; } = chart;

    public ValuesVariant Variant { get; } = variant;

    public HelmRun? Run { get; set; }

    /// <summary>The command line a user can run to reproduce the render (display paths).</summary>
    public string Command { get; set; } = string.Empty;

    public IReadOnlyList<RenderedInput> Inputs { get; set; } = [];

    /// <summary>The marked render by <c># Source:</c> path; null until rendered, empty when it failed.</summary>
    public IReadOnlyDictionary<string, MarkedSource>? Marked { get; set; }

    public MarkedChart? MarkedChart { get; set; }

    public TimeSpan MarkedElapsed { get; set; }
}

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

    public AnalysisInput ToAnalysisInput() => AnalysisInput.FromText(InputPath, Text);

    internal static IReadOnlyList<YamlNode> DocumentRoots(YamlFile file) => [.. file.Documents.Select(d => d.Root).OfType<YamlNode>()];
}

/// <summary>One template file's documents in the marked render: lines with their markers, and the parsed documents.</summary>
internal sealed class MarkedSource
{
    private readonly Dictionary<int, bool> shapeMatches = [];

    public MarkedSource(string sourcePath, string text)
    {
        Lines = text.Split('\n');
        Roots = RenderedInput.DocumentRoots(YamlFileLoader.Load(sourcePath, text));
    }

    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<YamlNode> Roots { get; }

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
