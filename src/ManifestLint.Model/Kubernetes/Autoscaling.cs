using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>The autoscaling and disruption objects of one file.</summary>
public sealed record AutoscalingObjects(
    IReadOnlyList<VerticalPodAutoscaler> VerticalPodAutoscalers,
    IReadOnlyList<HorizontalPodAutoscaler> HorizontalPodAutoscalers,
    IReadOnlyList<PodDisruptionBudget> PodDisruptionBudgets)
{
    public static AutoscalingObjects Empty { get; } = new([], [], []);
}

/// <summary>
/// A VPA's <c>targetRef</c> or an HPA's <c>scaleTargetRef</c>: a workload of the autoscaler's own namespace,
/// matched by kind and name (the VPA and HPA controllers ignore the apiVersion's version for that).
/// </summary>
public sealed record TargetReference(string? ApiVersion, string Kind, string Name, MappingEntry Entry)
{
    /// <summary>The <c>name: x</c> entry of the reference, else the reference key.</summary>
    public SourceSpan NameSpan => Entry.Value is MappingNode m && m.Entry("name") is { } name ? name.Key.Span.Through(name.Value.Span) : Entry.Key.Span;

    public string DisplayName => $"{Kind} {Name}";
}

/// <summary>VPA <c>updatePolicy.updateMode</c> values (autoscaler vertical-pod-autoscaler/pkg/apis/autoscaling.k8s.io/v1/types.go).</summary>
public static class VpaUpdateModes
{
    public const string Off = "Off";
    public const string Initial = "Initial";
    public const string Recreate = "Recreate";

    /// <summary>Deprecated; currently the same as <see cref="Recreate"/> (kubernetes/autoscaler#8424).</summary>
    public const string Auto = "Auto";
    public const string InPlaceOrRecreate = "InPlaceOrRecreate";
    public const string InPlace = "InPlace";
}

/// <summary>One entry of <c>resourcePolicy.containerPolicies</c>; <c>containerName: "*"</c> is the default policy.</summary>
public sealed record VpaContainerPolicy(
    string ContainerName,
    string? Mode,
    ResourceList MinAllowed,
    ResourceList MaxAllowed,
    IReadOnlyList<string>? ControlledResources,
    string? ControlledValues,
    MappingNode Node)
{
    public const string Wildcard = "*";

    /// <summary>Mode is not Off and <c>controlledResources</c> (default <c>[cpu, memory]</c>) includes memory.</summary>
    public bool ControlsMemory => Mode != VpaUpdateModes.Off && (ControlledResources is null || ControlledResources.Contains(ResourceNames.Memory, StringComparer.Ordinal));

    /// <summary><c>controlledValues</c>, default <c>RequestsAndLimits</c>: the limit is scaled with the request.</summary>
    public bool ScalesLimits => ControlledValues is null or "RequestsAndLimits";
}

public sealed record VerticalPodAutoscaler(
    KubeResource Resource,
    TargetReference? Target,
    string? UpdateMode,
    MappingEntry? UpdateModeEntry,
    MappingEntry? UpdatePolicyEntry,
    int? MinReplicas,
    IReadOnlyList<VpaContainerPolicy> ContainerPolicies)
{
    /// <summary>The mode in force: an absent or empty <c>updateMode</c> is <c>Recreate</c> (<c>GetUpdateMode</c> in pkg/utils/vpa/api.go).</summary>
    public string EffectiveUpdateMode => string.IsNullOrEmpty(UpdateMode) ? VpaUpdateModes.Recreate : UpdateMode;

    public bool UpdateModeIsDefault => string.IsNullOrEmpty(UpdateMode);

    /// <summary>The VPA writes its recommendation into pods (at creation at least).</summary>
    public bool AppliesRecommendations => EffectiveUpdateMode != VpaUpdateModes.Off;

    /// <summary>The updater evicts pods to apply a recommendation: Recreate, Auto, and InPlaceOrRecreate as its fallback.</summary>
    public bool Evicts => EffectiveUpdateMode is VpaUpdateModes.Recreate or VpaUpdateModes.Auto or VpaUpdateModes.InPlaceOrRecreate;

    /// <summary>How messages show the mode: <c>updateMode Recreate</c>, or <c>no updateMode (default Recreate)</c>.</summary>
    public string UpdateModeText => UpdateModeIsDefault ? "no updateMode (default Recreate)" : $"updateMode {UpdateMode}";

    /// <summary>The container's policy: its own entry, else the <c>*</c> entry, else null (<c>GetContainerResourcePolicy</c>).</summary>
    public VpaContainerPolicy? PolicyFor(string containerName) =>
        ContainerPolicies.FirstOrDefault(p => p.ContainerName == containerName)
        ?? ContainerPolicies.LastOrDefault(p => p.ContainerName == VpaContainerPolicy.Wildcard);

    /// <summary>True when the VPA would set this container's memory (the VPA's mode aside).</summary>
    public bool ControlsMemoryOf(string containerName) => PolicyFor(containerName) is not { } policy || policy.ControlsMemory;
}

/// <summary>One entry of an HPA's <c>metrics</c> (autoscaling/v2, v2beta2; v2beta1's <c>targetAverage*</c> fields are mapped).</summary>
/// <param name="Type">Resource, ContainerResource, Pods, Object or External.</param>
/// <param name="ResourceName">The resource of a Resource or ContainerResource metric.</param>
/// <param name="Container">The container of a ContainerResource metric.</param>
/// <param name="TargetType">Utilization, AverageValue or Value.</param>
public sealed record HpaMetric(string Type, string? ResourceName, string? Container, string? TargetType, MappingNode Node, YamlNode? NameNode, YamlNode? TargetTypeNode)
{
    public bool IsMemory => Type is "Resource" or "ContainerResource" && ResourceName == ResourceNames.Memory;

    public bool IsUtilization => TargetType == "Utilization";

    /// <summary>The <c>name: memory</c> of the metric, else the metric's first line.</summary>
    public SourceSpan NameSpan => NameNode?.Span ?? Node.Span;

    /// <summary>How messages name the metric: <c>Resource metric</c>, <c>ContainerResource metric of container "app"</c>.</summary>
    public string DisplayName => Type == "ContainerResource" ? $"ContainerResource metric of container \"{Container}\"" : $"{Type} metric";
}

public sealed record HorizontalPodAutoscaler(KubeResource Resource, TargetReference? Target, int? MinReplicas, int? MaxReplicas, IReadOnlyList<HpaMetric> Metrics);

/// <summary>A <c>matchExpressions</c> entry: In, NotIn, Exists or DoesNotExist.</summary>
public sealed record LabelSelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values);

/// <summary>A metav1 label selector; requirements are ANDed.</summary>
public sealed record LabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<LabelSelectorRequirement> MatchExpressions)
{
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    /// <summary>As <c>LabelSelectorAsSelector</c> + <c>Matches</c>; an unknown operator makes the selector invalid, so it matches nothing.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        MatchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && MatchExpressions.All(e => e.Operator switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v, StringComparer.Ordinal),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v, StringComparer.Ordinal),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => false,
        });
}

public sealed record PodDisruptionBudget(KubeResource Resource, LabelSelector? Selector)
{
    /// <summary>
    /// Whether the budget covers pods with these labels. A null selector selects nothing; an empty one selects every
    /// pod of the namespace in policy/v1 but nothing in policy/v1beta1 (PodDisruptionBudgetSpec.selector).
    /// </summary>
    public bool Selects(IReadOnlyDictionary<string, string> podLabels) => Selector switch
    {
        null => false,
        { IsEmpty: true } => Resource.ApiVersion != "policy/v1beta1",
        var s => s.Matches(podLabels),
    };
}
