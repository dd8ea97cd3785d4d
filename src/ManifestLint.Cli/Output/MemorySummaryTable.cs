using ManifestLint.Engine.Summary;

namespace ManifestLint.Cli.Output;

/// <summary>
/// The per-container memory table printed under the findings by <c>lint --summary</c>: aligned columns, one row a
/// container, so a reviewer sees request, limit, QoS, the runtime's heap and the headroom left at a glance.
/// </summary>
public static class MemorySummaryTable
{
    private static readonly string[] Headers = ["WORKLOAD", "CONTAINER", "RUNTIME", "REQUEST", "LIMIT", "QOS", "HEAP", "FOOTPRINT", "HEADROOM"];

    public static void Write(IReadOnlyList<MemorySummaryRow> rows, TextWriter writer)
    {
        if (rows.Count == 0)
        {
            writer.WriteLine("No workloads to summarise.");
            return;
        }

        var cells = rows.Select(r => new[] { r.Workload, r.Container, r.Runtime, r.Request, r.Limit, r.Qos, r.Heap, r.Footprint, r.Headroom }).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        writer.WriteLine();
        writer.WriteLine(Line(Headers, widths));
        foreach (var row in cells)
        {
            writer.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
