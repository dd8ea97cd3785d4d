using ManifestLint.Model.Source;

namespace ManifestLint.Model.Yaml;

/// <summary>One step from a node to a child: a mapping entry, or a list item at its index.</summary>
/// <param name="Entry">The mapping entry; null for a list item.</param>
/// <param name="Index">The list item's index; -1 for a mapping entry.</param>
/// <param name="Node">The child: the entry's value, or the item.</param>
public readonly record struct YamlStep(MappingEntry? Entry, int Index, YamlNode Node)
{
    /// <summary>The entry's key; null for a list item.</summary>
    public string? Key => Entry?.KeyText;
}

/// <summary>
/// The walk from a document's root to the node a finding's position points at. The front ends that map findings
/// back to what a user edits (Helm's key paths, Kustomize's merge-key paths) share it and name the steps their own way.
/// </summary>
public static class YamlPosition
{
    /// <summary>
    /// The steps to the node at a position: the key or value starting exactly there, else the deepest node whose span
    /// holds it. Null when the position is outside the root.
    /// </summary>
    public static List<YamlStep>? StepsTo(YamlNode root, int line, int column)
    {
        var steps = new List<YamlStep>();
        return Walk(root, line, column, steps) || Contains(root.Span, line, column) ? steps : null;
    }

    private static bool Walk(YamlNode node, int line, int column, List<YamlStep> steps)
    {
        switch (node)
        {
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (entry.KeyText is null)
                    {
                        continue;
                    }

                    if (StartsAt(entry.Key.Span, line, column))
                    {
                        steps.Add(new YamlStep(entry, -1, entry.Value));
                        return true;
                    }

                    if (Contains(entry.Value.Span, line, column) || StartsAt(entry.Value.Span, line, column))
                    {
                        steps.Add(new YamlStep(entry, -1, entry.Value));
                        Walk(entry.Value, line, column, steps);
                        return true;
                    }
                }

                return false;
            case SequenceNode sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var item = sequence.Items[i];
                    if (Contains(item.Span, line, column) || StartsAt(item.Span, line, column))
                    {
                        steps.Add(new YamlStep(null, i, item));
                        Walk(item, line, column, steps);
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool StartsAt(SourceSpan span, int line, int column) => span.StartLine == line && span.StartColumn == column;

    private static bool Contains(SourceSpan span, int line, int column) =>
        (line > span.StartLine || (line == span.StartLine && column >= span.StartColumn))
        && (line < span.EndLine || (line == span.EndLine && column < span.EndColumn));
}
