using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>A volume; only <c>emptyDir</c> matters to memory.</summary>
public sealed record Volume(string Name, EmptyDirVolume? EmptyDir, MappingNode Node);

/// <summary>An <c>emptyDir</c>; with <c>medium: Memory</c> it is a tmpfs charged to container memory.</summary>
public sealed record EmptyDirVolume(string? Medium, QuantityValue? SizeLimit, MappingEntry Entry, MappingEntry? MediumEntry)
{
    public bool IsMemoryBacked => string.Equals(Medium, "Memory", StringComparison.Ordinal);
}

/// <summary>A pod spec, from a Pod or from any workload's pod template.</summary>
public sealed record PodSpec(
    IReadOnlyList<Container> Containers,
    IReadOnlyList<Container> InitContainers,
    string? PriorityClassName,
    IReadOnlyList<Volume> Volumes,
    ResourceList Overhead,
    ResourceRequirements? PodResources,
    MappingNode Node)
{
    /// <summary>Init containers (sidecars included) in declaration order, then app containers: the order Kubernetes iterates.</summary>
    public IEnumerable<Container> AllContainers => InitContainers.Concat(Containers);

    /// <summary>The <c>containers:</c> key: where a finding about the whole pod points.</summary>
    public SourceSpan ContainersKeySpan => Node.Entry("containers")?.Key.Span ?? Node.Span;
}

/// <summary>A resource with a pod template (or a Pod itself), with the path at which the pod spec was found.</summary>
public sealed record Workload(KubeResource Resource, PodSpec Pod, string PodSpecPath)
{
    /// <summary>The paths at which Kubernetes' own kinds, and most custom resources, keep their one pod spec.</summary>
    private static readonly HashSet<string> ConventionalPaths = new(StringComparer.Ordinal)
    {
        "spec", "template.spec", "spec.template.spec", "spec.jobTemplate.spec.template.spec",
    };

    /// <summary>True when the pod spec is not where its kind conventionally keeps it, so messages must say where.</summary>
    public bool HasUnconventionalPath => !ConventionalPaths.Contains(PodSpecPath);

    /// <summary>
    /// How messages name the workload: <c>Deployment shop/web</c>, or with the pod's path when a custom resource keeps it
    /// elsewhere (one resource can hold several pods): <c>TFJob ml/mnist (spec.tfReplicaSpecs.Worker.template.spec)</c>.
    /// </summary>
    public string DisplayName => HasUnconventionalPath ? $"{Resource.DisplayName} ({PodSpecPath})" : Resource.DisplayName;
}
