using System.Globalization;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Kustomize.Mapping;

/// <summary>
/// One step of a path into a Kubernetes object: a mapping key, or a list item named by its merge key (a container
/// by <c>name</c>, a volume mount by <c>mountPath</c>) where it has one, else by position. Items are matched by
/// their merge key because that is how a strategic-merge patch addresses them, and because a patch that adds a
/// container moves the others.
/// </summary>
internal sealed record PathStep(string? Key, int Index, string? ItemKey, string? ItemValue)
{
    public bool IsItem => Key is null;

    public static PathStep Field(string key) => new(key, -1, null, null);

    public override string ToString() => Key ?? (ItemKey is null ? $"[{Index.ToString(CultureInfo.InvariantCulture)}]" : $"[{ItemKey}={ItemValue}]");
}

/// <summary>A node found at a path, with the key of its mapping entry (null for a list item or the root).</summary>
internal sealed record FoundNode(YamlNode Node, YamlNode? Key);

/// <summary>Paths into YAML documents by merge key (see <see cref="PathStep"/>).</summary>
internal static class ObjectPath
{
    /// <summary>The merge keys kustomize's strategic merge uses for the lists of a pod, most common first.</summary>
    private static readonly string[] MergeKeys = ["name", "mountPath", "containerPort", "devicePath", "ip", "topologyKey"];

    /// <summary>The path of the node a position points at: the key or value starting there, else the deepest node holding it.</summary>
    public static List<PathStep>? At(YamlNode root, int line, int column) =>
        YamlPosition.StepsTo(root, line, column)?.Select(s => s.Key is { } key ? PathStep.Field(key) : Item(s.Node, s.Index)).ToList();

    /// <summary>The path of a mapping entry key or item, written as a JSON pointer by a JSON 6902 patch, resolved against <paramref name="document"/>.</summary>
    public static List<PathStep> FromPointer(string pointer, YamlNode? document)
    {
        var steps = new List<PathStep>();
        var node = document;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node is SequenceNode list && (token == "-" || int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                var index = token == "-" ? list.Items.Count : int.Parse(token, CultureInfo.InvariantCulture);
                var item = index < list.Items.Count ? list.Items[index] : null;
                steps.Add(Item(item, index));
                node = item;
            }
            else if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && node is null)
            {
                steps.Add(new PathStep(null, position, null, null));
            }
            else
            {
                steps.Add(PathStep.Field(token));
                node = (node as MappingNode)?[token];
            }
        }

        return steps;
    }

    /// <summary>
    /// Follows a path as far as it goes. Returns the nodes reached, one per step (a shorter list when the path
    /// leaves the document), starting with the root.
    /// </summary>
    public static List<FoundNode> Follow(YamlNode root, IReadOnlyList<PathStep> path)
    {
        var found = new List<FoundNode> { new(root, null) };
        YamlNode node = root;
        foreach (var step in path)
        {
            FoundNode? next = (node, step) switch
            {
                (MappingNode mapping, { Key: { } key }) when mapping.Entry(key) is { } entry => new FoundNode(entry.Value, entry.Key),
                (SequenceNode list, { IsItem: true }) when FindItem(list, step) is { } item => new FoundNode(item, null),
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            found.Add(next);
            node = next.Node;
        }

        return found;
    }

    /// <summary>Whether <paramref name="prefix"/> starts <paramref name="path"/> (equal steps, items by merge key).</summary>
    public static bool StartsWith(IReadOnlyList<PathStep> path, IReadOnlyList<PathStep> prefix) =>
        prefix.Count <= path.Count && prefix.Select((s, i) => Same(s, path[i])).All(b => b);

    public static bool Same(PathStep a, PathStep b) =>
        a.Key is not null || b.Key is not null
            ? a.Key == b.Key
            : a.ItemKey is not null && b.ItemKey is not null ? a.ItemKey == b.ItemKey && a.ItemValue == b.ItemValue : a.Index == b.Index;

    /// <summary>The step for a list item: by its merge key when it has one.</summary>
    public static PathStep Item(YamlNode? item, int index)
    {
        if (item is MappingNode mapping)
        {
            foreach (var key in MergeKeys)
            {
                if (mapping[key] is ScalarNode { Value.Length: > 0 } value)
                {
                    return new PathStep(null, index, key, value.Value);
                }
            }
        }

        return new PathStep(null, index, null, null);
    }

    /// <summary>The span of a found node as a finding shows it: from its key (or item) to the end of that line's text.</summary>
    public static SourceSpan LineSpan(FoundNode found, string path, IReadOnlyList<string> lines, int lineOffset = 0, int columnOffset = 0)
    {
        var start = found.Key?.Span ?? found.Node.Span;
        var line = start.StartLine + lineOffset;
        var column = start.StartColumn + columnOffset;
        var text = line >= 1 && line <= lines.Count ? lines[line - 1].TrimEnd('\r') : string.Empty;
        if (found.Key is null && found.Node is MappingNode or SequenceNode && column >= 3 && text.Length >= column - 2 && text[column - 3] == '-')
        {
            column -= 2; // a list item: from its dash
        }

        var end = Math.Max(column + 1, text.TrimEnd().Length + 1);
        return new SourceSpan(path, line, column, line, end);
    }

    private static YamlNode? FindItem(SequenceNode list, PathStep step)
    {
        if (step.ItemKey is not null)
        {
            return list.Items.FirstOrDefault(i => i is MappingNode m && m[step.ItemKey] is ScalarNode s && s.Value == step.ItemValue);
        }

        return step.Index >= 0 && step.Index < list.Items.Count ? list.Items[step.Index] : null;
    }
}
