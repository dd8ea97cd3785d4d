using ManifestLint.Engine.Usage;

namespace ManifestLint.Usage.Report;

/// <summary>One container of the report: what the manifest reserves next to what was observed, and the recommendation.</summary>
/// <param name="Replicas">spec.replicas; null for kinds whose pod count the manifest does not give (the change is then per pod).</param>
public sealed record UsageReportRow(
    string Namespace,
    string Workload,
    string Container,
    double? Request,
    double? Limit,
    int? Replicas,
    ContainerUsage Usage,
    string? RecommendedRequest,
    string? RecommendedLimit,
    double? RecommendedRequestBytes,
    double? RecommendedLimitBytes)
{
    /// <summary>The change in reserved memory (requests × replicas) if the recommendation is applied; null without a p95.</summary>
    public double? ReservedChange => RecommendedRequestBytes is { } next ? (next - (Request ?? 0)) * (Replicas ?? 1) : null;
}

/// <summary>Reserved memory per namespace, now and after the recommendation (requests × replicas).</summary>
public sealed record UsageNamespaceTotal(string Namespace, int Containers, double Reserved, double Recommended, bool PerPodSomewhere)
{
    public double Change => Recommended - Reserved;
}

/// <summary>
/// What <c>manifestlint usage report</c> shows, built from one run's observations (<see cref="UsageMatch.Observations"/>):
/// the containers with usage data, sorted by namespace, workload and container, the namespace totals, and how many
/// containers had no data.
/// </summary>
public sealed record UsageReport(IReadOnlyList<string> Files, IReadOnlyList<UsageReportRow> Rows, IReadOnlyList<UsageNamespaceTotal> Namespaces, int WithoutData, decimal HeadroomPercent)
{
    public static UsageReport Build(IReadOnlyList<string> files, IEnumerable<UsageObservation> observations, decimal headroomPercent)
    {
        var seen = observations
            .DistinctBy(o => (o.Workload, o.Container))
            .ToList();
        var rows = seen
            .Where(o => o.Usage is not null)
            .Select(o =>
            {
                var usage = o.Usage!;
                var limit = Recommendation.Limit(usage, headroomPercent);
                return new UsageReportRow(
                    o.Workload.Namespace,
                    $"{o.Workload.Kind} {o.Workload.Name}",
                    o.Container,
                    o.Request,
                    o.Limit,
                    o.Replicas,
                    usage,
                    usage.P95 is { } p95 ? Recommendation.RoundUp(p95) : null,
                    limit is { } l ? Recommendation.RoundUp(l) : null,
                    usage.P95 is { } p ? Recommendation.RoundedBytes(p) : null,
                    limit is { } m ? Recommendation.RoundedBytes(m) : null);
            })
            .OrderBy(r => r.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Workload, StringComparer.Ordinal)
            .ThenBy(r => r.Container, StringComparer.Ordinal)
            .ToList();
        var namespaces = rows
            .Where(r => r.RecommendedRequestBytes is not null)
            .GroupBy(r => r.Namespace, StringComparer.Ordinal)
            .Select(g => new UsageNamespaceTotal(
                g.Key,
                g.Count(),
                g.Sum(r => (r.Request ?? 0) * (r.Replicas ?? 1)),
                g.Sum(r => r.RecommendedRequestBytes!.Value * (r.Replicas ?? 1)),
                g.Any(r => r.Replicas is null)))
            .ToList();
        return new UsageReport(files, rows, namespaces, seen.Count(o => o.Usage is null && o.HasMemorySettings), headroomPercent);
    }
}
