using ManifestLint.Helm.Templates;

namespace ManifestLint.Helm.Rendering;

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
}
