using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Mapping;

/// <summary>
/// A path into a YAML document: mapping keys and list indices (<c>spec</c>, <c>template</c>, <c>spec</c>,
/// <c>containers</c>, <c>[0]</c>, <c>resources</c>). Indices are written <c>[i]</c>; <c>[]</c> means any item.
/// </summary>
internal static class YamlPaths
{
    public static bool IsIndex(string segment) => segment.StartsWith('[');

    public static string Index(int i) => $"[{i}]";

    /// <summary>
    /// The path of the node a finding points at: the key or value starting exactly at the position, else the
    /// deepest node whose span holds it. Null when the position is outside the document's root.
    /// </summary>
    public static List<string>? PathAt(YamlNode root, int line, int column) =>
        YamlPosition.StepsTo(root, line, column)?.Select(s => s.Key ?? Index(s.Index)).ToList();

    /// <summary>The node at a path, and the key of its mapping entry when the last segment is a key.</summary>
    public static (YamlNode Node, YamlNode? Key)? Navigate(YamlNode root, IReadOnlyList<string> path)
    {
        YamlNode node = root;
        YamlNode? key = null;
        foreach (var segment in path)
        {
            switch (node)
            {
                case MappingNode mapping when !IsIndex(segment) && mapping.Entry(segment) is { } entry:
                    key = entry.Key;
                    node = entry.Value;
                    break;
                case SequenceNode sequence when IsIndex(segment) && int.TryParse(segment.AsSpan(1, segment.Length - 2), out var i) && i >= 0 && i < sequence.Items.Count:
                    key = null;
                    node = sequence.Items[i];
                    break;
                default:
                    return null;
            }
        }

        return (node, key);
    }

    /// <summary>
    /// True when the two documents have the same structure: the same keys in the same order and lists of the same
    /// length, all the way down. Scalars may differ (generated passwords, certificates, line markers in block scalars).
    /// </summary>
    public static bool SameShape(YamlNode? a, YamlNode? b) => (a, b) switch
    {
        (null, null) => true,
        (MappingNode x, MappingNode y) => x.Entries.Count == y.Entries.Count
            && x.Entries.Zip(y.Entries).All(p => p.First.KeyText == p.Second.KeyText && SameShape(p.First.Value, p.Second.Value)),
        (SequenceNode x, SequenceNode y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => SameShape(p.First, p.Second)),
        (ScalarNode, ScalarNode) => true,
        _ => false,
    };

    /// <summary>The <c>name</c> of the innermost list item on the path that has one (the container a finding is about).</summary>
    public static string? ItemName(YamlNode root, IReadOnlyList<string> path)
    {
        string? name = null;
        YamlNode node = root;
        for (var i = 0; i < path.Count; i++)
        {
            if (Navigate(node, [path[i]]) is not { } next)
            {
                break;
            }

            node = next.Node;
            if (IsIndex(path[i]) && node is MappingNode { } item && item["name"] is ScalarNode { } n)
            {
                name = n.Value;
            }
        }

        return name;
    }
}
