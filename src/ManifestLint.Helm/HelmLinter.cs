using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Summary;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Usage;
using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Mapping;
using ManifestLint.Helm.Rendering;

namespace ManifestLint.Helm;

/// <summary>What a lint with charts did: for callers that report on it, and for measuring the mapping.</summary>
/// <param name="Variants">Chart × values variants rendered.</param>
/// <param name="FailedRenders">Variants that did not render (each an ML0002 finding, merged across variants).</param>
/// <param name="PlainRenders">Helm runs of the charts themselves: only where the marked render cannot stand in for them (see <see cref="Rendering.ChartRenderer"/>).</param>
/// <param name="MarkedRenders">Helm runs of the charts' marked copies, retries included: normally one per variant.</param>
/// <param name="RenderTime">Wall-clock time of all Helm runs (they run in parallel).</param>
/// <param name="ByMarker">Locations mapped by a line marker.</param>
/// <param name="ByOutline">Locations mapped by the template's key path (no usable marker).</param>
/// <param name="FileOnly">Locations put on the template's first line (nothing better known).</param>
/// <param name="Unmapped">Locations left on rendered text (no template file known: piped input).</param>
public sealed record HelmLintStatistics(int Charts, int Variants, int FailedRenders, int PlainRenders, int MarkedRenders, TimeSpan RenderTime, int ByMarker, int ByOutline, int FileOnly, int Unmapped);

/// <param name="Analysis">The findings, counts and memory summary of plain files and charts together.</param>
public sealed record HelmLintResult(AnalysisResult Analysis, HelmLintStatistics Statistics)
{
    /// <summary>What the user should know that is not a finding (a <c>--set</c> path no chart reads).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// Lints plain manifests and Helm charts together. Each chart is rendered with real <c>helm template</c> once per
/// values variant (its defaults, and each <c>ci/*-values.yaml</c>), normally as a copy whose template lines carry
/// line markers, which are removed from the output again (see <see cref="ChartRenderer"/>); each rendered template
/// file becomes an engine input; and every finding on rendered output is mapped back, by the markers, to the
/// template line an author edits, with the values key that set the value as a related location. The engine itself
/// knows nothing of Helm.
/// </summary>
/// <remarks>
/// Each variant is analysed in an engine run of its own, together with the plain files that hold a LimitRange:
/// variants are alternatives, not objects that coexist, and every chart renders into the same namespace, so one
/// chart's (or variant's) LimitRange must not default another's containers. A chart's own LimitRange does apply to
/// its workloads. Findings that are identical after mapping are reported once, naming the variants they came from.
/// </remarks>
public sealed class HelmLinter(HelmSettings settings, string workingDirectory, AnalysisEngine engine, RuleCatalog catalog) : IDisposable
{
    private readonly LocationMapper mapper = new(workingDirectory);
    private ChartRenders? kept;

    public HelmLinter(HelmSettings settings, string workingDirectory)
        : this(settings, workingDirectory, new AnalysisEngine(), RuleCatalog.Default)
    {
    }

    /// <summary>
    /// Keep the charts' renders for the next analysis of the same charts (<c>--fix</c> passes re-analyse without
    /// rendering again: a fix edits plain files, and a values-file fix is applied once, see the CLI's FixRunner).
    /// The renders are released by <see cref="Dispose"/>.
    /// </summary>
    public bool KeepRenders { get; init; }

    /// <summary>Render (or reuse the kept renders) -> analyse plain files and each render -> map findings back to templates and values.</summary>
    public async Task<HelmLintResult> AnalyzeAsync(IReadOnlyList<AnalysisInput> inputs, IReadOnlyList<ChartInput> charts, AnalysisOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= AnalysisOptions.Default;
        if (charts.Count > 0 && settings.HelmPath is null)
        {
            throw new InvalidOperationException($"Charts need Helm. {HelmLocator.InstallHint}");
        }

        // Several engine runs: what the usage data matched is decided once, over all of them (see UsageAcrossRuns),
        // here unless the caller, which makes more runs (Kustomize overlays), already does.
        var usage = charts.Count > 0 && options.Usage is { } source and not UsageAcrossRuns ? new UsageAcrossRuns(source) : null;
        options = usage is null ? options : options with { Usage = usage };
        var (plain, piped) = SplitInputs(inputs);
        var renders = kept is { } reused && reused.Charts.SequenceEqual(charts) ? reused : await RenderAsync(charts, options, cancellation).ConfigureAwait(false);
        try
        {
            var analysed = AnalyseStage(plain, piped, renders, options, cancellation);
            if (usage is not null)
            {
                analysed.Diagnostics.AddRange(usage.DataNoteDiagnostics(catalog, options).Select(d => (d, (RenderedInput?)null)));
            }

            // Only findings need markers: a marked copy that failed where the chart rendered is retried for them alone.
            await renders.RetryMarkedAsync(analysed.Retries, cancellation).ConfigureAwait(false);
            return MapStage(analysed, piped, renders);
        }
        finally
        {
            if (KeepRenders)
            {
                kept = renders;
            }
            else
            {
                renders.Dispose();
            }
        }
    }

    public void Dispose() => kept?.Dispose();

    /// <summary>Stage 1: each chart x values variant through <c>helm template</c> (see <see cref="ChartRenders"/>).</summary>
    private Task<ChartRenders> RenderAsync(IReadOnlyList<ChartInput> charts, AnalysisOptions options, CancellationToken cancellation) =>
        ChartRenders.RenderAsync(charts, [.. charts.Select(c => CreateContext(c, options))], settings, mapper, workingDirectory, cancellation);

    /// <summary>What the analysis stage found: findings with the rendered input they are on (null: a plain file).</summary>
    private sealed record Analysed(List<(Diagnostic Diagnostic, RenderedInput? Input)> Diagnostics, List<MemorySummaryRow> Summary, int FileCount, int ResourceCount, List<ChartRender> Retries);

    /// <summary>
    /// Stage 2: one engine run over the plain files and piped renders, then one per chart render with the plain files
    /// that hold a LimitRange (see the remarks above). Test hook pods are left out unless the chart's settings include them.
    /// </summary>
    private Analysed AnalyseStage(List<AnalysisInput> plain, List<RenderedInput> piped, ChartRenders renders, AnalysisOptions options, CancellationToken cancellation)
    {
        var diagnostics = new List<(Diagnostic Diagnostic, RenderedInput? Input)>();
        var first = engine.Analyze([.. plain, .. piped.Select(p => p.ToAnalysisInput())], options, cancellation);
        var piping = piped.ToDictionary(p => p.InputPath, StringComparer.Ordinal);
        diagnostics.AddRange(first.Diagnostics
            .Select(d => (Diagnostic: d, Input: piping.GetValueOrDefault(d.Location.Path)))
            .Where(d => settings.IncludeTests || d.Input is null || !d.Input.IsTestHook(d.Diagnostic.Location.StartLine)));
        var summary = new List<MemorySummaryRow>(first.MemorySummary);
        // A chart's files count once, whatever the number of variants rendered from them.
        var templates = new HashSet<string>(StringComparer.Ordinal);
        var resourceCount = first.ResourceCount;

        var succeeded = renders.All.Where(r => r.Run is { Succeeded: true }).ToList();
        var limitRanges = succeeded.Count == 0 ? [] : plain.Where(MayHoldLimitRange).ToList();
        var limitRangeResources = limitRanges.Count == 0 ? 0 : engine.Analyze(limitRanges, options with { SeverityOverrides = AllOff() }, cancellation).ResourceCount;
        var retries = new List<ChartRender>();
        foreach (var render in succeeded)
        {
            var byPath = render.Inputs.ToDictionary(i => i.InputPath, StringComparer.Ordinal);
            var linted = (string path, int line) => byPath.TryGetValue(path, out var input) && (render.Chart.Settings.IncludeTests || !input.IsTestHook(line));
            var result = engine.Analyze([.. render.Inputs.Select(i => i.ToAnalysisInput()), .. limitRanges], options, cancellation);
            var own = result.Diagnostics.Where(d => linted(d.Location.Path, d.Location.StartLine)).ToList();
            diagnostics.AddRange(own.Select(d => (d, (RenderedInput?)byPath[d.Location.Path])));
            summary.AddRange(result.MemorySummary
                .Where(r => linted(r.Location.Path, r.Location.StartLine))
                .Select(r => r with { Workload = $"{r.Workload} [chart {render.Chart.Name}, values {render.Chart.ValuesLabel(render.Variant, mapper.Display)}]" }));
            templates.UnionWith(byPath.Keys);
            resourceCount += result.ResourceCount - limitRangeResources;
            if (own.Count > 0 && render.MarkedFailure is not null)
            {
                retries.Add(render);
            }
        }

        return new Analysed(diagnostics, summary, first.FileCount + templates.Count, resourceCount, retries);
    }

    /// <summary>Stage 3: findings on rendered text to template lines and values keys, render failures as ML0002, identical findings merged.</summary>
    private HelmLintResult MapStage(Analysed analysed, List<RenderedInput> piped, ChartRenders renders)
    {
        var resolver = new ValuesResolver(mapper.Display);
        var mapping = new DiagnosticMapper(mapper, resolver, piped);
        var mapped = analysed.Diagnostics.Select(d => d.Input is null ? DiagnosticMapper.Plain(d.Diagnostic) : mapping.Map(d.Diagnostic, d.Input)).ToList();
        mapped.AddRange(RenderFailures(renders.All.Where(r => r.Run is { Succeeded: false })));
        var final = DiagnosticMapper.Merge(mapped, mapper.Display);
        var statistics = new HelmLintStatistics(
            renders.Contexts.Count,
            renders.All.Count,
            renders.All.Count(r => r.Run is { Succeeded: false }),
            renders.PlainRenders,
            renders.MarkedRenders,
            renders.RenderTime,
            mapping.Counts.GetValueOrDefault(MappingMethod.Marker),
            mapping.Counts.GetValueOrDefault(MappingMethod.Outline),
            mapping.Counts.GetValueOrDefault(MappingMethod.FileOnly),
            mapping.Counts.GetValueOrDefault(MappingMethod.Unmapped));
        var notes = renders.Contexts.SelectMany(c => UnreadSetValues.Notes(c, mapper.Display)).Distinct(StringComparer.Ordinal).ToList();
        var result = new AnalysisResult(AnalysisResult.Sort(final), analysed.FileCount, analysed.ResourceCount) { MemorySummary = analysed.Summary };
        return new HelmLintResult(result, statistics) { Notes = notes };
    }

    /// <summary>Plain files, and standard input holding <c>helm template</c> output (one rendered input per <c># Source:</c>).</summary>
    private (List<AnalysisInput> Plain, List<RenderedInput> Piped) SplitInputs(IReadOnlyList<AnalysisInput> inputs)
    {
        var plain = new List<AnalysisInput>();
        var piped = new List<RenderedInput>();
        foreach (var input in inputs.Select(Cached))
        {
            if (input.Path == AnalysisInput.StandardInputPath && TryReadRendered(input) is { } rendered)
            {
                piped.AddRange(rendered);
            }
            else
            {
                plain.Add(input);
            }
        }

        return (plain, piped);
    }

    private Dictionary<string, Severity> AllOff() =>
        catalog.Descriptors.ToDictionary(d => d.Id, _ => Severity.None, StringComparer.Ordinal);

    /// <summary>
    /// Standard input can be read once, but is read more than once (here, then by each engine pass). Files are read
    /// again instead: holding every file's bytes for the whole run would make memory grow with the input.
    /// </summary>
    private static AnalysisInput Cached(AnalysisInput input)
    {
        if (input.Path != AnalysisInput.StandardInputPath)
        {
            return input;
        }

        var bytes = new Lazy<byte[]>(input.Read);
        return new AnalysisInput(input.Path, () => bytes.Value);
    }

    /// <summary>Only files that mention LimitRange join the chart runs: no other plain object changes a chart's findings.</summary>
    private static bool MayHoldLimitRange(AnalysisInput input)
    {
        try
        {
            return input.Read().AsSpan().IndexOf("LimitRange"u8) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Standard input holding <c>helm template</c> output: one input per <c># Source:</c> template path.</summary>
    private IReadOnlyList<RenderedInput>? TryReadRendered(AnalysisInput input)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(input.Read());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }

        if (!RenderedOutput.HasSources(text))
        {
            return null;
        }

        var templates = new Templates.TemplateCache();
        return [.. RenderedOutput.Split(text, AnalysisInput.StandardInputPath).Select(s =>
        {
            var file = s.SourcePath == AnalysisInput.StandardInputPath ? null : Path.GetFullPath(s.SourcePath, workingDirectory);
            return new RenderedInput(s.SourcePath, s.SourcePath, s.Text, null, file is not null && File.Exists(file) ? file : null, null) { Templates = templates };
        })];
    }

    private ChartContext CreateContext(ChartInput chart, AnalysisOptions options)
    {
        var chartSettings = ChartSettings.For(settings, chart, options.Configuration);
        var root = ChartLayout.Read(chart.Directory);
        var variants = new List<ValuesVariant> { ValuesVariant.Default };
        if (chartSettings.Variants)
        {
            variants.AddRange(ChartLayout.CiValuesFiles(chart.Directory)
                .Select(f => new ValuesVariant(Path.GetRelativePath(chart.Directory, f).Replace('\\', '/'), f)));
        }

        return new ChartContext(chart, root, ChartLayout.ReadName(chart.Directory), variants, chartSettings);
    }

    /// <summary>
    /// One ML0002 per chart and distinct Helm error, at Chart.yaml. Variants that fail the same way (a missing
    /// dependency fails them all) get the same message, with the command of the first, so they merge into one finding.
    /// </summary>
    private IEnumerable<MappedDiagnostic> RenderFailures(IEnumerable<ChartRender> failed)
    {
        var descriptor = catalog[RuleIds.HelmRenderFailed];
        var described = failed.Select(r => (Render: r, Error: HelmErrors.Describe(r.Run ?? Missing, r.Chart.Settings.Timeout, r.Chart.Root, mapper.Display)));
        foreach (var group in described.GroupBy(d => (d.Render.Chart, d.Error.Message)))
        {
            var (chart, error) = group.Key;
            var related = group.First().Error.Related;
            var chartFile = Path.Combine(chart.Input.Directory, ChartLayout.ChartFileName);

            // A values file that does not parse is the finding's place: the file and line Helm names.
            var at = HelmErrors.ValuesFileError(error, chart.Input.Directory) is var (valuesFile, line)
                ? new Model.Source.SourceSpan(mapper.Display(valuesFile), line, 1, line, 2)
                : HelmErrors.ChartNameSpan(chartFile, mapper.Display(chartFile));
            var message = $"Helm cannot render chart {chart.Name}: {error} Its manifests were not linted; fix the chart or its values, and check with `{group.First().Render.Command}`.";
            foreach (var (render, _) in group)
            {
                var diagnostic = new Diagnostic(
                    descriptor,
                    descriptor.DefaultSeverity,
                    message,
                    at,
                    related,
                    new Dictionary<string, string>(StringComparer.Ordinal),
                    $"{descriptor.Id}|render");
                yield return new MappedDiagnostic(diagnostic, render.Chart, render.Variant);
            }
        }
    }

    private static HelmRun Missing { get; } = new(-1, string.Empty, string.Empty, false, TimeSpan.Zero);
}
