using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Mapping;

/// <summary>
/// A rule's fix for rendered output, moved into the values file a chart user edits: the key the rendered fix adds
/// (<c>limits.memory</c>), with the value the rule's own fix writes, inserted under the values key that the
/// template prints whole (<c>{{- with .Values.resources }}</c> … <c>toYaml .</c>). Templates are never edited.
/// </summary>
internal static class ValuesFixes
{
    /// <summary>
    /// The values-file fix, or null when none is safe: the rule offered no fix, the template does not print the
    /// values mapping whole (a key added there might never reach the output), the found key is above the mapping the
    /// template prints, or the YAML there is written in a way <see cref="YamlEdits"/> does not edit.
    /// </summary>
    /// <param name="value">The value the rule's own fix writes (ML1001: the container's memory request).</param>
    public static Fix? Create(AbsentValue absent, string value) =>
        Edit(absent, value) is { } edit ? new Fix($"Set {absent.Key} to {value} in {absent.File.DisplayPath}.", edit) : null;

    /// <summary>The edit of <see cref="Create"/> alone; null when none is safe.</summary>
    public static TextEdit? Edit(AbsentValue absent, string value)
    {
        if (!absent.PrintedWhole || absent.File.Root is not { } root || absent.Found.Count < absent.Anchor.Count)
        {
            return null;
        }

        var rest = absent.Full.Skip(absent.Found.Count).ToList();
        var edit = YamlPaths.Navigate(root, absent.Found) is not { } found ? null : rest.Count switch
        {
            0 when found.Node is ScalarNode scalar => YamlEdits.ReplaceScalar(scalar, value),
            1 when found.Node is MappingNode mapping => YamlEdits.AddEntry(mapping, rest[0], value, root),
            1 when found.Node is ScalarNode && Parent(root, absent.Found) is { } entry => YamlEdits.FillEmptyEntry(entry, rest[0], value, root),
            2 when found.Node is MappingNode mapping => YamlEdits.AddNestedEntry(mapping, rest[0], rest[1], value, root),
            _ => null,
        };
        return edit;
    }

    private static MappingEntry? Parent(MappingNode root, IReadOnlyList<string> path) =>
        (path.Count == 1 ? root : YamlPaths.Navigate(root, [.. path.Take(path.Count - 1)])?.Node) is MappingNode parent ? parent.Entry(path[^1]) : null;
}
