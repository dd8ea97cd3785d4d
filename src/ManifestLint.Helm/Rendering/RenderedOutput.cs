using System.Text;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Rendering;

/// <summary>The documents one template file rendered to, joined into one YAML stream (each starting with <c>---</c>).</summary>
/// <param name="SourcePath">The path in the <c># Source:</c> comment, such as <c>web/templates/deployment.yaml</c>.</param>
internal sealed record RenderedSource(string SourcePath, string Text);

/// <summary>
/// Splits <c>helm template</c> output by the <c># Source: chart/templates/x.yaml</c> comment Helm writes at the top
/// of every document, grouping the documents of one template file in their order.
/// </summary>
internal static class RenderedOutput
{
    public const string SourcePrefix = "# Source: ";

    /// <summary>True when the stream looks like Helm output: some document starts with a <c># Source:</c> comment.</summary>
    public static bool HasSources(string text) => DocumentSplitter.Split(text).Any(d => SourceOf(d.Text) is not null);

    /// <param name="unnamed">The source path for documents before the first <c># Source:</c> comment.</param>
    public static IReadOnlyList<RenderedSource> Split(string text, string unnamed)
    {
        var order = new List<string>();
        var bySource = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        string? current = null;
        foreach (var document in DocumentSplitter.Split(text))
        {
            current = SourceOf(document.Text) ?? current;
            var source = current ?? unnamed;
            if (!bySource.TryGetValue(source, out var builder))
            {
                bySource[source] = builder = new StringBuilder();
                order.Add(source);
            }

            var chunk = document.Text;
            if (!chunk.StartsWith("---", StringComparison.Ordinal))
            {
                if (string.IsNullOrWhiteSpace(chunk))
                {
                    continue;
                }

                builder.Append("---\n");
            }

            builder.Append(chunk);
            if (!chunk.EndsWith('\n'))
            {
                builder.Append('\n');
            }
        }

        return [.. order.Select(s => new RenderedSource(s, bySource[s].ToString())).Where(s => s.Text.Length > 0)];
    }

    /// <summary>The path in the document's <c># Source:</c> comment: the first line after the separator that is not blank.</summary>
    private static string? SourceOf(string document)
    {
        foreach (var raw in document.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("---", StringComparison.Ordinal) && line.Trim('-', ' ', '\t').Length == 0)
            {
                continue;
            }

            return line.StartsWith(SourcePrefix, StringComparison.Ordinal) ? line[SourcePrefix.Length..].Trim() : null;
        }

        return null;
    }
}
