using ManifestLint.Model.IO;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Charts;

/// <summary>
/// A chart or one of its vendored subcharts, as Helm names it in <c># Source:</c> comments: the top chart by
/// its <c>Chart.yaml</c> name, a subchart as <c>parent/charts/&lt;alias or name&gt;</c>.
/// </summary>
/// <param name="SourceName">The name in rendered <c># Source:</c> paths (the dependency alias when there is one).</param>
/// <param name="Directory">The chart's directory (absolute).</param>
/// <param name="ValuesPrefix">Where the chart's values sit in the top chart's values: empty for the top chart, <c>[postgresql]</c> for a subchart.</param>
/// <param name="Ancestors">The directories of the charts above this one, the top chart first; ancestor i sets this chart's values under <c>ValuesPrefix[i..]</c>.</param>
internal sealed record ChartNode(string SourceName, string Directory, IReadOnlyList<string> ValuesPrefix, IReadOnlyList<string> Ancestors, IReadOnlyList<ChartNode> Subcharts);

/// <summary>Reads a chart directory: names, vendored subcharts (with aliases), template files and <c>ci/</c> values variants.</summary>
internal static class ChartLayout
{
    public const string ChartFileName = "Chart.yaml";

    public static bool IsChart(string directory) => File.Exists(Path.Combine(directory, ChartFileName));

    /// <summary>The chart's <c>name</c> from Chart.yaml, or the directory name when it cannot be read.</summary>
    public static string ReadName(string directory) =>
        ReadChartFile(directory) is { } chart && chart["name"] is ScalarNode { Value.Length: > 0 } name ? name.Value : Path.GetFileName(directory);

    public static ChartNode Read(string directory)
    {
        var name = ReadName(directory);
        return ReadNode(directory, name, [], [], depth: 0);
    }

    /// <summary>The chart-testing convention: <c>ci/*-values.yaml</c>, each rendered as its own variant.</summary>
    public static IReadOnlyList<string> CiValuesFiles(string directory)
    {
        var ci = Path.Combine(directory, "ci");
        return Directory.Exists(ci)
            ? Directory.GetFiles(ci, "*-values.yaml").Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// The file a rendered <c># Source:</c> path came from, and the (sub)chart that owns it:
    /// <c>web/charts/redis/templates/master.yaml</c> is <c>&lt;web&gt;/charts/&lt;dir of redis&gt;/templates/master.yaml</c>.
    /// </summary>
    public static (string File, ChartNode Chart)? Resolve(ChartNode root, string sourcePath)
    {
        var parts = sourcePath.Split('/');
        if (parts.Length < 2 || parts[0] != root.SourceName)
        {
            return null;
        }

        var chart = root;
        var i = 1;
        while (i + 1 < parts.Length && parts[i] == "charts")
        {
            var sub = chart.Subcharts.FirstOrDefault(s => s.SourceName == parts[i + 1]);
            if (sub is null)
            {
                break;
            }

            chart = sub;
            i += 2;
        }

        var file = Path.Combine([chart.Directory, .. parts[i..]]);
        return (file, chart);
    }

    private static ChartNode ReadNode(string directory, string sourceName, IReadOnlyList<string> prefix, IReadOnlyList<string> ancestors, int depth)
    {
        var subcharts = new List<ChartNode>();
        var chartsDirectory = Path.Combine(directory, "charts");
        if (depth < 10 && Directory.Exists(chartsDirectory))
        {
            var aliases = Aliases(directory);
            foreach (var sub in Directory.GetDirectories(chartsDirectory).Order(StringComparer.Ordinal).Where(IsChart))
            {
                var name = ReadName(sub);
                var names = aliases.TryGetValue(name, out var declared) ? declared : [name];
                foreach (var alias in names)
                {
                    subcharts.Add(ReadNode(sub, alias, [.. prefix, alias], [.. ancestors, directory], depth + 1));
                }
            }
        }

        return new ChartNode(sourceName, directory, prefix, ancestors, subcharts);
    }

    /// <summary>Dependency name → the names it renders under: its aliases, plus its own name when some entry has no alias.</summary>
    private static Dictionary<string, List<string>> Aliases(string directory)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (ReadChartFile(directory)?["dependencies"] is not SequenceNode dependencies)
        {
            return result;
        }

        foreach (var dependency in dependencies.Items.OfType<MappingNode>())
        {
            if (dependency["name"] is not ScalarNode { Value.Length: > 0 } name)
            {
                continue;
            }

            var alias = dependency["alias"] is ScalarNode { Value.Length: > 0 } a ? a.Value : name.Value;
            if (!result.TryGetValue(name.Value, out var list))
            {
                result[name.Value] = list = [];
            }

            if (!list.Contains(alias, StringComparer.Ordinal))
            {
                list.Add(alias);
            }
        }

        return result;
    }

    private static MappingNode? ReadChartFile(string directory)
    {
        var path = Path.Combine(directory, ChartFileName);
        try
        {
            var documents = YamlFileLoader.Load(path, BoundedFile.ReadWhole(path)).Documents;
            return documents.Count > 0 ? documents[0].Root as MappingNode : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
