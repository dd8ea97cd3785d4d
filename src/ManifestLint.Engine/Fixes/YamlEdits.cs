using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Fixes;

/// <summary>
/// Text edits on YAML source computed from node positions alone: a replaced scalar keeps its quotes, an added
/// entry takes the indentation of its siblings and goes after the last one (in a flow mapping <c>{...}</c>, before the first),
/// and nothing else moves. Each helper returns null when the source is too unusual to edit safely (multi-line
/// scalars, anchors or tags on the value, escapes), so a rule simply offers no fix there.
/// </summary>
public static class YamlEdits
{
    private const int DefaultIndentStep = 2;

    /// <summary>Replaces the value of a single-line scalar, keeping its quotes when it had any.</summary>
    public static TextEdit? ReplaceScalar(ScalarNode node, string newValue)
    {
        var span = node.Span;
        if (span.StartLine != span.EndLine || newValue.Contains('"', StringComparison.Ordinal) || newValue.Contains('\'', StringComparison.Ordinal) || newValue.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var width = span.EndColumn - span.StartColumn;
        if (node.IsPlain && width == node.Value.Length)
        {
            return new TextEdit(span, newValue);
        }

        // A quoted scalar without escapes spans its value plus the two quotes; replace between them.
        return !node.IsPlain && width == node.Value.Length + 2
            ? new TextEdit(span with { StartColumn = span.StartColumn + 1, EndColumn = span.EndColumn - 1 }, newValue)
            : null;
    }

    /// <summary>
    /// Replaces <paramref name="length"/> characters of a single-line scalar's value from <paramref name="index"/>,
    /// for a token inside a longer string (a JVM flag in <c>JAVA_TOOL_OPTIONS</c>).
    /// </summary>
    public static TextEdit? ReplaceInScalar(ScalarNode node, int index, int length, string replacement)
    {
        var whole = ReplaceScalar(node, node.Value);
        if (whole is null || index < 0 || length < 0 || index + length > node.Value.Length)
        {
            return null;
        }

        var column = whole.Span.StartColumn + index;
        return new TextEdit(whole.Span with { StartColumn = column, EndColumn = column + length }, replacement);
    }

    /// <summary>Adds <c>key: value</c> to <paramref name="mapping"/>: after its last entry, or first in a flow mapping.</summary>
    public static TextEdit? AddEntry(MappingNode mapping, string key, string value, YamlNode? document = null) =>
        Add(mapping, key, nested: null, value, document);

    /// <summary>Adds <c>key:</c> holding the one entry <c>childKey: childValue</c> to <paramref name="mapping"/>.</summary>
    public static TextEdit? AddNestedEntry(MappingNode mapping, string key, string childKey, string childValue, YamlNode? document = null) =>
        Add(mapping, key, childKey, childValue, document);

    /// <summary>
    /// Gives an entry whose value is empty (<c>limits:</c> and nothing) the one entry <c>childKey: childValue</c>,
    /// on the line after the key.
    /// </summary>
    public static TextEdit? FillEmptyEntry(MappingEntry entry, string childKey, string childValue, YamlNode? document = null)
    {
        if (entry.Value is not ScalarNode { IsPlain: true, Value: "" } || entry.Key.Span.StartLine != entry.Key.Span.EndLine)
        {
            return null;
        }

        var indent = new string(' ', entry.Key.Span.StartColumn - 1 + IndentStep(document));
        return TextEdit.Insert(entry.Key.Span.Path, entry.Key.Span.EndLine + 1, 1, $"{indent}{childKey}: {childValue}\n");
    }

    /// <summary>Whether a mapping is written in flow style (<c>{a: 1}</c>): its span starts at the brace, not at its first key.</summary>
    public static bool IsFlow(MappingNode mapping) =>
        mapping.Entries.Count == 0 || (mapping.Span.StartLine, mapping.Span.StartColumn) != (mapping.Entries[0].Key.Span.StartLine, mapping.Entries[0].Key.Span.StartColumn);

    /// <summary>The last line holding text of <paramref name="node"/>: a block scalar's span ends at the start of the next line.</summary>
    public static int LastLine(YamlNode node)
    {
        var span = node.Span;
        return span.EndColumn == 1 && span.EndLine > span.StartLine ? span.EndLine - 1 : span.EndLine;
    }

    private static TextEdit? Add(MappingNode mapping, string key, string? nested, string value, YamlNode? document)
    {
        var quoted = mapping.Entries.Count > 0 && mapping.Entries.All(e => e.Key is ScalarNode { IsPlain: false });
        string Text(string s) => quoted ? $"\"{s}\"" : s;
        if (IsFlow(mapping))
        {
            var entry = nested is null ? $"{Text(key)}: {Text(value)}" : $"{Text(key)}: {{{Text(nested)}: {Text(value)}}}";
            if (mapping.Entries.Count == 0)
            {
                // An empty flow mapping's span runs from its "{" to its "}": insert before the closing brace.
                var braces = mapping.Span;
                return braces.StartLine == braces.EndLine && braces.EndColumn > braces.StartColumn
                    ? TextEdit.Insert(braces.Path, braces.EndLine, braces.EndColumn, entry)
                    : null;
            }

            // A mapping's span ends at its last value, not at its closing brace (which may be a nested mapping's):
            // insert before the first key instead, where the position is exact.
            var firstKey = mapping.Entries[0].Key.Span;
            return TextEdit.Insert(firstKey.Path, firstKey.StartLine, firstKey.StartColumn, $"{entry}, ");
        }

        var first = mapping.Entries[0].Key.Span;
        var indent = new string(' ', first.StartColumn - 1);
        var line = LastLine(mapping) + 1;
        var text = nested is null
            ? $"{indent}{Text(key)}: {Text(value)}\n"
            : $"{indent}{Text(key)}:\n{indent}{new string(' ', IndentStep(document ?? mapping))}{Text(nested)}: {Text(value)}\n";
        return TextEdit.Insert(first.Path, line, 1, text);
    }

    /// <summary>The document's indentation step: how far a nested block mapping's keys sit right of their parent key (2 when none is found).</summary>
    private static int IndentStep(YamlNode? node)
    {
        var pending = new Stack<YamlNode>();
        if (node is not null)
        {
            pending.Push(node);
        }

        var visited = 0;
        while (pending.Count > 0 && visited++ < 10_000)
        {
            switch (pending.Pop())
            {
                case MappingNode m:
                    foreach (var entry in m.Entries)
                    {
                        if (entry.Value is MappingNode { Entries.Count: > 0 } child && !IsFlow(child) && child.Entries[0].Key.Span.StartLine > entry.Key.Span.StartLine)
                        {
                            var step = child.Entries[0].Key.Span.StartColumn - entry.Key.Span.StartColumn;
                            if (step > 0)
                            {
                                return step;
                            }
                        }

                        pending.Push(entry.Value);
                    }

                    break;
                case SequenceNode s:
                    foreach (var item in s.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return DefaultIndentStep;
    }
}
