using System.IO.Hashing;
using System.Text;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Summary;
using ManifestLint.Engine.Suppressions;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Pass 2's consumer: receives each file's outcome in path order and hands on its final findings. Here a workload
/// defined a second time in one scope (<see cref="InputScope.Unit"/>) loses all its findings to one ML0006 note, a
/// finding identical to another in rule, location and message is reported once, cross-file findings take the
/// severity of the file they point at, suppressions are applied, and the scope is named when a run has several.
/// <para>
/// Cross-file rules report on autoscalers from the slice of any workload, so the files that hold an autoscaler are
/// held until the end, with the findings other files' workloads made about them; everything else is handed on at
/// once. What is kept for the whole run: a 128-bit key and a line per workload (to find duplicates), the held files'
/// findings, and the names of workloads in namespaces with autoscalers (for ML6005's hints).
/// </para>
/// </summary>
internal sealed class FindingStream(AnalysisEngine engine, AnalysisEngine.Run run, Action<AnalysisBatch> onBatch)
{
    // 32 bytes an entry: a UInt128 key (16-byte aligned) with a string would take 48, and there is one per workload.
    private readonly Dictionary<WorkloadKey, (int Path, int Line)> seen = [];
    private readonly List<string> paths = [];
    private readonly SortedDictionary<string, HeldFile> held = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> end = [];
    private readonly HashSet<(string Scope, WorkloadId Id)> workloadIds = [];
    private readonly ILookup<string, DuplicateDefinition> duplicates = run.Policies.Duplicates.ToLookup(d => d.Copy.Span.Path, StringComparer.Ordinal);
    private readonly RuleDescriptor duplicateRule = engine.Catalog[RuleIds.DuplicateObject];

    public int ResourceCount { get; private set; }

    public void Add(AnalysisEngine.FileOutcome outcome)
    {
        ResourceCount += outcome.ResourceCount;
        var own = new List<Diagnostic>(outcome.Diagnostics);
        foreach (var duplicate in duplicates[outcome.Path])
        {
            Note(own, outcome.Path, duplicate.Copy.Kind, duplicate.Copy.Namespace, duplicate.Copy.Name, duplicate.Copy.KindSpan, duplicate.First.Span.Path, duplicate.First.KindSpan.StartLine, outcome.Scope);
        }

        var summary = new List<MemorySummaryRow>();
        foreach (var workload in outcome.Workloads)
        {
            var key = Key(outcome.Scope.Unit, workload.Id);
            if (seen.TryGetValue(key, out var first))
            {
                Note(own, outcome.Path, workload.Id.Kind, workload.Id.Namespace, workload.Id.Name, workload.At, paths[first.Path], first.Line, outcome.Scope);
                continue;
            }

            if (paths.Count == 0 || !ReferenceEquals(paths[^1], outcome.Path))
            {
                paths.Add(outcome.Path);
            }

            seen.Add(key, (paths.Count - 1, workload.At.StartLine));
            if (run.CrossFile.Count > 0 && run.Policies.HasAutoscalersIn(workload.Id.Namespace))
            {
                workloadIds.Add((outcome.Scope.Key, workload.Id));
            }

            foreach (var diagnostic in workload.Diagnostics)
            {
                if (diagnostic.Location.Path == outcome.Path)
                {
                    own.Add(diagnostic);
                }
                else
                {
                    Foreign(diagnostic);
                }
            }

            summary.AddRange(workload.Summary);
        }

        if (run.Policies.AutoscalerPaths.Contains(outcome.Path))
        {
            var file = Held(outcome.Path);
            file.Diagnostics.AddRange(own);
            file.Summary = summary;
            file.Directives = outcome.Directives;
            file.Scope = outcome.Scope;
        }
        else
        {
            Flush(outcome.Path, outcome.Scope, own, summary, outcome.Directives);
        }
    }

    /// <summary>Runs the cross-file rules on the autoscalers no workload took, then hands on the held files and the end-of-run notifications.</summary>
    public void Finish()
    {
        if (run.CrossFile.Count > 0)
        {
            var vpas = run.Policies.VerticalPodAutoscalers.Where(v => !run.Taken.ContainsKey(v.Autoscaler)).Select(v => v.Autoscaler).ToList();
            var hpas = run.Policies.HorizontalPodAutoscalers.Where(h => !run.Taken.ContainsKey(h.Autoscaler)).Select(h => h.Autoscaler).ToList();
            if (vpas.Count + hpas.Count > 0)
            {
                var found = new List<Diagnostic>();
                var errors = new List<Diagnostic>();
                engine.RunCrossFile(InputIndex.Rest(run.Policies, vpas, hpas, workloadIds), run, found, errors, null, SourceSpan.FileStart(run.FirstPath));
                found.ForEach(Foreign);
                end.AddRange(errors.DistinctBy(d => d.FingerprintKey, StringComparer.Ordinal));
            }
        }

        if (run.Options.UsageMatch is { } usage)
        {
            UsageNotes(usage);
        }

        foreach (var (path, file) in held)
        {
            Flush(path, file.Scope ?? run.Policies.ScopeOf(path), file.Diagnostics, file.Summary, file.Directives);
        }

        held.Clear();
        if (end.Count > 0)
        {
            Flush(null, null, end, [], []);
        }
    }

    /// <summary>ML8005's summary notes, at the end of the run: usage data that matched nothing, and workloads without data.</summary>
    private void UsageNotes(Usage.UsageMatch usage) =>
        end.AddRange(Usage.UsageNotes.Diagnostics(usage.Notes(), engine.Catalog, run.Options));

    private HeldFile Held(string path)
    {
        if (!held.TryGetValue(path, out var file))
        {
            held[path] = file = new HeldFile();
        }

        return file;
    }

    /// <summary>A finding a workload's slice made about another file: an autoscaler's, held until the end.</summary>
    private void Foreign(Diagnostic diagnostic)
    {
        if (run.Policies.AutoscalerPaths.Contains(diagnostic.Location.Path))
        {
            Held(diagnostic.Location.Path).Diagnostics.Add(diagnostic);
        }
        else
        {
            end.Add(diagnostic);
        }
    }

    private void Flush(string? path, InputScope? scope, List<Diagnostic> diagnostics, List<MemorySummaryRow> summary, IReadOnlyList<SuppressionDirective> directives)
    {
        var options = run.Options;
        var final = new List<Diagnostic>(diagnostics.Count);
        var identical = new HashSet<(string Rule, SourceSpan Location, string Message)>();
        foreach (var diagnostic in diagnostics)
        {
            var d = diagnostic;
            if (run.CrossFileRuleIds.Contains(d.RuleId))
            {
                var severity = AnalysisEngine.SeverityOf(d.Rule, d.Location.Path, options);
                if (severity == Severity.None)
                {
                    continue;
                }

                d = d with { Severity = severity };
            }

            if (identical.Add((d.RuleId, d.Location, d.Message)))
            {
                final.Add(d);
            }
        }

        IReadOnlyDictionary<string, IReadOnlyList<SuppressionDirective>> byPath = path is not null && directives.Count > 0
            ? new Dictionary<string, IReadOnlyList<SuppressionDirective>>(StringComparer.Ordinal) { [path] = directives }
            : new Dictionary<string, IReadOnlyList<SuppressionDirective>>(StringComparer.Ordinal);
        var (kept, suppressed) = SuppressionProcessor.Apply(final, byPath, engine.Catalog, (rule, p) => AnalysisEngine.SeverityOf(rule, p, options));
        IEnumerable<Diagnostic> all = kept.Concat(suppressed);
        if (run.NamedScopes)
        {
            all = all.Select(d => (scope ?? run.Policies.ScopeOf(d.Location.Path)).Name is { } name
                ? d with { Message = $"{d.Message} [scope {name}]", FingerprintKey = $"{d.FingerprintKey}|scope:{name}" }
                : d);
        }

        onBatch(new AnalysisBatch(path, AnalysisResult.Sort(all), summary));
    }

    /// <summary>ML0006 at a second definition of an object in one scope, naming the first.</summary>
    private void Note(List<Diagnostic> sink, string path, string kind, string ns, string name, SourceSpan at, string firstPath, int firstLine, InputScope scope)
    {
        var severity = AnalysisEngine.SeverityOf(duplicateRule, path, run.Options);
        if (severity == Severity.None)
        {
            return;
        }

        var where = scope.Name is { } scopeName ? $"scope {scopeName}" : "the same file";
        var message = $"{kind} {ns}/{name} is defined again in {where} (first at {firstPath}:{firstLine}): one cluster holds one object of a kind, namespace and name, and the later apply replaces the earlier. Only the first definition is analysed. Remove one, or, if they belong to different clusters, move them to files (or `scopes:` directories) of their own.";
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = kind, ["namespace"] = ns, ["name"] = name };
        sink.Add(new Diagnostic(duplicateRule, severity, message, at, [new RelatedLocation(new SourceSpan(firstPath, firstLine, 1, firstLine, 1), $"first definition of {kind} {ns}/{name}")], properties, $"{RuleIds.DuplicateObject}|{kind}|{ns}|{name}"));
    }

    private static WorkloadKey Key(string unit, WorkloadId id)
    {
        var hash = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes($"{unit}\u0000{id.Namespace}\u0000{id.Kind}\u0000{id.Name}"));
        return new WorkloadKey((ulong)(hash >> 64), (ulong)hash);
    }

    /// <summary>A workload's 128-bit identity in its scope, as two 8-byte halves (see <see cref="seen"/>).</summary>
    private readonly record struct WorkloadKey(ulong High, ulong Low);

    private sealed class HeldFile
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public List<MemorySummaryRow> Summary { get; set; } = [];

        public IReadOnlyList<SuppressionDirective> Directives { get; set; } = [];

        public InputScope? Scope { get; set; }
    }
}
