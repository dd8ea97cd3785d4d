using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Mapping;
using ManifestLint.Helm.Templates;

namespace ManifestLint.Helm.Rendering;

/// <summary>
/// Renders chart × values variants with <c>helm template</c>, once each where it can: the marked copy of the chart
/// (see <see cref="MarkedChart"/>) is rendered, and its output with the markers removed is the chart's own output,
/// linted as is, while the markers map the findings. The chart itself is rendered as well only when that cannot be
/// trusted (see <see cref="RenderAsync"/>). Every render of a lint runs concurrently, at most
/// <see cref="HelmSettings.MaxParallelism"/> Helm processes at a time.
/// </summary>
internal sealed class ChartRenderer(HelmProcess helm, HelmSettings settings, LocationMapper mapper, string workingDirectory, string sandbox) : IDisposable
{
    /// <summary>How many times a marked render that fails is retried with the markers Helm complains about taken out.</summary>
    private const int MaxUnmarkRetries = 8;

    private readonly SemaphoreSlim gate = new(Math.Max(1, settings.MaxParallelism));
    private int plainRenders;
    private int markedRenders;

    /// <summary>Helm runs of the charts themselves.</summary>
    public int PlainRenders => plainRenders;

    /// <summary>Helm runs of marked copies (retries included).</summary>
    public int MarkedRenders => markedRenders;

    public Task RenderAllAsync(IEnumerable<ChartRender> renders, CancellationToken cancellation) =>
        Task.WhenAll(renders.Select(r => RenderAsync(r, cancellation)));

    /// <summary>
    /// Renders one variant: the marked copy, and the chart itself only where its output is needed and the marked
    /// render cannot give it: the copy could not be written; the marker risk analysis found a template that could
    /// hide markers in a checksum or cut them (both renders are started at once); the marked render failed (Helm's
    /// error on the chart itself is what the user sees and can reproduce, and the chart may render where the copy
    /// does not); or marker text is left in the output after the markers are removed (a function moved or changed
    /// it). The plain render's output is then the one linted, and the marked one maps findings only where the
    /// structures of the two agree.
    /// </summary>
    private async Task RenderAsync(ChartRender render, CancellationToken cancellation)
    {
        render.Command = "helm " + string.Join(' ', Arguments(render, render.Chart.Input.Directory).Select(a => Quote(Path.IsPathFullyQualified(a) ? mapper.Display(a) : a)));
        var marking = render.Chart.Marking(Path.Combine(sandbox, "marked", Guid.NewGuid().ToString("N")), mapper.Display);

        // When the risk analysis already says the marked output cannot stand in for the chart's, both renders are
        // needed and both start now: the chart's own at once, the marked one as soon as the copy is written.
        var plain = await marking.Risk.ConfigureAwait(false) is { } risk ? RenderPlainAsync(render, risk, cancellation) : null;
        try
        {
            if (await marking.Copy.ConfigureAwait(false) is not { } copy)
            {
                // Nothing to mark: the chart itself, mapped by key path.
                plain ??= RenderPlainAsync(render, "the marked copy could not be written", cancellation);
                return;
            }

            var run = await RunAsync(Arguments(render, copy.Directory), render.Chart.Settings.Timeout, marked: true, cancellation).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                // The chart's own render decides: its error (and command) is the ML0002, or its output is linted.
                render.MarkedFailure = (copy, run);
                plain ??= RenderPlainAsync(render, "the marked copy did not render", cancellation);
                return;
            }

            render.UseMarked(copy, run.Output);
            if (plain is not null)
            {
                return;
            }

            if (MarkedOutput.Strip(run.Output) is { } output)
            {
                Accept(render, run with { Output = output });
                return;
            }

            // Marker text left over: the markers changed the output, so only the chart's own render tells what it is.
            plain = RenderPlainAsync(render, "marker text is left in the output after the markers are removed", cancellation);
        }
        finally
        {
            if (plain is not null)
            {
                await plain.ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// For a variant whose chart renders but whose marked copy did not (and whose findings need markers): takes the
    /// markers out of the template files Helm's error names and renders the copy again; the findings of those
    /// templates then fall back to the key-path mapping.
    /// </summary>
    public async Task RetryMarkedAsync(ChartRender render, CancellationToken cancellation)
    {
        if (render.MarkedFailure is not { } failure)
        {
            return;
        }

        var (copy, run) = failure;
        for (var attempt = 0; run is { Succeeded: false, TimedOut: false } && attempt < MaxUnmarkRetries; attempt++)
        {
            if (!HelmErrors.TemplateFiles(run.Error, render.Chart.Root).Aggregate(false, (any, file) => copy.Unmark(file) || any))
            {
                return;
            }

            run = await RunAsync(Arguments(render, copy.Directory), render.Chart.Settings.Timeout, marked: true, cancellation).ConfigureAwait(false);
        }

        if (run.Succeeded)
        {
            render.UseMarked(copy, run.Output);
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task RenderPlainAsync(ChartRender render, string reason, CancellationToken cancellation)
    {
        render.PlainReason = reason;
        var run = await RunAsync(Arguments(render, render.Chart.Input.Directory), render.Chart.Settings.Timeout, marked: false, cancellation).ConfigureAwait(false);
        if (run.Succeeded)
        {
            Accept(render, run);
        }
        else
        {
            render.Run = run;
        }
    }

    /// <summary>One Helm run, when a slot is free.</summary>
    private async Task<HelmRun> RunAsync(List<string> arguments, TimeSpan timeout, bool marked, CancellationToken cancellation)
    {
        await gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref marked ? ref markedRenders : ref plainRenders);
            return await helm.RunAsync(arguments, workingDirectory, timeout, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return new HelmRun(-1, string.Empty, $"Error: cannot run {helm.HelmPath}: {e.Message}", false, TimeSpan.Zero);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Splits the chart's own output into one engine input per template file.</summary>
    private void Accept(ChartRender render, HelmRun run)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        render.Inputs = [.. RenderedOutput.Split(run.Output, $"{render.Chart.Name}/<unnamed>").Select(s =>
        {
            var resolved = ChartLayout.Resolve(render.Chart.Root, s.SourcePath);
            var file = resolved?.File ?? Path.Combine(render.Chart.Input.Directory, s.SourcePath);

            // A subchart used under two aliases renders the same template file twice.
            var path = mapper.Display(file);
            path = used.Add(path) ? path : $"{path} ({s.SourcePath})";
            return new RenderedInput(path, s.SourcePath, s.Text, render, file, resolved?.Chart ?? render.Chart.Root) { Templates = render.Chart.Templates, Place = mapper.Display(render.Chart.Input.Directory) };
        })];
        render.Run = run;
    }

    private static List<string> Arguments(ChartRender render, string chartDirectory)
    {
        var settings = render.Chart.Settings;
        var arguments = new List<string> { "template", settings.ReleaseName, chartDirectory, "--namespace", settings.Namespace };
        if (render.Variant.FullPath is { } variant)
        {
            arguments.AddRange(["--values", variant]);
        }

        foreach (var file in settings.ValuesFiles)
        {
            arguments.AddRange(["--values", file]);
        }

        foreach (var set in settings.SetValues)
        {
            arguments.AddRange(["--set", set]);
        }

        if (settings.KubeVersion is { } kubeVersion)
        {
            arguments.AddRange(["--kube-version", kubeVersion]);
        }

        foreach (var api in settings.ApiVersions)
        {
            arguments.AddRange(["--api-versions", api]);
        }

        return arguments;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ',' or ':' or '[' or ']') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
