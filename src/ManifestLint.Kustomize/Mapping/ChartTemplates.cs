using System.Text;
using ManifestLint.Helm;
using ManifestLint.Kustomize.Building;
using ManifestLint.Kustomize.Kustomizations;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Kustomize.Mapping;

/// <summary>
/// The chart template that wrote an object kustomize inflated from <c>helmCharts:</c>. kustomize drops the
/// <c># Source:</c> comments of <c>helm template</c>; the helm shim kept helm's own output (<see cref="HelmShim"/>),
/// where each document's comment names its template. The object is found there by kind and name (the name kustomize
/// built may carry a prefix or suffix), and the node by the template's literal key path
/// (<see cref="TemplateKeyPaths"/>): the field's own line when the template writes its key, else the deepest key line
/// on the way (the <c>resources:</c> line above a <c>toYaml</c> of values).
/// </summary>
internal sealed class ChartTemplates(IReadOnlyList<HelmRender> renders, Func<string, string> display)
{
    private sealed record RenderedDocument(string Template, int Index, string Kind, string Name);

    private List<RenderedDocument>? documents;

    public SourceSpan? Map(BuiltObject built, List<PathStep> path)
    {
        documents ??= Read();
        var document = documents
            .Where(d => d.Kind == built.Kind && d.Name.Length > 0 && built.Name.Contains(d.Name, StringComparison.Ordinal))
            .OrderByDescending(d => d.Name == built.Name)
            .ThenByDescending(d => d.Name.Length)
            .FirstOrDefault();
        if (document is null)
        {
            return null;
        }

        var segments = path.Select(p => p.Key ?? TemplateKeyPaths.Item(p.Index)).ToList();
        if (TemplateKeyPaths.Find(document.Template, document.Index, segments) is not { } found)
        {
            return new SourceSpan(display(document.Template), 1, 1, 1, 2);
        }

        var text = found.Text.TrimEnd('\r');
        var column = text.Length - text.TrimStart(' ').Length + 1;
        return new SourceSpan(display(document.Template), found.Line, column, found.Line, Math.Max(column + 1, text.TrimEnd().Length + 1));
    }

    /// <summary>Every document of every render, with its template (absolute) and its index among that template's documents.</summary>
    private List<RenderedDocument> Read()
    {
        var result = new List<RenderedDocument>();
        foreach (var render in renders.Where(r => r.ChartDirectory is not null))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (source, text) in Documents(render.Text))
            {
                if (source is null || YamlFileLoader.Load(source, text).Documents is not [{ Root: MappingNode root }, ..])
                {
                    continue;
                }

                // "# Source: web/templates/x.yaml" is relative to the chart's parent, named as Chart.yaml names the chart.
                var slash = source.IndexOf('/', StringComparison.Ordinal);
                var template = Path.GetFullPath(slash < 0 ? source : source[(slash + 1)..], render.ChartDirectory!);
                var index = counts[template] = counts.GetValueOrDefault(template) + 1;
                result.Add(new RenderedDocument(
                    template,
                    index - 1,
                    KustomizationFile.Scalar(root["kind"]) ?? string.Empty,
                    KustomizationFile.Scalar((root["metadata"] as MappingNode)?["name"]) ?? string.Empty));
            }
        }

        return result;
    }

    /// <summary>helm template's documents, each with the template its <c># Source:</c> comment names.</summary>
    private static IEnumerable<(string? Source, string Text)> Documents(string output)
    {
        string? source = null;
        var text = new StringBuilder();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line == "---" || line.StartsWith("--- ", StringComparison.Ordinal))
            {
                if (text.Length > 0)
                {
                    yield return (source, text.ToString());
                }

                source = null;
                text.Clear();
                continue;
            }

            if (source is null && line.StartsWith("# Source: ", StringComparison.Ordinal))
            {
                source = line["# Source: ".Length..].Trim();
            }

            text.Append(line).Append('\n');
        }

        if (text.Length > 0)
        {
            yield return (source, text.ToString());
        }
    }
}
