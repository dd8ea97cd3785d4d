using ManifestLint.Model.IO;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Mapping;

/// <summary>A values file (a chart's <c>values.yaml</c>, a <c>ci/</c> variant, a <c>-f</c> file) read with key positions.</summary>
internal sealed class ValuesFile
{
    private readonly MappingNode? root;

    private ValuesFile(string fullPath, string displayPath, MappingNode? root, bool exists)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        this.root = root;
        Exists = exists;
    }

    public string FullPath { get; }

    /// <summary>The path findings show for the file.</summary>
    public string DisplayPath { get; }

    /// <summary>Whether the file could be read (it may still hold no mapping).</summary>
    public bool Exists { get; }

    /// <summary>The file's top-level mapping; null when it has none.</summary>
    public MappingNode? Root => root;

    public static ValuesFile Load(string fullPath, string displayPath)
    {
        try
        {
            var file = YamlFileLoader.Load(displayPath, BoundedFile.ReadWhole(fullPath));
            return new ValuesFile(fullPath, displayPath, file.Documents.Count > 0 ? file.Documents[0].Root as MappingNode : null, exists: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ValuesFile(fullPath, displayPath, null, exists: false);
        }
    }

    /// <summary>
    /// The deepest key this file has on the way down <paramref name="path"/> (<c>resources.limits.memory</c> when set,
    /// else <c>resources.limits</c>, else <c>resources</c>): its span and its concrete path. An item segment <c>[]</c>
    /// takes the list item named <paramref name="itemName"/>, else the item that goes deepest.
    /// </summary>
    public (IReadOnlyList<string> Path, SourceSpan Span)? Find(IReadOnlyList<string> path, string? itemName) =>
        root is null ? null : Find(root, path, [], itemName);

    private static (IReadOnlyList<string> Path, SourceSpan Span)? Find(YamlNode node, IReadOnlyList<string> path, List<string> found, string? itemName)
    {
        var depth = found.Count;
        if (depth == path.Count)
        {
            return null;
        }

        var segment = path[depth];
        switch (node)
        {
            case MappingNode mapping when !YamlPaths.IsIndex(segment) && mapping.Entry(segment) is { } entry:
                List<string> here = [.. found, segment];
                return Find(entry.Value, path, here, itemName) ?? (here, entry.Key.Span);
            case MappingNode map when segment == "[]":
                // `range $name, $item := .Values.sidecars` over a mapping: the entry named like the item, else the one that goes deepest.
                var entries = map.Entries.Where(e => e.KeyText is not null).ToList();
                var byName = entries.FindIndex(e => e.KeyText == itemName || (e.Value is MappingNode m && m["name"] is ScalarNode n && n.Value == itemName));
                (IReadOnlyList<string> Path, SourceSpan Span)? deepestEntry = null;
                foreach (var e in byName >= 0 ? [entries[byName]] : entries)
                {
                    List<string> at = [.. found, e.KeyText ?? string.Empty];
                    var result = Find(e.Value, path, at, itemName) ?? (at, e.Key.Span);
                    if (deepestEntry is null || result.Path.Count > deepestEntry.Value.Path.Count)
                    {
                        deepestEntry = result;
                    }
                }

                return byName >= 0 || deepestEntry is { Path.Count: var reached } && reached > depth + 1 ? deepestEntry : null;
            case SequenceNode sequence when YamlPaths.IsIndex(segment):
                var items = sequence.Items;
                List<int> candidates;
                if (segment.Length > 2 && int.TryParse(segment.AsSpan(1, segment.Length - 2), out var index))
                {
                    candidates = index >= 0 && index < items.Count ? [index] : [];
                }
                else
                {
                    var named = items.ToList().FindIndex(i => i is MappingNode m && m["name"] is ScalarNode n && n.Value == itemName);
                    candidates = named >= 0 ? [named] : [.. Enumerable.Range(0, items.Count)];
                }

                (IReadOnlyList<string> Path, SourceSpan Span)? deepest = null;
                foreach (var i in candidates)
                {
                    List<string> at = [.. found, YamlPaths.Index(i)];
                    var item = items[i];
                    var result = Find(item, path, at, itemName) ?? (at, item.Span with { EndLine = item.Span.StartLine, EndColumn = item.Span.StartColumn + 1 });
                    if (deepest is null || result.Path.Count > deepest.Value.Path.Count)
                    {
                        deepest = result;
                    }
                }

                return candidates.Count == 1 || deepest is { Path.Count: var d } && d > depth + 1 ? deepest : null;
            default:
                return null;
        }
    }
}
