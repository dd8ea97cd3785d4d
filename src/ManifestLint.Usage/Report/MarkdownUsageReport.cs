using System.Globalization;
using System.Text;
using ManifestLint.Engine.Usage;

namespace ManifestLint.Usage.Report;

/// <summary>The report as Markdown (a pull request comment or <c>$GITHUB_STEP_SUMMARY</c>): totals per namespace, then one row per container.</summary>
public static class MarkdownUsageReport
{
    public static string Write(UsageReport report)
    {
        var md = new StringBuilder();
        md.Append("# Memory right-sizing\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Observed usage from {string.Join(", ", report.Files.Select(f => $"`{f}`"))}: {Count(report.Rows.Count, "container")} with data");
        md.Append(report.WithoutData > 0 ? $", {Count(report.WithoutData, "container")} with memory settings but no data (ML8005).\n\n" : ".\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Recommendation: request = p95, limit = p99 + {report.HeadroomPercent}% headroom, rounded up to whole Mi (Gi from 16Gi).\n\n");
        md.Append("## Reserved memory by namespace\n\n");
        md.Append("| Namespace | Containers | Requested now | Recommended | Change |\n|---|---:|---:|---:|---:|\n");
        foreach (var total in report.Namespaces)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(total.Namespace)} | {total.Containers} | {Recommendation.Size(total.Reserved)} | {Recommendation.Size(total.Recommended)} | {Signed(total.Change)}{(total.PerPodSomewhere ? " ¹" : string.Empty)} |\n");
        }

        if (report.Namespaces.Any(n => n.PerPodSomewhere))
        {
            md.Append("\n¹ includes workloads whose pod count the manifest does not give (DaemonSets, CronJobs): counted once.\n");
        }

        md.Append("\n## Containers\n\n");
        md.Append("| Namespace | Workload | Container | Request | Limit | p50 | p95 | p99 | Max | Basis | Recommended request | Recommended limit |\n");
        md.Append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        foreach (var row in report.Rows)
        {
            var u = row.Usage;
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Namespace)} | {Cell(row.Workload)} | {Cell(row.Container)} | {Size(row.Request)} | {Size(row.Limit)} | {Size(u.P50)} | {Size(u.P95)} | {Size(u.P99)} | {Size(u.Max)} | {Cell(u.Basis)} | {row.RecommendedRequest ?? "–"} | {row.RecommendedLimit ?? "–"} |\n");
        }

        return md.ToString();
    }

    private static string Size(double? bytes) => bytes is { } b ? Recommendation.Size(b) : "–";

    private static string Signed(double bytes) => bytes > 0 ? $"+{Recommendation.Size(bytes)}" : bytes < 0 ? $"−{Recommendation.Size(-bytes)}" : "0";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
