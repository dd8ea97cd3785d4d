using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Usage;

/// <summary>
/// Observed usage read from exported files (ManifestLint.Usage reads them), handed to a run in
/// <see cref="AnalysisOptions.Usage"/>. Pods map to workloads only against the workloads of the input, so each run
/// asks for a <see cref="UsageMatch"/> before any rule runs: the engine hands every file's text to a
/// <see cref="UsageScan"/> in its first pass (the one read of the file that pass makes), and the scan asks for the few
/// files whose text cannot decide a pod's workload to be parsed (<see cref="UsageScanner"/>).
/// </summary>
public abstract class UsageSource
{
    /// <summary>
    /// Whether a YAML document's text may define a workload the usage data could belong to (it holds one of the
    /// candidate names); only those documents are parsed to find the input's workloads.
    /// </summary>
    public abstract bool MayName(string documentText);

    /// <summary>Maps the usage data onto the workloads the input defines (all of them, known exactly); one match per run.</summary>
    public abstract UsageMatch Match(IReadOnlySet<WorkloadId> workloads);

    /// <summary>A scan of one run's input files, for a match without parsing every file (see <see cref="UsageScan"/>).</summary>
    public abstract UsageScan BeginScan(int files);
}

/// <summary>
/// One run's way to its <see cref="UsageMatch"/>. The engine hands it each file's text in its first pass
/// (<see cref="See"/>, any thread, each file once); then <see cref="Match"/> decides from the texts what it can, and
/// has the engine parse only the files it cannot decide without (through the delegate it is given). Workloads it took
/// as present from the text alone are confirmed by the run itself (<see cref="UsageMatch.Saw"/>).
/// </summary>
public abstract class UsageScan
{
    /// <summary>One input file's text, by its index in the run's inputs.</summary>
    public abstract void See(int file, string text);

    /// <summary>
    /// The match; <paramref name="parse"/> parses the given files (indexes) and returns the workloads they define
    /// (only documents for which <see cref="UsageSource.MayName"/> holds need be parsed).
    /// </summary>
    public abstract UsageMatch Match(Func<IReadOnlyList<int>, IReadOnlySet<WorkloadId>> parse);
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

    /// <summary>
    /// A workload of the input, as the run's model has it (called for every workload analysed, from several threads):
    /// confirms workloads a <see cref="UsageScan"/> took as present from the text alone.
    /// </summary>
    public virtual void Saw(WorkloadId workload)
    {
    }

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
