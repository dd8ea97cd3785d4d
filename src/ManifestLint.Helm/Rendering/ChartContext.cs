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

/// <summary>How a chart's variants are rendered, prepared once per chart; the risk is known before the copy is written.</summary>
/// <param name="Risk">Why removing the markers from the output might not give the chart's own output (see <see cref="MarkerRisk"/>), or null.</param>
/// <param name="Copy">The marked copy; null when the chart cannot be copied (then only the chart itself is rendered).</param>
internal sealed record ChartMarking(Task<string?> Risk, Task<MarkedChart?> Copy);

/// <summary>A chart being linted: its layout, variants, parsed templates and (prepared on first need) its marked copy.</summary>
internal sealed class ChartContext(ChartInput input, ChartNode root, string name, IReadOnlyList<ValuesVariant> variants, HelmSettings settings)
{
    /// <summary>How this chart is rendered: the run's settings with the chart's configuration file (<c>helm:</c>) applied.</summary>
    public HelmSettings Settings { get; } = settings;

    private readonly Lock gate = new();
    private ChartMarking? marking;

    public ChartInput Input { get; } = input;

    public ChartNode Root { get; } = root;

    /// <summary>The <c>name</c> in Chart.yaml.</summary>
    public string Name { get; } = name;

    public IReadOnlyList<ValuesVariant> Variants { get; } = variants;

    public TemplateCache Templates { get; } = new();

    /// <summary>
    /// What a variant's values are, as messages and the summary name them: <c>default</c>, <c>ci/prod-values.yaml</c>,
    /// followed by the <c>-f</c> files and <c>--set</c> values every variant is rendered with (<c>default + -f prod.yaml + --set a=1</c>).
    /// </summary>
    public string ValuesLabel(ValuesVariant variant, Func<string, string> display) =>
        string.Join(" + ", [variant.Name, .. Settings.ValuesFiles.Select(f => $"-f {display(f)}"), .. Settings.SetValues.Select(v => $"--set {v}")]);

    /// <summary>Whether the chart is rendered with <c>-f</c> files or <c>--set</c> values (then every message names them).</summary>
    public bool HasUserValues => Settings.ValuesFiles.Count > 0 || Settings.SetValues.Count > 0;

    /// <summary>
    /// The marker risk and the marked copy (under the first caller's <paramref name="copyRoot"/>), prepared once, off
    /// the caller's thread. Every render of the chart waits for them, so they use every core: the templates are parsed
    /// in parallel, then the risk is analysed while the copy is written (a render of the chart itself, when the risk
    /// calls for one, need not wait for the copy).
    /// </summary>
    public ChartMarking Marking(string copyRoot, Func<string, string> display)
    {
        lock (gate)
        {
            if (marking is null)
            {
                var parsed = Task.Run(Parse);
                marking = new ChartMarking(
                    parsed.ContinueWith(_ => FindRisk(display), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default),
                    parsed.ContinueWith(_ => CreateCopy(copyRoot), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default));
            }

            return marking;
        }
    }

    private void Parse()
    {
        try
        {
            Parallel.ForEach(MarkedChart.TemplateFilesWithCharts(Root).Select(f => f.File).ToList(), f => Templates.Get(f));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read again, and reported, by the risk analysis and the copy.
        }
    }

    private string? FindRisk(Func<string, string> display)
    {
        try
        {
            return MarkerRisk.Find(Root, Templates, display);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the templates cannot be read: {e.Message}";
        }
    }

    /// <summary>The marked copy; null when the chart cannot be copied.</summary>
    private MarkedChart? CreateCopy(string copyRoot)
    {
        try
        {
            return MarkedChart.Create(Root, copyRoot, Templates);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
