using ManifestLint.Kustomize;
using ManifestLint.Kustomize.Mapping;
using ManifestLint.Tests.TestSupport;

namespace ManifestLint.Tests.Kustomize;

/// <summary>How many placements are on the line of the field the finding names, by mapping method.</summary>
/// <param name="Total">Findings mapped (before overlays merge).</param>
/// <param name="Exact">On a line that writes the built field: its key (or a list item's merge key) and, for a scalar, its value; or a patch's removal of it.</param>
internal sealed record MappingAccuracy(int Total, int Exact, IReadOnlyDictionary<string, int> Methods, IReadOnlyList<string> Misses)
{
    public double Percent => Total == 0 ? 100 : 100.0 * Exact / Total;

    public override string ToString() =>
        $"{Exact}/{Total} exact ({Percent:0.0}%); {string.Join(", ", Methods.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"))}";

    public static MappingAccuracy Measure(KustomizeLintResult result)
    {
        var exact = 0;
        var misses = new List<string>();
        var methods = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (ruleId, location) in result.Placements)
        {
            methods[location.Method.ToString()] = methods.GetValueOrDefault(location.Method.ToString()) + 1;
            var line = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, location.Span.Path))[location.Span.StartLine - 1];
            if (IsExact(location, line))
            {
                exact++;
            }
            else
            {
                misses.Add($"{ruleId} {location.Method} {location.Span} key={location.Built.Key} value={location.Built.Value}: {line.Trim()}");
            }
        }

        return new MappingAccuracy(result.Placements.Count, exact, methods, misses);
    }

    /// <summary>Fails, listing the misses, unless every placement of <paramref name="result"/> is exact; returns the measure.</summary>
    public static MappingAccuracy AssertAllExact(KustomizeLintResult result)
    {
        var accuracy = Measure(result);
        Xunit.Assert.True(accuracy.Total > 0, "no finding was placed");
        Xunit.Assert.True(accuracy.Total == accuracy.Exact, string.Join("\n", accuracy.Misses));
        return accuracy;
    }

    internal static bool IsExact(MappedSpan location, string line)
    {
        if (location.Removal)
        {
            return line.Contains("path:", StringComparison.Ordinal) || line.Contains("null", StringComparison.Ordinal) || line.Contains("$patch: delete", StringComparison.Ordinal);
        }

        if (location.Method is MappingMethod.Ancestor or MappingMethod.Unmapped || location.Built.Key is not { } key)
        {
            return false;
        }

        // kustomize writes values its own way (quotes); the line must hold the key and the value as written.
        // A JSON 6902 operation whose path is the field writes it on its value: line.
        var hasKey = line.Contains(key + ":", StringComparison.Ordinal) || location.Method is MappingMethod.Transformer or MappingMethod.Generator
            || (location.Method == MappingMethod.Patch && line.TrimStart().StartsWith("value:", StringComparison.Ordinal));
        // A chart template line may print the value with an action ({{ .Values.x }}): it is the line that writes it.
        // A long or multi-line string is written over several lines (folded, or wrapped differently): its start must be on the line.
        // A block scalar (key: |-) writes its value on the lines below the key.
        var block = line.TrimEnd() is var t && (t.EndsWith('|') || t.EndsWith('>') || t.EndsWith("|-", StringComparison.Ordinal) || t.EndsWith(">-", StringComparison.Ordinal) || t.EndsWith("|+", StringComparison.Ordinal));
        return hasKey && (location.Built.Value is not { } value || block || line.Contains(value.Split('\n')[0] is { Length: > 24 } first ? first[..24] : value.Split('\n')[0], StringComparison.Ordinal)
            || (location.Method == MappingMethod.Chart && line.Contains("{{", StringComparison.Ordinal)));
    }
}
