using ManifestLint.Model.Problems;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>Settings that change how objects are read.</summary>
public sealed record ModelOptions
{
    public static ModelOptions Default { get; } = new();

    /// <summary>The namespace of objects that do not name one (<c>--namespace</c>; <c>default</c> as in kubectl).</summary>
    public string DefaultNamespace { get; init; } = "default";
}

/// <summary>The typed objects of one file, and the problems met while reading them.</summary>
public sealed record ManifestFile(
    string Path,
    IReadOnlyList<KubeResource> Resources,
    IReadOnlyList<Workload> Workloads,
    IReadOnlyList<LimitRange> LimitRanges,
    IReadOnlyList<ResourceQuota> ResourceQuotas,
    IReadOnlyList<ModelProblem> Problems)
{
    /// <summary>The file's VerticalPodAutoscalers, HorizontalPodAutoscalers and PodDisruptionBudgets.</summary>
    public AutoscalingObjects Autoscaling { get; init; } = AutoscalingObjects.Empty;
}

/// <summary>
/// Builds the typed model of a loaded file. A document is a Kubernetes object when it is a mapping with
/// both <c>apiVersion</c> and <c>kind</c>; anything else (values files, CI configs) is skipped silently.
/// </summary>
public static class ManifestReader
{
    /// <summary>Kinds whose pod template sits at <c>spec.template.spec</c>.</summary>
    private static readonly HashSet<string> TemplateKinds = new(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
    };

    private const int MaxListNesting = 8;

    public static ManifestFile Read(YamlFile file, ModelOptions? options = null)
    {
        options ??= ModelOptions.Default;
        var reader = new StructureReader();
        var state = new State();
        foreach (var document in file.Documents)
        {
            if (document.Root is MappingNode root)
            {
                ReadObject(root, options, reader, state, 0);
            }
        }

        return new ManifestFile(file.Path, state.Resources, state.Workloads, state.LimitRanges, state.Quotas, [.. file.Problems, .. reader.Problems])
        {
            Autoscaling = state.Autoscaling.ToObjects(),
        };
    }

    private static void ReadObject(MappingNode root, ModelOptions options, StructureReader reader, State state, int listDepth)
    {
        if (root["apiVersion"] is not { } apiVersionNode || root["kind"] is not { } kindNode)
        {
            return;
        }

        var apiVersion = reader.String(apiVersionNode, "apiVersion");
        var kind = reader.String(kindNode, "kind");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            if (apiVersion == string.Empty || kind == string.Empty)
            {
                reader.Report(apiVersion == string.Empty ? apiVersionNode : kindNode, "'apiVersion' and 'kind' must not be empty.");
            }

            return;
        }

        if (kind.EndsWith("List", StringComparison.Ordinal) && root.Entry("items") is { } items)
        {
            if (listDepth < MaxListNesting)
            {
                foreach (var (item, i) in reader.List(items.Value, "items").Select((item, i) => (item, i)))
                {
                    if (reader.Mapping(item, $"items[{i}]") is { } mapping)
                    {
                        ReadObject(mapping, options, reader, state, listDepth + 1);
                    }
                }
            }

            return;
        }

        var metadata = reader.Mapping(root["metadata"], "metadata");
        var name = reader.Name(metadata?["name"], "metadata.name", StructureReader.MaxNameLength)
            ?? (reader.Name(metadata?["generateName"], "metadata.generateName", StructureReader.MaxNameLength) is { } prefix ? prefix + "*" : "(unnamed)");
        var ns = reader.Name(metadata?["namespace"], "metadata.namespace", StructureReader.MaxLabelLength);
        var resource = new KubeResource(
            apiVersion,
            kind,
            name,
            string.IsNullOrEmpty(ns) ? options.DefaultNamespace : ns,
            reader.StringMap(metadata?["labels"], "metadata.labels"),
            reader.StringMap(metadata?["annotations"], "metadata.annotations"),
            root);
        state.Resources.Add(resource);

        var spec = reader.Mapping(root["spec"], "spec");
        if (state.Autoscaling.TryRead(resource, spec, reader))
        {
            return;
        }

        switch (kind)
        {
            case "LimitRange":
                state.LimitRanges.Add(new LimitRange(resource, ReadLimitRangeItems(spec, reader)));
                return;
            case "ResourceQuota":
                state.Quotas.Add(new ResourceQuota(resource, spec is null ? ResourceList.Empty : reader.Resources(spec, "hard", "spec.hard")));
                return;
        }

        if (FindPodSpec(root, kind, spec, reader) is ({ } podSpec, var path))
        {
            state.Workloads.Add(new Workload(resource, PodSpecReader.Read(podSpec, path, reader), path));
        }
        else if (!TemplateKinds.Contains(kind) && kind is not ("Pod" or "PodTemplate" or "CronJob"))
        {
            foreach (var (found, foundPath) in PodSpecFinder.FindByShape(spec))
            {
                state.Workloads.Add(new Workload(resource, PodSpecReader.Read(found, foundPath, reader), foundPath));
            }
        }
    }

    /// <summary>Where each built-in kind keeps its pod spec, exactly; other kinds are searched by shape (<see cref="PodSpecFinder"/>).</summary>
    private static (MappingNode? Spec, string Path) FindPodSpec(MappingNode root, string kind, MappingNode? spec, StructureReader reader)
    {
        switch (kind)
        {
            case "Pod":
                return (spec, "spec");
            case "PodTemplate":
                return (reader.Mapping(reader.Mapping(root["template"], "template")?["spec"], "template.spec"), "template.spec");
            case "CronJob":
                var jobSpec = reader.Mapping(reader.Mapping(spec?["jobTemplate"], "spec.jobTemplate")?["spec"], "spec.jobTemplate.spec");
                var template = reader.Mapping(jobSpec?["template"], "spec.jobTemplate.spec.template");
                return (reader.Mapping(template?["spec"], "spec.jobTemplate.spec.template.spec"), "spec.jobTemplate.spec.template.spec");
        }

        if (TemplateKinds.Contains(kind))
        {
            var template = reader.Mapping(spec?["template"], "spec.template");
            return (reader.Mapping(template?["spec"], "spec.template.spec"), "spec.template.spec");
        }

        // Custom resources are searched by shape (PodSpecFinder).
        return (null, string.Empty);
    }

    private static List<LimitRangeItem> ReadLimitRangeItems(MappingNode? spec, StructureReader reader)
    {
        var items = new List<LimitRangeItem>();
        foreach (var (node, i) in reader.List(spec?["limits"], "spec.limits").Select((n, i) => (n, i)))
        {
            if (reader.Mapping(node, $"spec.limits[{i}]") is not { } item)
            {
                continue;
            }

            var path = $"spec.limits[{i}]";
            items.Add(new LimitRangeItem(
                reader.String(item["type"], $"{path}.type") ?? string.Empty,
                reader.Resources(item, "default", $"{path}.default"),
                reader.Resources(item, "defaultRequest", $"{path}.defaultRequest"),
                reader.Resources(item, "max", $"{path}.max"),
                reader.Resources(item, "min", $"{path}.min"),
                reader.Resources(item, "maxLimitRequestRatio", $"{path}.maxLimitRequestRatio")));
        }

        return items;
    }

    private sealed class State
    {
        public List<KubeResource> Resources { get; } = [];

        public List<Workload> Workloads { get; } = [];

        public List<LimitRange> LimitRanges { get; } = [];

        public List<ResourceQuota> Quotas { get; } = [];

        public AutoscalingReader Autoscaling { get; } = new();
    }
}
