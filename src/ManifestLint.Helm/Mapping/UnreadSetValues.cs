using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Rendering;
using ManifestLint.Helm.Templates;

namespace ManifestLint.Helm.Mapping;

/// <summary>
/// <c>--set</c> paths that name nothing the chart reads: a typo (<c>resource.limits.memory</c>) renders without an
/// error and changes nothing, so the user is told, as a note rather than a failure. A path counts as read when its
/// first key is a key of a values file of the chart (or its subcharts), the name of a subchart, <c>global</c>, or
/// the first key of a <c>.Values</c> path some template reads.
/// </summary>
internal static class UnreadSetValues
{
    public static IEnumerable<string> Notes(ChartContext chart, Func<string, string> display)
    {
        if (chart.Settings.SetValues.Count == 0)
        {
            return [];
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { "global" };
        foreach (var (file, node) in MarkedChart.TemplateFilesWithCharts(chart.Root))
        {
            foreach (var reference in chart.Templates.Get(file) is { } template ? References(template) : [])
            {
                known.Add(reference.Split('.', '[')[0]);
            }
        }

        foreach (var node in Nodes(chart.Root))
        {
            known.Add(node.SourceName);
            if (ValuesFile.Load(Path.Combine(node.Directory, "values.yaml"), string.Empty).Root is { } root)
            {
                known.UnionWith(root.Entries.Select(e => e.KeyText).OfType<string>());
            }
        }

        return chart.Settings.SetValues
            .SelectMany(set => set.Split(',').Select(a => a.Split('=')[0].Trim()).Where(k => k.Length > 0).Select(k => (Set: set, Key: k)))
            .Where(s => !known.Contains(s.Key.Split('.', '[')[0].Trim('\\')))
            .Select(s => $"--set {s.Set}: chart {chart.Name} ({display(chart.Input.Directory)}) reads no value named {s.Key.Split('.', '[')[0]}; the setting changes nothing.");
    }

    private static IEnumerable<string> References(TemplateFile template)
    {
        for (var n = 1; n <= template.LineCount; n++)
        {
            foreach (var reference in (template[n]?.ValueReferences ?? []).Where(r => !HelperArgument.IsHelperReference(r)))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<ChartNode> Nodes(ChartNode chart) => [chart, .. chart.Subcharts.SelectMany(Nodes)];
}
