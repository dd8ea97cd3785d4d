using System.Diagnostics;
using ManifestLint.Helm.Mapping;

namespace ManifestLint.Helm.Rendering;

/// <summary>
/// The render stage's output: every chart × values variant rendered by <c>helm template</c> (see
/// <see cref="ChartRenderer"/>), the sandbox its marked copies live in, and the Helm run counts. It can be analysed
/// more than once (<c>--fix</c> passes) and owns the sandbox until disposed: a marked copy that failed is retried
/// there when findings need its markers.
/// </summary>
internal sealed class ChartRenders : IDisposable
{
    private readonly ChartRenderer? renderer;
    private readonly string sandbox;
    private readonly HashSet<ChartRender> retried = [];
    private TimeSpan renderTime;

    private ChartRenders(IReadOnlyList<ChartInput> charts, IReadOnlyList<ChartContext> contexts, ChartRenderer? renderer, string sandbox)
    {
        Charts = charts;
        Contexts = contexts;
        All = [.. contexts.SelectMany(c => c.Variants.Select(v => new ChartRender(c, v)))];
        this.renderer = renderer;
        this.sandbox = sandbox;
    }

    /// <summary>The charts as given: a later analysis of the same charts reuses these renders.</summary>
    public IReadOnlyList<ChartInput> Charts { get; }

    public IReadOnlyList<ChartContext> Contexts { get; }

    public IReadOnlyList<ChartRender> All { get; }

    public int PlainRenders => renderer?.PlainRenders ?? 0;

    public int MarkedRenders => renderer?.MarkedRenders ?? 0;

    /// <summary>Wall-clock time of the Helm runs (they run in parallel), retries included.</summary>
    public TimeSpan RenderTime => renderTime;

    public static async Task<ChartRenders> RenderAsync(IReadOnlyList<ChartInput> charts, IReadOnlyList<ChartContext> contexts, HelmSettings settings, LocationMapper mapper, string workingDirectory, CancellationToken cancellation)
    {
        var sandbox = Path.Combine(Path.GetTempPath(), "manifestlint-helm", Guid.NewGuid().ToString("N"));
        var renderer = contexts.Any(c => c.Variants.Count > 0) && settings.HelmPath is { } helmPath
            ? new ChartRenderer(HelmProcess.Create(helmPath, sandbox), settings, mapper, workingDirectory, sandbox)
            : null;
        var renders = new ChartRenders(charts, contexts, renderer, sandbox);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            if (renderer is not null && renders.All.Count > 0)
            {
                await renderer.RenderAllAsync(renders.All, cancellation).ConfigureAwait(false);
            }

            renders.renderTime = stopwatch.Elapsed;
            return renders;
        }
        catch
        {
            renders.Dispose();
            throw;
        }
    }

    /// <summary>Retries the marked copies of renders whose findings need markers, each once for the life of these renders.</summary>
    public async Task RetryMarkedAsync(IEnumerable<ChartRender> renders, CancellationToken cancellation)
    {
        var pending = renders.Where(retried.Add).ToList();
        if (renderer is null || pending.Count == 0)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(pending.Select(r => renderer.RetryMarkedAsync(r, cancellation))).ConfigureAwait(false);
        renderTime += stopwatch.Elapsed;
    }

    public void Dispose()
    {
        renderer?.Dispose();
        try
        {
            if (Directory.Exists(sandbox))
            {
                Directory.Delete(sandbox, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
