using System.Text;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Kustomize.Building;

/// <summary>Where kustomize says a built object came from (<c>config.kubernetes.io/origin</c>).</summary>
/// <param name="File">The resource file it was read from (absolute); null for a generated object.</param>
/// <param name="ConfiguredIn">For a generated object: the kustomization (or generator config) file that configured it (absolute).</param>
/// <param name="ConfiguredBy">For a generated object: the generator's kind (<c>ConfigMapGenerator</c>, <c>HelmChartInflationGenerator</c>).</param>
/// <param name="Repository">For an object of a remote base: the repository.</param>
internal sealed record ObjectOrigin(string? File, string? ConfiguredIn, string? ConfiguredBy, string? Repository);

/// <summary>A transformer kustomize ran over an object (<c>alpha.config.kubernetes.io/transformations</c>), in the order applied.</summary>
/// <param name="ConfiguredIn">The kustomization file (absolute) whose field configured it.</param>
/// <param name="Kind"><c>PatchTransformer</c>, <c>NamespaceTransformer</c>, <c>ImageTagTransformer</c>, <c>ReplicaCountTransformer</c> …</param>
internal sealed record AppliedTransformer(string ConfiguredIn, string Kind);

/// <summary>One object of a build: its identity, where it came from, and what transformed it.</summary>
/// <param name="Index">Its position among the build's documents.</param>
internal sealed record BuiltObject(int Index, string Kind, string Name, string? Namespace, ObjectOrigin? Origin, IReadOnlyList<AppliedTransformer> Transformers);

/// <summary>
/// Reads and removes the build metadata kustomize adds when asked (<c>buildMetadata: [originAnnotations,
/// transformerAnnotations]</c>): the annotations are read into <see cref="BuiltObject"/>s and their lines removed, so
/// what is linted is what <c>kubectl kustomize</c> prints without them, byte for byte (tests compare the two).
/// </summary>
internal static class BuildMetadata
{
    public const string OriginAnnotation = "config.kubernetes.io/origin";
    public const string TransformationsAnnotation = "alpha.config.kubernetes.io/transformations";

    /// <param name="output">The annotated build output.</param>
    /// <param name="root">The directory paths in the annotations are relative to (the wrapper's).</param>
    public static (string Text, IReadOnlyList<BuiltObject> Objects) Strip(string output, string root)
    {
        var file = YamlFileLoader.Load("<build>", output);
        var objects = new List<BuiltObject>();
        var removeFrom = new HashSet<int>();
        var containers = new HashSet<int>();
        var index = 0;
        foreach (var document in file.Documents)
        {
            if (document.Root is not MappingNode rootNode)
            {
                continue;
            }

            var metadata = rootNode["metadata"] as MappingNode;
            var annotationsEntry = metadata?.Entry("annotations");
            var annotations = annotationsEntry?.Value as MappingNode;
            ObjectOrigin? origin = null;
            IReadOnlyList<AppliedTransformer> transformers = [];
            if (annotations is not null)
            {
                var ours = 0;
                foreach (var entry in annotations.Entries)
                {
                    switch (entry.KeyText)
                    {
                        case OriginAnnotation:
                            origin = Origin((entry.Value as ScalarNode)?.Value, root);
                            break;
                        case TransformationsAnnotation:
                            transformers = Transformers((entry.Value as ScalarNode)?.Value, root);
                            break;
                        default:
                            continue;
                    }

                    ours++;
                    removeFrom.Add(entry.Key.Span.StartLine);
                }

                if (ours == annotations.Entries.Count && ours > 0)
                {
                    containers.Add(annotationsEntry!.Key.Span.StartLine);
                }
            }

            objects.Add(new BuiltObject(
                index++,
                KustomizationScalar(rootNode["kind"]) ?? string.Empty,
                KustomizationScalar(metadata?["name"]) ?? string.Empty,
                KustomizationScalar(metadata?["namespace"]),
                origin,
                transformers));
        }

        return (RemoveLines(output, removeFrom, containers), objects);
    }

    /// <summary>Removes each marked key line with the more-indented lines that follow it (its block value), and each emptied <c>annotations:</c> line.</summary>
    private static string RemoveLines(string output, HashSet<int> keys, HashSet<int> emptied)
    {
        if (keys.Count == 0)
        {
            return output;
        }

        var lines = output.Split('\n');
        var text = new StringBuilder(output.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            if (emptied.Contains(number))
            {
                continue;
            }

            if (keys.Contains(number))
            {
                var indent = Indent(lines[i]);
                while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 ? i + 2 < lines.Length && Indent(lines[i + 2]) > indent : Indent(lines[i + 1]) > indent))
                {
                    i++;
                }

                continue;
            }

            text.Append(lines[i]);
            if (i + 1 < lines.Length)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static ObjectOrigin? Origin(string? yaml, string root)
    {
        if (yaml is null || YamlFileLoader.Load("<origin>", yaml).Documents is not [{ Root: MappingNode map }, ..])
        {
            return null;
        }

        var path = KustomizationScalar(map["path"]);
        var repository = KustomizationScalar(map["repo"]);
        var configuredIn = KustomizationScalar(map["configuredIn"]);
        var by = KustomizationScalar((map["configuredBy"] as MappingNode)?["kind"]);
        return new ObjectOrigin(
            path is not null && repository is null ? Path.GetFullPath(path, root) : null,
            configuredIn is not null && repository is null ? Path.GetFullPath(configuredIn, root) : null,
            by,
            repository);
    }

    private static List<AppliedTransformer> Transformers(string? yaml, string root)
    {
        if (yaml is null || YamlFileLoader.Load("<transformations>", yaml).Documents is not [{ Root: SequenceNode list }, ..])
        {
            return [];
        }

        return [.. list.Items.OfType<MappingNode>()
            .Where(t => KustomizationScalar(t["configuredIn"]) is not null && KustomizationScalar(t["repo"]) is null)
            .Select(t => new AppliedTransformer(Path.GetFullPath(KustomizationScalar(t["configuredIn"])!, root), KustomizationScalar((t["configuredBy"] as MappingNode)?["kind"]) ?? string.Empty))];
    }

    private static string? KustomizationScalar(YamlNode? node) => (node as ScalarNode)?.Value;
}
