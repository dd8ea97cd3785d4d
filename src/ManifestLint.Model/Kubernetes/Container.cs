using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

public enum ContainerKind
{
    /// <summary>An entry of <c>containers</c>.</summary>
    App,

    /// <summary>An entry of <c>initContainers</c> that runs to completion before the app containers start.</summary>
    Init,

    /// <summary>An entry of <c>initContainers</c> with <c>restartPolicy: Always</c>: it runs beside the app (KEP-753).</summary>
    Sidecar,
}

/// <summary>A container's <c>resources</c> as written.</summary>
public sealed record ResourceRequirements(ResourceList Requests, ResourceList Limits, MappingEntry? Entry)
{
    public static ResourceRequirements None { get; } = new(ResourceList.Empty, ResourceList.Empty, null);
}

/// <summary>An environment variable; <see cref="ResourceField"/> is set for <c>valueFrom.resourceFieldRef</c>.</summary>
public sealed record EnvVar(string Name, string? Value, ResourceFieldRef? ResourceField, MappingNode Node);

/// <summary>A downward-API reference to a container resource, printed as ceil(value / divisor).</summary>
public sealed record ResourceFieldRef(string? ContainerName, string Resource, QuantityValue? Divisor);

public sealed record Container(
    string Name,
    ContainerKind Kind,
    int Index,
    string? Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<EnvVar> Env,
    ResourceRequirements Resources,
    MappingNode Node)
{
    /// <summary>
    /// True when a field of the container is not the shape Kubernetes requires (<c>resources</c> written as a list, an
    /// <c>env</c> entry that is no mapping ...). That is one ML0001 at the fault; the API server rejects the pod, and
    /// what the container's other fields would mean is guesswork, so its rules stay quiet.
    /// </summary>
    public bool IsMalformed { get; init; }

    /// <summary>The <c>name: x</c> entry, or the container's first line when it has no name.</summary>
    public SourceSpan NameSpan => Node.Entry("name") is { } name ? name.Key.Span.Through(name.Value.Span) : Node.Span with { EndLine = Node.Span.StartLine, EndColumn = Node.Span.StartColumn + 1 };

    /// <summary>Where to report a field that is missing: the nearest present key of <c>resources.&lt;list&gt;</c>, then <c>resources</c>, then the name.</summary>
    public SourceSpan MissingFieldSpan(ResourceList list) =>
        list.Entry?.Key.Span ?? Resources.Entry?.Key.Span ?? NameSpan;

    /// <summary>How messages name the container: <c>container "web"</c>, <c>init container "migrate"</c>.</summary>
    public string DisplayName => Kind switch
    {
        ContainerKind.Init => $"init container \"{Name}\"",
        ContainerKind.Sidecar => $"sidecar container \"{Name}\"",
        _ => $"container \"{Name}\"",
    };
}
