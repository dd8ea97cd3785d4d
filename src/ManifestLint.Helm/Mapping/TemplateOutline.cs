using ManifestLint.Helm.Templates;

namespace ManifestLint.Helm.Mapping;

/// <summary>
/// The fallback mapping, used when no line marker can tell: the template's literal YAML keys, nested by
/// indentation, matched against the rendered node's key path. It finds the deepest key line the template writes
/// as text on the way to the node: <c>resources:</c> itself, or the <c>spec: {{- include "x.pod" . | nindent 6 }}</c>
/// line when the rest comes from a helper.
/// </summary>
internal static class TemplateOutline
{
    /// <returns>The 1-based template line, or null when the template writes none of the path's keys as text.</returns>
    public static int? Find(TemplateFile template, int documentIndex, IReadOnlyList<string> path) =>
        Best(Outline(template, documentIndex, helper: null), path);

    /// <summary>The same search among the lines of the helper <paramref name="helper"/>, whose keys start at its own top (the include line's key above them).</summary>
    public static int? FindInHelper(TemplateFile template, string helper, IReadOnlyList<string> path) =>
        Best(Outline(template, -1, helper), path);

    /// <summary>
    /// The part of <paramref name="path"/> below the key template line <paramref name="line"/> writes
    /// (<c>[spec, containers, [0], resources]</c> below <c>spec.template</c>), or null when the line is not on the path.
    /// </summary>
    public static IReadOnlyList<string>? Below(TemplateFile template, int line, IReadOnlyList<string> path)
    {
        if (Outline(template, -1, helper: null).LastOrDefault(e => e.Line == line) is not { } entry)
        {
            return null;
        }

        var consumed = 0;
        for (var i = 0; i < path.Count; i++)
        {
            if (YamlPaths.IsIndex(path[i]))
            {
                continue;
            }

            if (consumed >= entry.Keys.Count || path[i] != entry.Keys[consumed])
            {
                return null;
            }

            if (++consumed == entry.Keys.Count)
            {
                return [.. path.Skip(i + 1)];
            }
        }

        return null;
    }

    private static int? Best(List<OutlineEntry> entries, IReadOnlyList<string> path)
    {
        var keys = path.Where(s => !YamlPaths.IsIndex(s)).ToList();
        var indices = path.Where(YamlPaths.IsIndex).ToList();
        (int Line, int Depth, int IndexMatches)? best = null;
        foreach (var entry in entries)
        {
            if (entry.Keys.Count > keys.Count || !entry.Keys.SequenceEqual(keys.Take(entry.Keys.Count), StringComparer.Ordinal))
            {
                continue;
            }

            var indexMatches = entry.Items.Zip(indices).Count(p => p.First == p.Second);
            if (best is null || entry.Keys.Count > best.Value.Depth || (entry.Keys.Count == best.Value.Depth && indexMatches > best.Value.IndexMatches))
            {
                best = (entry.Line, entry.Keys.Count, indexMatches);
            }
        }

        return best?.Line;
    }

    private sealed record OutlineEntry(int Line, IReadOnlyList<string> Keys, IReadOnlyList<string> Items);

    /// <param name="helper">null: the template's own lines (outside helpers); else the lines of that helper.</param>
    private static List<OutlineEntry> Outline(TemplateFile template, int documentIndex, string? helper)
    {
        var entries = new List<OutlineEntry>();
        var stack = new List<(int Indent, string? Key, string? Item)>();
        var itemCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var document = 0;
        var sawContent = false;
        for (var n = 1; n <= template.LineCount; n++)
        {
            if (template[n] is not { } line || (helper is null ? line.InDefine : line.Define != helper) || line.InBlockScalar || line.LogicalStart != n)
            {
                continue;
            }

            if (line.IsDocumentSeparator)
            {
                document += sawContent ? 1 : 0;
                stack.Clear();
                itemCounts.Clear();
                sawContent = false;
                continue;
            }

            if (line.Key is null && !line.IsListItem)
            {
                continue;
            }

            sawContent = true;
            var indent = line.Indent;
            if (line.IsListItem)
            {
                // A list may sit at its key's own column ("containers:\n- name: x"), so only deeper entries and the
                // previous item of the same list are closed.
                while (stack.Count > 0 && (stack[^1].Indent > indent || (stack[^1].Indent == indent && stack[^1].Item is not null)))
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                var parent = string.Join('/', stack.Select(s => s.Key ?? s.Item));
                var count = itemCounts[parent] = itemCounts.GetValueOrDefault(parent) + 1;
                stack.Add((indent, null, YamlPaths.Index(count - 1)));
                if (document == documentIndex || documentIndex < 0)
                {
                    entries.Add(new OutlineEntry(n, [.. stack.Select(s => s.Key).OfType<string>()], [.. stack.Select(s => s.Item).OfType<string>()]));
                }

                indent = KeyIndent(template.LineText(n), indent);
            }

            if (line.Key is not { } key)
            {
                continue;
            }

            while (stack.Count > 0 && stack[^1].Indent >= indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            stack.Add((indent, Unquote(key), null));
            if (document == documentIndex || documentIndex < 0)
            {
                entries.Add(new OutlineEntry(n, [.. stack.Select(s => s.Key).OfType<string>()], [.. stack.Select(s => s.Item).OfType<string>()]));
            }
        }

        return entries;
    }

    /// <summary>For <c>  - name: x</c>, the column of <c>name</c>: list item keys nest one level below the dash.</summary>
    private static int KeyIndent(string text, int dashIndent)
    {
        var i = dashIndent;
        while (i < text.Length && (text[i] == '-' || text[i] == ' '))
        {
            i++;
        }

        return i;
    }

    private static string Unquote(string key) =>
        key.Length >= 2 && (key[0] == '"' || key[0] == '\'') && key[^1] == key[0] ? key[1..^1] : key;
}
