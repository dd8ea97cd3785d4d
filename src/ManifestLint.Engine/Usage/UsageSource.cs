using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Usage;

/// <summary>
/// Observed usage read from exported files (ManifestLint.Usage reads them), handed to a run in
/// <see cref="AnalysisOptions.Usage"/>. Pods map to workloads only against the workloads of the input, so each run first
/// finds which workloads its input defines and then asks for a <see cref="UsageMatch"/>: the engine does that between
/// its two passes (<see cref="UsageScanner"/>).
/// </summary>
public abstract class UsageSource
{
    /// <summary>
    /// Whether a YAML document's text may define a workload the usage data could belong to (it holds one of the
    /// candidate names); only those documents are parsed to find the input's workloads.
    /// </summary>
    public abstract bool MayName(string documentText);

    /// <summary>Maps the usage data onto the workloads the input defines; one match per run.</summary>
    public abstract UsageMatch Match(IReadOnlySet<WorkloadId> workloads);
}

/// <summary>
/// The usage data of one run, mapped onto the input's workloads. Rules look containers up (from several threads);
/// what was never looked up, what was ambiguous or unusable, and the workloads with memory settings but no data are
/// summarised once at the end of the run (ML8005).
/// </summary>
public abstract class UsageMatch
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<UsageObservation> observations = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(WorkloadId Workload, string Container, SourceSpan At)> withoutData = new();

    /// <summary>The observed usage of a workload's container, or null when there is none.</summary>
    public abstract ContainerUsage? Find(WorkloadId workload, string container);

    /// <summary>What the data held that matched nothing, was ambiguous or was unusable: a few summary notes, never one per pod.</summary>
    protected abstract IEnumerable<UsageNote> DataNotes();

    /// <summary>Every container the coverage rule (ML8005) saw, with its usage or none: the <c>usage report</c> reads these.</summary>
    public IReadOnlyCollection<UsageObservation> Observations => observations;

    /// <summary>Records a container as seen by the run (called by ML8005's container action).</summary>
    public void Observe(UsageObservation observation)
    {
        observations.Enqueue(observation);
        if (observation.Usage is null && observation.HasMemorySettings)
        {
            withoutData.Enqueue((observation.Workload, observation.Container, observation.At));
        }
    }

    /// <summary>The end-of-run summary: the data's notes, then one note for all the workloads that have memory settings and no data.</summary>
    public IReadOnlyList<UsageNote> Notes()
    {
        var notes = DataNotes().ToList();
        var missing = withoutData.OrderBy(m => m.At.Path, StringComparer.Ordinal).ThenBy(m => m.At.StartLine).ToList();
        if (missing.Count > 0)
        {
            var names = missing.Select(m => $"{m.Workload.Kind} {m.Workload.Namespace}/{m.Workload.Name} container \"{m.Container}\"").Distinct(StringComparer.Ordinal).ToList();
            var shown = string.Join("; ", names.Take(5)) + (names.Count > 5 ? $"; and {names.Count - 5} more" : string.Empty);
            notes.Add(new UsageNote(
                missing[0].At,
                $"{names.Count} container{(names.Count == 1 ? " has" : "s have")} memory settings but no usage data: {shown}. Export usage for them, or check the namespace and workload names match.",
                "without-data"));
        }

        return notes;
    }
}

/// <summary>One summary note of ML8005, at <paramref name="At"/> (the usage file, or the first workload concerned).</summary>
/// <param name="Key">What tells this note apart from the others (its fingerprint).</param>
public sealed record UsageNote(SourceSpan At, string Message, string Key);

/// <summary>A container of the input as the run saw it, for <c>manifestlint usage report</c>.</summary>
/// <param name="Request">The effective memory request in bytes, or null.</param>
/// <param name="Limit">The effective memory limit in bytes, or null.</param>
/// <param name="Replicas">spec.replicas (1 when unset); null for kinds whose pod count the manifest does not say (DaemonSet).</param>
public sealed record UsageObservation(
    WorkloadId Workload,
    string Container,
    SourceSpan At,
    double? Request,
    double? Limit,
    int? Replicas,
    bool HasMemorySettings,
    ContainerUsage? Usage);
