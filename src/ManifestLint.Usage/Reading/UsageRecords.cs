using ManifestLint.Engine.Usage;

namespace ManifestLint.Usage.Reading;

/// <summary>A pod's container as a Prometheus series names it, with kube-state-metrics' owner labels when present.</summary>
internal sealed record PodContainer(string Namespace, string Pod, string Container, string? OwnerKind, string? OwnerName);

/// <summary>One series of a range query: its pod, its usable values (bytes), when it starts and ends, and its leak test.</summary>
internal sealed record PodSeries(PodContainer Pod, double[] Values, double FirstTime, double LastTime, SeriesShape? Shape, string Source);

/// <summary>The leak test of one series (see Statistics/LeakTest): whether it was judged, and if it has a leak's shape, its growth.</summary>
internal sealed record SeriesShape(bool Judged, double? Growth, double FirstMedian, double LastMedian, int Days);

/// <summary>One sample of an instant-query vector of pre-computed quantiles (<c>--usage p95=FILE</c>).</summary>
internal sealed record PodQuantile(PodContainer Pod, string Role, double Value, string Source);

/// <summary>
/// Figures about a workload's container that the source already aggregated: a CSV row (kind unknown) or a VPA's
/// recommendation (its target's kind and name).
/// </summary>
internal sealed record WorkloadFigures(string Namespace, string? Kind, string Name, string Container, double? P95, double? P99, double? Max, UsageKind Source, string Path, int Line);

/// <summary>What a file held that cannot be used: series without usable samples, samples dropped (NaN, ±Inf, negative), rows or VPAs without figures.</summary>
internal sealed record UnusableData(string Path, string What, string Example);

/// <summary>Everything read from the usage files, before it is mapped onto workloads.</summary>
internal sealed class UsageRecords
{
    public List<PodSeries> Series { get; } = [];

    public List<PodQuantile> Quantiles { get; } = [];

    public List<WorkloadFigures> Figures { get; } = [];

    public List<UnusableData> Unusable { get; } = [];

    /// <summary>Samples dropped inside otherwise usable series, per file.</summary>
    public Dictionary<string, long> DroppedSamples { get; } = new(StringComparer.Ordinal);
}
