using System.Collections.Concurrent;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Engine.Usage;

/// <summary>
/// Usage data for a lint of several engine runs (the plain files, then each chart render, then each Kustomize
/// overlay): each run matches the data against its own workloads, so the data for another run's workloads "matches
/// no workload" in every other run. Whoever makes the runs wraps the data once in this and reports
/// <see cref="DataNoteDiagnostics"/> once, after the last run. Here each run's match looks usage up as before and reports the containers without data (ML8005,
/// mapped to the chart like any finding), but not what the data held that matched nothing; that is decided once,
/// after all runs, by a match against the workloads of every run, with every container lookup of every run replayed
/// on it (<see cref="DataNotes"/>). That last match also holds every run's containers (the first time each is seen:
/// the default values before a <c>ci/</c> variant), for <c>usage report</c>.
/// </summary>
public sealed class UsageAcrossRuns(UsageSource inner) : UsageSource
{
    private readonly ConcurrentDictionary<WorkloadId, byte> workloads = new();
    private readonly ConcurrentDictionary<(WorkloadId Workload, string Container), byte> asked = new();
    private readonly ConcurrentQueue<RunMatch> runs = new();

    public override bool MayName(string documentText) => inner.MayName(documentText);

    public override UsageScan BeginScan(int files) => new Scan(inner.BeginScan(files), this);

    public override UsageMatch Match(IReadOnlySet<WorkloadId> workloads) => Track(inner.Match(workloads));

    /// <summary>What the data held that matched no workload of any run, was ambiguous among them, or was unusable (ML8005).</summary>
    public IReadOnlyList<UsageNote> DataNotes()
    {
        var all = inner.Match(workloads.Keys.ToHashSet());
        foreach (var workload in workloads.Keys)
        {
            all.Saw(workload);
        }

        foreach (var (workload, container) in asked.Keys)
        {
            all.Find(workload, container);
        }

        var seen = new HashSet<(WorkloadId, string)>();
        foreach (var observation in runs.SelectMany(r => r.Observations))
        {
            if (seen.Add((observation.Workload, observation.Container)))
            {
                all.Observe(observation);
            }
        }

        // The containers without data were each reported by their own run, at their template line.
        return [.. all.Notes().Where(n => n.Key != WithoutDataKey)];
    }

    /// <summary>ML8005's findings on the usage data itself (<see cref="DataNotes"/>), at the severity the options give.</summary>
    public IEnumerable<Diagnostic> DataNoteDiagnostics(RuleCatalog catalog, AnalysisOptions options) =>
        UsageNotes.Diagnostics(DataNotes(), catalog, options);

    /// <summary>The key <see cref="UsageMatch.Notes"/> gives its note on containers without data.</summary>
    private const string WithoutDataKey = "without-data";

    private RunMatch Track(UsageMatch match)
    {
        var run = new RunMatch(match, this);
        runs.Enqueue(run);
        return run;
    }

    private sealed class Scan(UsageScan scan, UsageAcrossRuns owner) : UsageScan
    {
        public override void See(int file, string text) => scan.See(file, text);

        public override UsageMatch Match(Func<IReadOnlyList<int>, IReadOnlySet<WorkloadId>> parse) => owner.Track(scan.Match(parse));
    }

    /// <summary>One run's match: lookups as the inner match has them, remembered for <see cref="DataNotes"/>; no data notes of its own.</summary>
    private sealed class RunMatch(UsageMatch match, UsageAcrossRuns owner) : UsageMatch
    {
        public override ContainerUsage? Find(WorkloadId workload, string container)
        {
            owner.asked.TryAdd((workload, container), 0);
            return match.Find(workload, container);
        }

        public override void Saw(WorkloadId workload)
        {
            owner.workloads.TryAdd(workload, 0);
            match.Saw(workload);
        }

        protected override IEnumerable<UsageNote> DataNotes() => [];
    }
}
