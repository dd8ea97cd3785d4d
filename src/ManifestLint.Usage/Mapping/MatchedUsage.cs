using System.Collections.Concurrent;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Usage;
using ManifestLint.Model.Source;
using ManifestLint.Usage.Reading;

namespace ManifestLint.Usage.Mapping;

/// <summary>
/// The usage records mapped onto one run's workloads. Each pod series or quantile goes to the one candidate workload
/// (<see cref="PodOwners"/>) the input defines; with none it is unmatched, with several ambiguous, and both are only
/// counted for ML8005's notes. A CSV row goes to the one workload of its namespace and name, a VPA's recommendation to its
/// target. Per workload container the figures come from one kind of source, in the order matrix, quantiles, CSV, VPA.
/// <para>
/// Workloads a <see cref="CandidateTextScan"/> took as present from the input's text alone (the constructor's <c>assumed</c>)
/// count as present until the end of the run, when those the run never analysed (<see cref="UsageMatch.Saw"/>) turn
/// their data into "matches no workload" items, in the place they would have had: the notes are the same as with
/// every workload known at the start.
/// </para>
/// </summary>
internal sealed class MatchedUsage : UsageMatch
{
    private const int Examples = 3;
    private readonly Dictionary<(WorkloadId Workload, string Container), ContainerUsage> usage = [];
    private readonly ConcurrentDictionary<(WorkloadId Workload, string Container), byte> asked = new();
    private readonly IReadOnlySet<WorkloadId> assumed;
    private readonly ConcurrentDictionary<WorkloadId, byte> seen = new();
    private readonly List<Resolution> resolutions = [];
    private readonly UsageRecords records;

    /// <param name="workloads">The workloads of the input (with <paramref name="assumed"/>, those taken as present so far).</param>
    /// <param name="assumed">The workloads of <paramref name="workloads"/> not known for certain yet: the run confirms them.</param>
    public MatchedUsage(UsageRecords records, IReadOnlySet<WorkloadId> workloads, IReadOnlySet<WorkloadId>? assumed = null)
    {
        this.records = records;
        this.assumed = assumed ?? new HashSet<WorkloadId>();
        var byName = workloads.ToLookup(w => (w.Namespace, w.Name));
        var groups = new Dictionary<(WorkloadId, string), Group>();

        Group GroupOf(WorkloadId id, string container)
        {
            if (!groups.TryGetValue((id, container), out var group))
            {
                groups[(id, container)] = group = new Group();
            }

            return group;
        }

        WorkloadId? Resolve(string ns, IEnumerable<WorkloadId> candidates, string path, string describe)
        {
            var present = candidates.Where(workloads.Contains).Distinct().ToList();
            switch (present.Count)
            {
                case 1:
                    resolutions.Add(new Resolution(path, describe, present[0], Ambiguous: false));
                    return present[0];
                case 0:
                    resolutions.Add(new Resolution(path, describe, null, Ambiguous: false));
                    return null;
                default:
                    resolutions.Add(new Resolution(path, $"{describe} could be {string.Join(" or ", present.Select(p => $"{p.Kind} {p.Namespace}/{p.Name}"))}", null, Ambiguous: true));
                    return null;
            }
        }

        IEnumerable<WorkloadId> Candidates(PodContainer pod) => PodOwners.Candidates(pod).Select(c => new WorkloadId(pod.Namespace, c.Kind, c.Name));

        foreach (var series in records.Series)
        {
            if (Resolve(series.Pod.Namespace, Candidates(series.Pod), series.Source, $"pod {series.Pod.Namespace}/{series.Pod.Pod} container \"{series.Pod.Container}\"") is { } id)
            {
                GroupOf(id, series.Pod.Container).Series.Add(series);
            }
        }

        foreach (var quantile in records.Quantiles)
        {
            if (Resolve(quantile.Pod.Namespace, Candidates(quantile.Pod), quantile.Source, $"pod {quantile.Pod.Namespace}/{quantile.Pod.Pod} container \"{quantile.Pod.Container}\"") is { } id)
            {
                GroupOf(id, quantile.Pod.Container).Quantiles.Add(quantile);
            }
        }

        foreach (var figures in records.Figures)
        {
            var candidates = figures.Kind is { } kind ? [new WorkloadId(figures.Namespace, kind, figures.Name)] : byName[(figures.Namespace, figures.Name)];
            var describe = figures.Kind is { } k
                ? $"{k} {figures.Namespace}/{figures.Name} container \"{figures.Container}\" (line {figures.Line})"
                : $"{figures.Namespace}/{figures.Name} container \"{figures.Container}\" (line {figures.Line})";
            if (Resolve(figures.Namespace, candidates, figures.Path, describe) is { } id)
            {
                GroupOf(id, figures.Container).Figures.Add(figures);
            }
        }

        foreach (var (key, group) in groups)
        {
            usage[key] = group.Summarize();
        }
    }

    public override void Saw(WorkloadId workload)
    {
        if (assumed.Contains(workload))
        {
            seen.TryAdd(workload, 0);
        }
    }

    public override ContainerUsage? Find(WorkloadId workload, string container)
    {
        var key = (workload, container);
        if (!usage.TryGetValue(key, out var found))
        {
            return null;
        }

        asked.TryAdd(key, 0);
        return found;
    }

    /// <summary>Whether data went to a workload taken as present that the run never analysed: it matched nothing.</summary>
    private bool Unconfirmed(WorkloadId workload) => assumed.Contains(workload) && !seen.ContainsKey(workload);

    protected override IEnumerable<UsageNote> DataNotes()
    {
        var notes = new List<UsageNote>();
        var unmatched = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var ambiguous = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var resolution in resolutions)
        {
            if (resolution.Ambiguous)
            {
                Add(ambiguous, resolution.Path, resolution.Describe);
            }
            else if (resolution.Workload is not { } workload || Unconfirmed(workload))
            {
                Add(unmatched, resolution.Path, resolution.Describe);
            }
        }

        foreach (var (path, items) in unmatched)
        {
            notes.Add(Note(path, "unmatched", items, n => $"{n} {Plural(n, "item")} of usage data match{(n == 1 ? "es" : string.Empty)} no workload of the input", "Lint the directory that defines them, or check the namespaces and names."));
        }

        foreach (var (path, items) in ambiguous)
        {
            notes.Add(Note(path, "ambiguous", items, n => $"{n} {Plural(n, "pod")} could belong to more than one workload of the input and {(n == 1 ? "was" : "were")} not used", "Export with kube-state-metrics' owner labels (owner_kind, owner_name) joined, so the owner decides."));
        }

        foreach (var group in records.Unusable.GroupBy(u => (u.Path, u.What)))
        {
            var items = group.Select(u => u.Example).ToList();
            notes.Add(Note(group.Key.Path, $"unusable|{group.Key.What}", items, n => $"not used, {group.Key.What} ({n})", "Check the export."));
        }

        foreach (var (path, dropped) in records.DroppedSamples)
        {
            notes.Add(new UsageNote(SourceSpan.FileStart(path), $"{path}: {dropped:N0} {Plural(dropped, "sample")} (NaN, infinite, negative or not a number) {(dropped == 1 ? "was" : "were")} left out of otherwise usable series.", $"dropped|{path}"));
        }

        // Data matched a workload of the input, but no container of that name was looked up: the workload has no such
        // container (renamed), or its file was excluded, or it was a second definition.
        var unasked = usage.Where(u => !asked.ContainsKey(u.Key) && !Unconfirmed(u.Key.Workload))
            .GroupBy(u => u.Value.Source.Split(", ")[0], StringComparer.Ordinal)
            .Select(g => Note(g.Key, "no-container", [.. g.Select(u => $"{u.Key.Workload.Kind} {u.Key.Workload.Namespace}/{u.Key.Workload.Name} container \"{u.Key.Container}\"")],
                n => $"{n} {Plural(n, "container")} in the usage data {(n == 1 ? "is" : "are")} not in the linted workloads", "Check the container names (or the excluded files)."));
        return notes.Concat(unasked);
    }

    /// <summary>Where one series, quantile or row went: one workload, none, or several (<see cref="Describe"/> names them).</summary>
    private sealed record Resolution(string Path, string Describe, WorkloadId? Workload, bool Ambiguous);

    private static UsageNote Note(string path, string kind, List<string> items, Func<int, string> headline, string advice)
    {
        var shown = string.Join("; ", items.Take(Examples)) + (items.Count > Examples ? $"; and {items.Count - Examples} more" : string.Empty);
        return new UsageNote(SourceSpan.FileStart(path), $"{path}: {headline(items.Count)}: {shown}. {advice}", $"{kind}|{path}");
    }

    private static void Add(Dictionary<string, List<string>> into, string path, string item)
    {
        if (!into.TryGetValue(path, out var list))
        {
            into[path] = list = [];
        }

        list.Add(item);
    }

    private static string Plural(long n, string noun) => n == 1 ? noun : noun + "s";

    /// <summary>All that was read about one workload container.</summary>
    private sealed class Group
    {
        public List<PodSeries> Series { get; } = [];

        public List<PodQuantile> Quantiles { get; } = [];

        public List<WorkloadFigures> Figures { get; } = [];

        public ContainerUsage Summarize()
        {
            if (Series.Count > 0)
            {
                return FromSeries();
            }

            if (Quantiles.Count > 0)
            {
                double? Highest(string role) => Quantiles.Where(q => q.Role == role).Select(q => (double?)q.Value).Max();
                var pods = Quantiles.Select(q => q.Pod.Pod).Distinct(StringComparer.Ordinal).Count();
                return new ContainerUsage(UsageKind.Quantiles, Sources(Quantiles.Select(q => q.Source)), Highest("p50"), Highest("p95"), Highest("p99"), Highest("max"), 0, pods, null, null);
            }

            // CSV rows before VPA recommendations: the rows are percentiles, the VPA's are estimates standing in for them.
            var kind = Figures.Any(f => f.Source == UsageKind.Table) ? UsageKind.Table : UsageKind.Vpa;
            var rows = Figures.Where(f => f.Source == kind).ToList();
            return new ContainerUsage(kind, Sources(rows.Select(r => r.Path)), null, rows.Max(r => r.P95), rows.Max(r => r.P99), rows.Max(r => r.Max), 0, rows.Count, null, null);
        }

        private ContainerUsage FromSeries()
        {
            var all = new double[Series.Sum(s => s.Values.Length)];
            var at = 0;
            foreach (var series in Series)
            {
                series.Values.CopyTo(all, at);
                at += series.Values.Length;
            }

            var (p50, p95, p99, max) = Statistics.Quantiles.Summary(all);
            var pods = Series.Select(s => s.Pod.Pod).Distinct(StringComparer.Ordinal).Count();
            var span = TimeSpan.FromSeconds(Series.Max(s => s.LastTime) - Series.Min(s => s.FirstTime));
            var judged = Series.Where(s => s.Shape is { Judged: true }).ToList();
            LeakEvidence? leak = null;
            if (judged.Count > 0)
            {
                var growing = judged.Where(s => s.Shape!.Growth is not null).ToList();
                var longest = (growing.Count > 0 ? growing : judged).MaxBy(s => s.Shape!.Days)!.Shape!;
                leak = new LeakEvidence(judged.Count, [.. growing.Select(s => s.Shape!.Growth!.Value)], longest.FirstMedian, longest.LastMedian, longest.Days);
            }

            return new ContainerUsage(UsageKind.Samples, Sources(Series.Select(s => s.Source)), p50, p95, p99, max, all.Length, pods, span, leak);
        }

        private static string Sources(IEnumerable<string> paths) => string.Join(", ", paths.Distinct(StringComparer.Ordinal));
    }
}
