using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>
/// Finds the pods of a custom resource by their shape, wherever its schema puts them under <c>spec</c>: Argo Rollouts
/// and Knative at <c>spec.template.spec</c>, KEDA ScaledJobs at <c>spec.jobTargetRef.template.spec</c>, Kubeflow training
/// jobs at <c>spec.*ReplicaSpecs.*.template.spec</c>, the Spark operator at <c>spec.driver.template.spec</c>, a Ray
/// cluster in <c>spec.workerGroupSpecs[i].template.spec</c>, and so on. A pod spec is a mapping with a non-empty
/// <c>containers</c> list whose entries are all container mappings (each with a <c>name</c> or an <c>image</c>, and at
/// least one with an <c>image</c>): a <c>containers</c> key of some unrelated schema (a list of strings, of layout boxes)
/// is not one. The search does not look inside a pod it found, visits every node once (aliases share nodes) and is
/// bounded in depth and size.
/// </summary>
internal static class PodSpecFinder
{
    private const int MaxDepth = 12;
    private const int MaxNodes = 20_000;

    public static List<(MappingNode Spec, string Path)> FindByShape(MappingNode? spec)
    {
        var found = new List<(MappingNode, string)>();
        if (spec is null)
        {
            return found;
        }

        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(YamlNode Node, string Path, int Depth)>();
        pending.Push((spec, "spec", 0));
        while (pending.Count > 0 && seen.Count < MaxNodes)
        {
            var (node, path, depth) = pending.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (node is MappingNode mapping && IsPodSpec(mapping))
            {
                found.Add((mapping, path));
                continue;
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            // Pushed in reverse, so that pods are found in the order they are written.
            var children = node switch
            {
                MappingNode m => m.Entries.Where(e => e.KeyText is { Length: > 0 } key && !key.Contains('.', StringComparison.Ordinal))
                    .Select(e => (e.Value, $"{path}.{e.KeyText}")).ToList(),
                SequenceNode q => q.Items.Select((item, i) => (item, $"{path}[{i}]")).ToList(),
                _ => [],
            };
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i].Item1 is MappingNode or SequenceNode)
                {
                    pending.Push((children[i].Item1, children[i].Item2, depth + 1));
                }
            }
        }

        return found;
    }

    private static bool IsPodSpec(MappingNode mapping) =>
        mapping["containers"] is SequenceNode { Items.Count: > 0 } containers
        && containers.Items.All(c => c is MappingNode m && (m["name"] is ScalarNode || m["image"] is ScalarNode))
        && containers.Items.Any(c => ((MappingNode)c)["image"] is ScalarNode);
}
