using System.Globalization;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Summary;
using ManifestLint.Engine.Suppressions;
using ManifestLint.Kustomize.Building;
using ManifestLint.Kustomize.Kustomizations;
using ManifestLint.Kustomize.Mapping;
using ManifestLint.Model.Source;

namespace ManifestLint.Kustomize;

/// <summary>What a lint of kustomizations did: for callers that report on it, and for measuring the mapping.</summary>
/// <param name="Units">Deployable units (overlays, and bases nothing in the input uses) built or refused.</param>
/// <param name="Bases">Kustomizations linted only through the units that use them.</param>
/// <param name="Failed">Units that were refused or did not build (each an ML0002 finding).</param>
/// <param name="BuildTime">Wall-clock time of all kustomize runs (they run in parallel).</param>
/// <param name="Methods">How many locations (primary) each mapping method placed.</param>
public sealed record KustomizeLintStatistics(int Units, int Bases, int Failed, TimeSpan BuildTime, IReadOnlyDictionary<string, int> Methods);

public sealed record KustomizeLintResult(AnalysisResult Analysis, KustomizeLintStatistics Statistics)
{
    /// <summary>Each finding's primary location as mapped, before findings of several overlays merge: for measuring the mapping.</summary>
    internal IReadOnlyList<(string RuleId, MappedSpan Location)> Placements { get; init; } = [];
}

/// <summary>
/// Lints kustomizations: render -> analyse -> map, as the Helm linter does for charts. Each deployable unit is built
/// with the real kustomize, sealed (<see cref="KustomizeProcess"/>), with origin annotations
/// (<see cref="KustomizeBuilder"/>); each build is analysed in an engine run of its own, which makes every overlay
/// its own cluster scope, together with the plain files that hold a LimitRange (placed by the nearest-definition
/// rule, the unit's directory standing for the build); and every finding is mapped to the base or patch line a user
/// edits (<see cref="BuildMapper"/>). Findings identical after mapping in several overlays are reported once, naming
/// them all; messages, fingerprints and the memory summary name the overlay.
/// </summary>
public sealed class KustomizeLinter(KustomizeSettings settings, string workingDirectory, AnalysisEngine engine, RuleCatalog catalog)
{
    public const string OverlayProperty = "kustomizeOverlay";

    public KustomizeLinter(KustomizeSettings settings, string workingDirectory)
        : this(settings, workingDirectory, new AnalysisEngine(), RuleCatalog.Default)
    {
    }

    private string Display(string fullPath) => Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');

    /// <param name="directories">The kustomization directories of the input (absolute).</param>
    /// <param name="policies">Plain files whose LimitRanges apply to the builds (see <see cref="MayHoldLimitRange"/>).</param>
    public async Task<KustomizeLintResult> AnalyzeAsync(IReadOnlyList<string> directories, IReadOnlyList<AnalysisInput> policies, AnalysisOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= AnalysisOptions.Default;
        var tree = new KustomizationTree(Display);
        var plan = DeployableUnits.Plan(directories, tree);
        if (plan.Units.Count > 0 && settings.ExecutablePath is null)
        {
            throw new InvalidOperationException($"Kustomizations need kustomize. {KustomizeLocator.InstallHint}");
        }

        var sandbox = Path.Combine(Path.GetTempPath(), "manifestlint-kustomize-" + Guid.NewGuid().ToString("N"));
        try
        {
            var builds = plan.Units.Count == 0 ? [] : await BuildAsync(plan.Units, tree, sandbox, options.Configuration, cancellation).ConfigureAwait(false);
            var problems = new List<KustomizeProblem>(plan.Cycles);
            problems.AddRange(builds.Select(b => b.Problem).OfType<KustomizeProblem>());
            var built = builds.Select(b => b.Build).OfType<KustomizeBuild>().ToList();
            problems.AddRange(built.Where(b => !b.Succeeded).Select(b => new KustomizeProblem(
                b.Unit,
                $"kustomize cannot build {Display(b.Unit)}: {b.Failure} Its manifests were not linted; fix the kustomization and check with `{b.Command}`.",
                KustomizationSpan(tree, b.Unit))));

            var limitRanges = policies.Where(MayHoldLimitRange).ToList();
            var limitRangeResources = limitRanges.Count == 0 ? 0 : engine.Analyze(limitRanges, options with { SeverityOverrides = AllOff() }, cancellation).ResourceCount;
            var mapped = new List<(Diagnostic Diagnostic, string Unit)>();
            var summary = new List<MemorySummaryRow>();
            var methods = new Dictionary<string, int>(StringComparer.Ordinal);
            var placements = new List<(string RuleId, MappedSpan Location)>();
            var fileCount = 0;
            var resourceCount = 0;
            foreach (var build in built.Where(b => b.Succeeded))
            {
                var inputPath = KustomizationSpan(tree, build.Unit).Path;
                var input = AnalysisInput.FromText(inputPath, build.Text) with { Place = Display(build.Unit) };
                var result = engine.Analyze([input, .. limitRanges], options, cancellation);
                var mapper = new BuildMapper(build, tree, Display);
                foreach (var diagnostic in result.Diagnostics.Where(d => d.Location.Path == inputPath))
                {
                    mapped.Add((Map(diagnostic, inputPath, mapper, methods, placements), build.Unit));
                }

                summary.AddRange(result.MemorySummary
                    .Where(r => r.Location.Path == inputPath)
                    .Select(r => r with { Workload = $"{r.Workload} [overlay {Display(build.Unit)}]", Location = mapper.Map(r.Location).Span }));
                fileCount += 1;
                resourceCount += result.ResourceCount - limitRangeResources;
            }

            var descriptor = catalog[RuleIds.HelmRenderFailed];
            mapped.AddRange(problems.Select(p => (new Diagnostic(descriptor, descriptor.DefaultSeverity, p.Message, p.At, [], new Dictionary<string, string>(StringComparer.Ordinal), $"{descriptor.Id}|kustomize"), p.Unit)));
            var failed = problems.Select(p => p.Unit).Concat(built.Where(b => !b.Succeeded).Select(b => b.Unit)).ToHashSet(StringComparer.Ordinal);
            var merged = SourceSuppressions.Apply(Merge(mapped), SourceTexts(plan.Units.Where(u => !failed.Contains(u)), failed, tree, mapped.Select(m => m.Diagnostic.Location.Path)), options, catalog);
            var statistics = new KustomizeLintStatistics(plan.Units.Count + plan.Cycles.Count, plan.Bases.Count, problems.Select(p => p.Unit).Distinct(StringComparer.Ordinal).Count(), builds.Aggregate(TimeSpan.Zero, (t, b) => t + (b.Build?.Run.Elapsed ?? TimeSpan.Zero)), methods);
            return new KustomizeLintResult(new AnalysisResult(AnalysisResult.Sort(merged), fileCount, resourceCount) { MemorySummary = summary }, statistics) { Placements = placements };
        }
        finally
        {
            try
            {
                if (Directory.Exists(sandbox))
                {
                    Directory.Delete(sandbox, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left in the temporary directory.
            }
        }
    }

    /// <summary>Stage 1: each unit checked (remote bases, plugins, Helm) and built, in parallel.</summary>
    private async Task<List<(KustomizeBuild? Build, KustomizeProblem? Problem)>> BuildAsync(IReadOnlyList<string> units, KustomizationTree tree, string sandbox, ConfigurationSet? configuration, CancellationToken cancellation)
    {
        var process = KustomizeProcess.Create(settings.ExecutablePath!, sandbox, settings.MaxOutputCharacters);
        var builder = new KustomizeBuilder(process, sandbox, Display);
        using var gate = new SemaphoreSlim(Math.Max(1, settings.MaxParallelism));
        var tasks = units.Select(async unit =>
        {
            var unitSettings = SettingsFor(unit, tree, configuration);
            if (BuildGuard.Check(unit, tree, unitSettings, builder.Command(unit, unitSettings)) is { } refused)
            {
                return ((KustomizeBuild?)null, (KustomizeProblem?)refused);
            }

            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                return (await builder.BuildAsync(unit, tree.Get(unit)?.IsComponent == true, unitSettings, cancellation).ConfigureAwait(false), null);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return [.. await Task.WhenAll(tasks).ConfigureAwait(false)];
    }

    /// <summary>
    /// The files whose suppression comments count (kustomize drops comments, so the engine never saw them): every
    /// YAML file the built units use (resources, patches, kustomizations) and the chart templates findings went to;
    /// not a file a unit that did not build also uses (its comments may be meant for that unit's findings).
    /// </summary>
    private Dictionary<string, string> SourceTexts(IEnumerable<string> units, IReadOnlySet<string> failed, KustomizationTree tree, IEnumerable<string> mappedPaths)
    {
        var unusable = failed.SelectMany(u => tree.Closure(u)).SelectMany(KustomizationInputs.FilesOf).ToHashSet(StringComparer.Ordinal);
        var files = units.SelectMany(u => tree.Closure(u)).SelectMany(KustomizationInputs.FilesOf)
            .Concat(mappedPaths.Select(p => Path.GetFullPath(p, workingDirectory)))
            .Where(f => !unusable.Contains(f) && (Path.GetExtension(f) is ".yaml" or ".yml" or ".json" || KustomizationFile.FileNames.Contains(Path.GetFileName(f), StringComparer.Ordinal)))
            .Distinct(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                if (new FileInfo(file).Length <= Model.Yaml.LoadLimits.Default.MaxFileBytes)
                {
                    texts[Display(file)] = File.ReadAllText(file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file that cannot be read has no comments that count.
            }
        }

        return texts;
    }

    /// <summary>The run's settings with the <c>kustomize:</c> section of the configuration that applies to the unit's kustomization file.</summary>
    private KustomizeSettings SettingsFor(string unit, KustomizationTree tree, ConfigurationSet? configuration)
    {
        if (configuration is null)
        {
            return settings;
        }

        try
        {
            return settings.With(configuration.For(KustomizationSpan(tree, unit).Path).Kustomize);
        }
        catch (ConfigurationException)
        {
            return settings; // an invalid configuration file is reported by the analysis of the files under it
        }
    }

    /// <summary>Stage 3 for one finding: its location and related locations to source lines; a fix kept only where it edits a resource or patch file.</summary>
    private static Diagnostic Map(Diagnostic diagnostic, string inputPath, BuildMapper mapper, Dictionary<string, int> methods, List<(string RuleId, MappedSpan Location)> placements)
    {
        var location = mapper.Map(diagnostic.Location);
        placements.Add((diagnostic.RuleId, location));
        methods[location.Method.ToString()] = methods.GetValueOrDefault(location.Method.ToString()) + 1;
        var related = new List<RelatedLocation>();
        foreach (var r in diagnostic.RelatedLocations)
        {
            related.Add(r.Span.Path == inputPath ? r with { Span = mapper.Map(r.Span).Span } : r);
        }

        related.AddRange(location.Related.Where(r => r.Span != location.Span && related.All(x => x.Span != r.Span)));
        return diagnostic with
        {
            Location = location.Span,
            RelatedLocations = related,
            Fix = FixTranslation.Translate(diagnostic.Fix, inputPath, mapper),
        };
    }

    /// <summary>
    /// Findings identical after mapping (rule, place, message, related locations) in several units merge into one
    /// naming them all; every message, fingerprint and properties set names the unit(s).
    /// </summary>
    private List<Diagnostic> Merge(List<(Diagnostic Diagnostic, string Unit)> items)
    {
        var result = new List<Diagnostic>();
        foreach (var group in items.GroupBy(i => Identity(i.Diagnostic), StringComparer.Ordinal))
        {
            var units = group.Select(g => Display(g.Unit)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var first = group.First().Diagnostic;
            var properties = new Dictionary<string, string>(first.Properties, StringComparer.Ordinal) { [OverlayProperty] = string.Join(", ", units) };
            var label = units.Count == 1 ? $"overlay {units[0]}" : $"overlays {string.Join(", ", units)}";
            result.Add(first with
            {
                Message = $"{first.Message} [{label}]",
                Properties = properties,
                FingerprintKey = $"{first.FingerprintKey}|overlay:{units[0]}",
            });
        }

        return result;
    }

    private static string Identity(Diagnostic d) => string.Join(
        '\u001f',
        [d.RuleId, d.Severity.ToName(), d.Location.ToString(), d.Location.EndLine.ToString(CultureInfo.InvariantCulture), d.Message, d.FingerprintKey,
         .. d.RelatedLocations.Select(r => $"{r.Span}|{r.Message}")]);

    private static SourceSpan KustomizationSpan(KustomizationTree tree, string unit) =>
        tree.Get(unit) is { } file ? new SourceSpan(tree.Display(file.FilePath), 1, 1, 1, 2) : new SourceSpan(tree.Display(unit), 1, 1, 1, 2);

    private Dictionary<string, Severity> AllOff() =>
        catalog.Descriptors.ToDictionary(d => d.Id, _ => Severity.None, StringComparer.Ordinal);

    /// <summary>Only files that mention LimitRange join the builds' runs: no other plain object changes a build's findings.</summary>
    public static bool MayHoldLimitRange(AnalysisInput input)
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
}
