using System.Globalization;
using System.Net;
using System.Text;
using ManifestLint.Engine.Usage;

namespace ManifestLint.Usage.Report;

/// <summary>
/// The report as one self-contained HTML page: inline CSS and, per container, an inline SVG bar of the observed
/// percentiles (p50-p95 box, p95-p99 whisker, max marker) against the request and limit (solid lines) and the
/// recommendation (dashed lines). No script, no font or image from the network.
/// </summary>
public static class HtmlUsageReport
{
    /// <summary>The colours the chart draws with; the browser test looks for them in its screenshot.</summary>
    public const string UsageColour = "#4e79a7";
    public const string RequestColour = "#59a14f";
    public const string LimitColour = "#e15759";
    private const int Width = 720;
    private const int Height = 56;
    private const int Left = 10;
    private const int Right = 60;

    public static string Write(UsageReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Memory right-sizing</title>\n<style>\n");
        html.Append("body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222;max-width:1100px}\n");
        html.Append("table{border-collapse:collapse;margin:8px 0 20px}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}\n");
        html.Append(".container{display:grid;grid-template-columns:300px 1fr;gap:4px 16px;align-items:center;padding:6px 0;border-bottom:1px solid #eee}\n");
        html.Append(".name{font-weight:600}.meta{color:#666;font-size:12px}.up{color:#b00020}.down{color:#1b7a2e}svg text{font-size:11px;fill:#444}\n");
        html.Append("</style>\n</head>\n<body>\n<h1>Memory right-sizing</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Observed usage from {string.Join(", ", report.Files.Select(f => $"<code>{E(f)}</code>"))}: {report.Rows.Count} container{(report.Rows.Count == 1 ? string.Empty : "s")} with data");
        html.Append(report.WithoutData > 0 ? $", {report.WithoutData} with memory settings but no data (ML8005).</p>\n" : ".</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Recommendation: request = p95, limit = p99 + {report.HeadroomPercent.ToString(CultureInfo.InvariantCulture)}% headroom, rounded up to whole Mi (Gi from 16Gi).</p>\n");
        html.Append(Legend());
        html.Append("<h2>Reserved memory by namespace</h2>\n<table>\n<tr><th>Namespace</th><th>Containers</th><th>Requested now</th><th>Recommended</th><th>Change</th></tr>\n");
        foreach (var total in report.Namespaces)
        {
            var change = total.Change;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(total.Namespace)}</td><td>{total.Containers}</td><td>{Recommendation.Size(total.Reserved)}</td><td>{Recommendation.Size(total.Recommended)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"{(change > 0 ? "up" : "down")}\">{(change > 0 ? "+" : change < 0 ? "−" : string.Empty)}{Recommendation.Size(Math.Abs(change))}{(total.PerPodSomewhere ? " ¹" : string.Empty)}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (report.Namespaces.Any(n => n.PerPodSomewhere))
        {
            html.Append("<p class=\"meta\">¹ includes workloads whose pod count the manifest does not give (DaemonSets, CronJobs): counted once.</p>\n");
        }

        html.Append("<h2>Containers</h2>\n");
        foreach (var row in report.Rows)
        {
            html.Append("<div class=\"container\">\n<div><div class=\"name\">");
            html.Append(E($"{row.Namespace}/{row.Workload.Split(' ')[^1]}")).Append(" · ").Append(E(row.Container)).Append("</div>\n<div class=\"meta\">");
            html.Append(E($"{row.Workload.Split(' ')[0]}; request {Size(row.Request)}, limit {Size(row.Limit)}; recommended {row.RecommendedRequest ?? "–"} / {row.RecommendedLimit ?? "–"}"));
            html.Append("<br>").Append(E(row.Usage.Basis)).Append("</div></div>\n");
            html.Append(Bar(row)).Append("</div>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Bar(UsageReportRow row)
    {
        var u = row.Usage;
        var top = new[] { row.Request, row.Limit, u.P99, u.Max, u.P95, row.RecommendedLimitBytes, row.RecommendedRequestBytes }.OfType<double>().DefaultIfEmpty(1).Max() * 1.05;
        double X(double bytes) => Left + ((Width - Left - Right) * bytes / top);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        var label = $"{row.Namespace}/{row.Workload} container {row.Container}: p50 {Size(u.P50)}, p95 {Size(u.P95)}, p99 {Size(u.P99)}, max {Size(u.Max)}, request {Size(row.Request)}, limit {Size(row.Limit)}";
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(label)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(label)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"28\" x2=\"{Width - Right}\" y2=\"28\" stroke=\"#ddd\" stroke-width=\"1\"/>");
        var low = u.P50 ?? u.P95;
        if (low is { } from && u.P95 is { } p95)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(from))}\" y=\"19\" width=\"{F(Math.Max(2, X(p95) - X(from)))}\" height=\"18\" fill=\"{UsageColour}\" fill-opacity=\"0.85\"/>");
        }

        if (u.P95 is { } a && u.P99 is { } b)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(a))}\" y=\"23\" width=\"{F(Math.Max(1, X(b) - X(a)))}\" height=\"10\" fill=\"{UsageColour}\" fill-opacity=\"0.45\"/>");
        }

        if (u.Max is { } max)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(X(max))} 21 l5 7 l-5 7 l-5 -7 z\" fill=\"#333\"/>");
        }

        Marker(svg, row.Request, RequestColour, "request", dashed: false, X, F);
        Marker(svg, row.Limit, LimitColour, "limit", dashed: false, X, F);
        Marker(svg, row.RecommendedRequestBytes, RequestColour, null, dashed: true, X, F);
        Marker(svg, row.RecommendedLimitBytes, LimitColour, null, dashed: true, X, F);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 6}\" y=\"32\">{E(Recommendation.Size(top / 1.05))}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Marker(StringBuilder svg, double? bytes, string colour, string? text, bool dashed, Func<double, double> x, Func<double, string> f)
    {
        if (bytes is not { } value)
        {
            return;
        }

        var at = f(x(value));
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{at}\" y1=\"12\" x2=\"{at}\" y2=\"44\" stroke=\"{colour}\" stroke-width=\"{(dashed ? 2 : 3)}\"{(dashed ? " stroke-dasharray=\"4 3\"" : string.Empty)}/>");
        if (text is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{at}\" y=\"{(text == "limit" ? 55 : 10)}\" text-anchor=\"middle\">{text}</text>");
        }
    }

    private static string Legend() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"28\" role=\"img\" aria-label=\"legend\">"
        + $"<rect x=\"0\" y=\"8\" width=\"30\" height=\"14\" fill=\"{UsageColour}\" fill-opacity=\"0.85\"/><text x=\"36\" y=\"19\">p50–p95</text>"
        + $"<rect x=\"100\" y=\"11\" width=\"30\" height=\"8\" fill=\"{UsageColour}\" fill-opacity=\"0.45\"/><text x=\"136\" y=\"19\">p95–p99</text>"
        + "<path d=\"M205 8 l5 7 l-5 7 l-5 -7 z\" fill=\"#333\"/><text x=\"215\" y=\"19\">max</text>"
        + $"<line x1=\"260\" y1=\"6\" x2=\"260\" y2=\"24\" stroke=\"{RequestColour}\" stroke-width=\"3\"/><text x=\"266\" y=\"19\">request</text>"
        + $"<line x1=\"330\" y1=\"6\" x2=\"330\" y2=\"24\" stroke=\"{LimitColour}\" stroke-width=\"3\"/><text x=\"336\" y=\"19\">limit</text>"
        + $"<line x1=\"390\" y1=\"6\" x2=\"390\" y2=\"24\" stroke=\"#666\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/><text x=\"396\" y=\"19\">recommended</text>"
        + "</svg>\n";

    private static string Size(double? bytes) => bytes is { } b ? Recommendation.Size(b) : "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
