using ManifestLint.Helm.Templates;

namespace ManifestLint.Helm.Rendering;

/// <summary>The outcome of rendering one chart with one variant: the output that is linted, and the line markers that map it.</summary>
internal sealed class ChartRender(ChartContext chart, ValuesVariant variant)
{
    private Lazy<IReadOnlyDictionary<string, MarkedSource>>? marked;

    public ChartContext Chart { get; } = chart;

    public ValuesVariant Variant { get; } = variant;

    /// <summary>
    /// The run whose result counts: the plain chart's when it was rendered, else the marked copy's with the markers
    /// removed (its output then is the plain chart's, byte for byte).
    /// </summary>
    public HelmRun? Run { get; set; }

    /// <summary>The command line a user can run to reproduce the render (the plain chart, display paths).</summary>
    public string Command { get; set; } = string.Empty;

    public IReadOnlyList<RenderedInput> Inputs { get; set; } = [];

    /// <summary>Why the plain chart was rendered too (null when the marked render alone served).</summary>
    public string? PlainReason { get; set; }

    /// <summary>The marked copy and its failed run, while no marked output is known: retried without the markers Helm names when findings need them.</summary>
    public (MarkedChart Copy, HelmRun Run)? MarkedFailure { get; set; }

    /// <summary>The marked render by <c># Source:</c> path (parsed on first use); null when there is none.</summary>
    public IReadOnlyDictionary<string, MarkedSource>? Marked => marked?.Value;

    public MarkedChart? MarkedChart { get; private set; }

    /// <summary>Keeps a successful marked render's output for the mapping.</summary>
    public void UseMarked(MarkedChart chart, string output)
    {
        MarkedChart = chart;
        MarkedFailure = null;
        marked = new(() => RenderedOutput.Split(output, "<unnamed>").ToDictionary(s => s.SourcePath, s => new MarkedSource(s.SourcePath, s.Text), StringComparer.Ordinal));
    }
}
