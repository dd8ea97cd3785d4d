namespace ManifestLint.Helm.Templates;

/// <summary>
/// The template lines of one YAML node, read from the template's text rather than from the render: a container's
/// list item (<c>- name: web</c>) and everything indented below it, up to its next sibling or a key of its parent.
/// The render cannot show a block's lines that printed nothing (an empty <c>{{- with .Values.resources }}</c>), and
/// those are the lines that say where an absent value would come from.
/// </summary>
internal static class TemplateBlock
{
    /// <summary>
    /// The 1-based lines from <paramref name="start"/> to the end of the node it starts: a list item ends at the next
    /// item or key at its dash's column or left of it; a key ends at the next key at its column or left of it (a list
    /// may sit at its key's own column). Control lines and lines of actions only never end a block.
    /// </summary>
    public static IEnumerable<int> Lines(TemplateFile template, int start)
    {
        if (template[start] is not { } first)
        {
            yield break;
        }

        yield return start;
        for (var n = start + 1; template[n] is { } line; n++)
        {
            if (line.InDefine != first.InDefine || line.IsDocumentSeparator)
            {
                yield break;
            }

            var structural = (line.Key is not null || line.IsListItem) && !line.InBlockScalar && line.LogicalStart == n;
            if (structural && Ends(first, line))
            {
                yield break;
            }

            yield return n;
        }
    }

    private static bool Ends(TemplateLine first, TemplateLine line) => first.IsListItem
        ? line.Indent <= first.Indent
        : line.Indent < first.Indent || (line.Indent == first.Indent && !line.IsListItem);
}
