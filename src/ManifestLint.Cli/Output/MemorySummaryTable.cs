using ManifestLint.Engine.Summary;

namespace ManifestLint.Cli.Output;

/// <summary>
/// The per-container memory table printed under the findings by <c>lint --summary</c>: one line names a workload
/// (object, and for charts the chart and values), the lines under it its containers in aligned columns, so a
/// reviewer sees request, limit, QoS, the runtime's heap and the headroom left at a glance. It fits
/// <see cref="MaxWidth"/> columns: the workload takes a line of its own, and a cell too long for its column
/// (a long container name or heap description) is cut with "…".
/// </summary>
public static class MemorySummaryTable
{
    /// <summary>The widest line the table prints.</summary>
    public const int MaxWidth = 100;

    private const string Indent = "  ";

    private static readonly string[] Headers = ["CONTAINER", "RUNTIME", "REQUEST", "LIMIT", "QOS", "HEAP", "FOOTPRINT", "HEADROOM"];

    public static void Write(IReadOnlyList<MemorySummaryRow> rows, TextWriter writer)
    {
        if (rows.Count == 0)
        {
            writer.WriteLine("No workloads to summarise.");
            return;
        }

        var cells = rows.Select(r => new[] { r.Container, r.Runtime, r.Request, r.Limit, r.Qos, r.Heap, r.Footprint, r.Headroom }).ToList();
        var widths = Fit(Headers.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray());
        writer.WriteLine();
        writer.WriteLine(Line(Indent, Headers, widths));
        string? workload = null;
        foreach (var (row, cell) in rows.Zip(cells))
        {
            if (row.Workload != workload)
            {
                workload = row.Workload;
                writer.WriteLine(Cut(workload, MaxWidth));
            }

            writer.WriteLine(Line(Indent, cell, widths));
        }
    }

    /// <summary>Narrows the widest columns, one character at a time, until a line fits (no column below its header).</summary>
    private static int[] Fit(int[] widths)
    {
        int Total() => Indent.Length + widths.Sum() + (2 * (widths.Length - 1));
        while (Total() > MaxWidth)
        {
            var widest = Enumerable.Range(0, widths.Length).Where(i => widths[i] > Headers[i].Length).OrderByDescending(i => widths[i]).FirstOrDefault(-1);
            if (widest < 0)
            {
                break;
            }

            widths[widest]--;
        }

        return widths;
    }

    private static string Line(string indent, string[] cells, int[] widths) =>
        indent + string.Join("  ", cells.Select((c, i) => Cut(c, widths[i]).PadRight(widths[i]))).TrimEnd();

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
