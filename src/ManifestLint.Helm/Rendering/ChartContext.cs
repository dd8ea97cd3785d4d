using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Templates;

namespace ManifestLint.Helm.Rendering;

/// <summary>One set of values a chart is rendered with: the chart's defaults, or defaults plus a <c>ci/*-values.yaml</c> file.</summary>
/// <param name="Name"><c>default</c>, or the variant file relative to the chart (<c>ci/prod-values.yaml</c>).</param>
/// <param name="FullPath">The variant file, or null for the defaults.</param>
internal sealed record ValuesVariant(string Name, string? FullPath)
{
    public static ValuesVariant Default { get; } = new("default", null);
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
