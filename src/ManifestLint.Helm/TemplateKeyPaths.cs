using ManifestLint.Helm.Mapping;
using ManifestLint.Helm.Templates;
using ManifestLint.Model.IO;

namespace ManifestLint.Helm;

/// <summary>
/// For callers outside the Helm front end that have a chart's rendered output but not the chart's render (the
/// Kustomize front end, whose kustomize ran <c>helm template</c> for a <c>helmCharts:</c> entry): the template line
/// that writes a rendered node, by the template's literal key path (the Helm linter's fallback mapping,
/// <see cref="TemplateOutline"/>): the node's own key line, or the deepest key line on the way to it (the
/// <c>resources:</c> line above a <c>toYaml</c>).
/// </summary>
public static class TemplateKeyPaths
{
    /// <param name="template">The template file, absolute.</param>
    /// <param name="documentIndex">Which of the documents the template renders (0-based, among those with content).</param>
    /// <param name="path">The node's path in the rendered document: keys, and list items as <c>[i]</c>.</param>
    /// <returns>The 1-based line and its text, or null when the file cannot be read or writes none of the path's keys as text.</returns>
    public static (int Line, string Text)? Find(string template, int documentIndex, IReadOnlyList<string> path)
    {
        TemplateFile file;
        try
        {
            file = TemplateFile.Parse(new System.Text.UTF8Encoding(false).GetString(BoundedFile.ReadWhole(template)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return TemplateOutline.Find(file, documentIndex, path) is { } line ? (line, file.LineText(line)) : null;
    }

    /// <summary>How <see cref="Find"/> writes a list item of a path.</summary>
    public static string Item(int index) => YamlPaths.Index(index);
}
