using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Output;

/// <summary>
/// <c>--format markdown</c>: a summary fit for <c>$GITHUB_STEP_SUMMARY</c> or a pull request comment: the totals,
/// finding counts per rule and severity, the findings themselves, and the per-container memory table (request,
/// limit, QoS, runtime, heap setting, estimated footprint, headroom). Long lists are cut at
/// <see cref="MaxRows"/> rows with a line saying how many were left out (GitHub takes at most 1 MiB of step summary).
/// Text from manifests is escaped so it can neither break a table nor format, link or @-mention anything.
/// </summary>
public static class MarkdownReport
{
    public const int MaxRows = 200;

    public static void Write(AnalysisResult result, TextWriter writer)
    {
        var report = new MarkdownReportWriter(writer);
        report.Add(result.Diagnostics);
        report.Finish(FindingCounts.Of(result), result.MemorySummary);
    }

    /// <summary>Writes the report from what <see cref="MarkdownReportWriter"/> kept: counts per rule and severity, and the first rows.</summary>
    internal static void Write(TextWriter writer, FindingCounts counts, IReadOnlyDictionary<(RuleDescriptor Rule, Severity Severity), int> byRule, IReadOnlyList<Diagnostic> first, IReadOnlyList<Engine.Summary.MemorySummaryRow> rows)
    {
        writer.WriteLine("## ManifestLint");
        writer.WriteLine();
        writer.WriteLine(Escape(TextReporter.Summary(counts)));

        if (counts.Active > 0)
        {
            writer.WriteLine();
            writer.WriteLine("| Rule | Severity | Findings | Title |");
            writer.WriteLine("|---|---|--:|---|");
            foreach (var ((rule, severity), count) in byRule.OrderByDescending(g => g.Key.Severity).ThenBy(g => g.Key.Rule.Id, StringComparer.Ordinal))
            {
                writer.WriteLine($"| [{rule.Id}]({rule.HelpUri}) | {severity.ToName()} | {count} | {Escape(rule.Title)} |");
            }

            writer.WriteLine();
            writer.WriteLine("### Findings");
            writer.WriteLine();
            writer.WriteLine("| Location | Severity | Rule | Message |");
            writer.WriteLine("|---|---|---|---|");
            foreach (var d in first)
            {
                writer.WriteLine($"| {Escape($"{d.Location.Path}({d.Location.StartLine},{d.Location.StartColumn})")} | {d.Severity.ToName()} | {d.RuleId} | {Escape(d.Message)} |");
            }

            More(writer, counts.Active, "findings");
        }

        if (rows.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("### Memory per container");
            writer.WriteLine();
            writer.WriteLine("| Workload | Container | Runtime | Request | Limit | QoS | Heap | Footprint | Headroom |");
            writer.WriteLine("|---|---|---|--:|--:|---|---|--:|--:|");
            foreach (var r in rows.Take(MaxRows))
            {
                var cells = new[] { r.Workload, r.Container, r.Runtime, r.Request, r.Limit, r.Qos, r.Heap, r.Footprint, r.Headroom };
                writer.WriteLine($"| {string.Join(" | ", cells.Select(Escape))} |");
            }

            More(writer, rows.Count, "containers");
        }
    }

    /// <summary>
    /// Table-cell-safe Markdown text: line breaks become spaces, and the characters that would end a cell, format,
    /// link or start HTML are backslash-escaped; <c>@</c> becomes an entity so nobody is mentioned.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n':
                    builder.Append(' ');
                    break;
                case '@':
                    builder.Append("&#64;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#' or '!' or '&':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void More(TextWriter writer, int count, string what)
    {
        if (count > MaxRows)
        {
            writer.WriteLine();
            writer.WriteLine($"… and {count - MaxRows} more {what} (see the full report).");
        }
    }
}
