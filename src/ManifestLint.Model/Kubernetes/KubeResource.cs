using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>Any Kubernetes object found in the input: identity, metadata and where it was written.</summary>
public sealed record KubeResource(
    string ApiVersion,
    string Kind,
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    MappingNode Node)
{
    public SourceSpan Span => Node.Span;

    /// <summary>The span of <c>kind: X</c>: where a finding about the whole object points.</summary>
    public SourceSpan KindSpan => Node.Entry("kind") is { } kind ? kind.Key.Span.Through(kind.Value.Span) : Span;

    /// <summary>The group of <c>apiVersion</c>, empty for the core group.</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    /// <summary>How messages name the object: <c>Deployment shop/web</c>.</summary>
    public string DisplayName => $"{Kind} {Namespace}/{Name}";

    public override string ToString() => DisplayName;
}
