using ManifestLint.Engine.Usage;

namespace ManifestLint.Usage.Reading;

/// <summary>
/// The plain table <c>namespace,workload,container,p95,p99[,max]</c>: a header line with those names (any order, p50
/// and max optional) or rows in that order. Sizes are bytes or quantities (<see cref="ByteValues"/>). A row with the
/// wrong number of cells is an error with its line; a row whose figures are unusable is a note.
/// </summary>
internal static class CsvUsageReader
{
    private static readonly string[] Positional = ["namespace", "workload", "container", "p95", "p99", "max"];

    public static void Read(string text, string path, UsageRecords into)
    {
        var lines = text.Split('\n');
        Dictionary<string, int>? columns = null;
        var width = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',').Select(Unquote).ToArray();
            if (columns is null)
            {
                if (cells.Any(c => c.Equals("namespace", StringComparison.OrdinalIgnoreCase)) && cells.Any(c => c.Equals("workload", StringComparison.OrdinalIgnoreCase)))
                {
                    columns = Header(cells, path, i + 1);
                    width = cells.Length;
                    continue;
                }

                columns = Positional.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
                width = cells.Length;
                if (width is < 5 or > 6)
                {
                    throw new UsageFileException(path, $"line {i + 1}: expected namespace,workload,container,p95,p99[,max], found {cells.Length} cells.");
                }
            }

            if (cells.Length != width)
            {
                throw new UsageFileException(path, $"line {i + 1}: {cells.Length} cells where the {(i == 0 ? "first line" : "header")} has {width}.");
            }

            Row(cells, columns, path, i + 1, into);
        }

        if (columns is null)
        {
            throw new UsageFileException(path, "the CSV has no rows.");
        }
    }

    private static Dictionary<string, int> Header(string[] cells, string path, int line)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
        {
            var name = cells[i].ToLowerInvariant();
            if (!Positional.Contains(name, StringComparer.Ordinal) && name != "p50")
            {
                throw new UsageFileException(path, $"line {line}: unknown column \"{cells[i]}\"; the columns are namespace, workload, container, p95, p99 and optionally max (and p50).");
            }

            columns[name] = i;
        }

        var missing = Positional.Take(5).Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new UsageFileException(path, $"line {line}: the header lacks {string.Join(", ", missing)}.");
        }

        return columns;
    }

    private static void Row(string[] cells, Dictionary<string, int> columns, string path, int line, UsageRecords into)
    {
        string Cell(string name) => columns.TryGetValue(name, out var i) && i < cells.Length ? cells[i] : string.Empty;
        var ns = Cell("namespace");
        var workload = Cell("workload");
        var container = Cell("container");
        if (ns.Length == 0 || workload.Length == 0 || container.Length == 0)
        {
            throw new UsageFileException(path, $"line {line}: namespace, workload and container must not be empty.");
        }

        var problems = new List<string>();
        double? Size(string name)
        {
            var text = Cell(name);
            if (text.Length == 0)
            {
                return null;
            }

            var value = ByteValues.Parse(text, out var problem);
            if (problem is not null)
            {
                problems.Add($"{name} {problem}");
            }

            return value;
        }

        var p95 = Size("p95");
        var p99 = Size("p99");
        var max = Size("max");
        var describe = $"{ns}/{workload} container \"{container}\" (line {line})";
        if (problems.Count > 0 || (p95 is null && p99 is null && max is null))
        {
            into.Unusable.Add(new UnusableData(path, "rows without usable figures", $"{describe}: {(problems.Count > 0 ? string.Join("; ", problems) : "no figures")}"));
            return;
        }

        into.Figures.Add(new WorkloadFigures(ns, null, workload, container, p95, p99, max, UsageKind.Table, path, line));
    }

    private static string Unquote(string cell)
    {
        var trimmed = cell.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}
