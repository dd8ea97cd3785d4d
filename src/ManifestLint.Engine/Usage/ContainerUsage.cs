namespace ManifestLint.Engine.Usage;

/// <summary>Where a container's observed figures came from; the messages name the figures accordingly.</summary>
public enum UsageKind
{
    /// <summary>A Prometheus range query (matrix): percentiles computed here from every sample of every pod.</summary>
    Samples,

    /// <summary>Prometheus instant queries of pre-computed quantiles (<c>quantile_over_time</c>), one vector per percentile.</summary>
    Quantiles,

    /// <summary>A VerticalPodAutoscaler's <c>status.recommendation</c>: target used as p95, upperBound as p99.</summary>
    Vpa,

    /// <summary>A CSV table <c>namespace,workload,container,p95,p99[,max]</c>.</summary>
    Table,
}

/// <summary>
/// What was observed of one container of one workload (all its pods together), in bytes of working set. A figure the
/// source does not give is null: a VPA has no max, a CSV may have none.
/// </summary>
/// <param name="Source">The usage file, as the user named it.</param>
/// <param name="Samples">Usable samples behind the figures (0 for VPA and CSV, which give no count).</param>
/// <param name="Pods">Distinct pods (or source rows) the figures cover.</param>
/// <param name="Span">From the first to the last sample; null when the source gives no times.</param>
/// <param name="Leak">The leak test's evidence (matrix data only), else null.</param>
public sealed record ContainerUsage(
    UsageKind Kind,
    string Source,
    double? P50,
    double? P95,
    double? P99,
    double? Max,
    long Samples,
    int Pods,
    TimeSpan? Span,
    LeakEvidence? Leak)
{
    /// <summary>How the message names the p95 figure: "p95", or "VPA target (used as p95)".</summary>
    public string P95Name => Kind == UsageKind.Vpa ? "VPA target (used as p95)" : Kind == UsageKind.Quantiles && Pods > 1 ? "highest pod p95" : "p95";

    /// <summary>How the message names the p99 figure.</summary>
    public string P99Name => Kind == UsageKind.Vpa ? "VPA upperBound (used as p99)" : Kind == UsageKind.Quantiles && Pods > 1 ? "highest pod p99" : "p99";

    /// <summary>The figures' basis for a message: "2,016 samples from 3 pods over 7.0 days, usage.json".</summary>
    public string Basis
    {
        get
        {
            var parts = new List<string>();
            if (Samples > 0)
            {
                parts.Add($"{Samples.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} sample{(Samples == 1 ? string.Empty : "s")}");
            }

            var what = Kind switch { UsageKind.Vpa => "VPA recommendation", UsageKind.Table => "row", _ => "pod" };
            parts.Add($"{(parts.Count > 0 ? "from " : string.Empty)}{Pods} {what}{(Pods == 1 ? string.Empty : "s")}");
            if (Span is { } span && span > TimeSpan.Zero)
            {
                parts.Add(span.TotalDays >= 1
                    ? $"over {span.TotalDays.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} days"
                    : $"over {span.TotalHours.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} hours");
            }

            return $"{string.Join(' ', parts)}, {Source}";
        }
    }
}

/// <summary>
/// The leak test's evidence over a workload container's pods (see rules/ML8004.md): how many pods' series were long
/// enough to judge, and the growth (last day's median over the first day's, minus 1) of each judged series whose shape
/// is a leak's (rising most days, never back to the first day's level); the medians and days of the longest such series.
/// </summary>
public sealed record LeakEvidence(int Judged, IReadOnlyList<double> Growth, double FirstMedian, double LastMedian, int Days);
