using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Model.Semantics;

/// <summary>Where an effective request or limit came from.</summary>
public enum ValueOrigin
{
    /// <summary>Written in the container's <c>resources</c>.</summary>
    Written,

    /// <summary>The request was missing and Kubernetes copied the limit (<c>SetDefaults_Pod</c>).</summary>
    RequestFromLimit,

    /// <summary>The namespace's LimitRange <c>default</c> (or its <c>max</c>) filled in the limit.</summary>
    LimitRangeDefault,

    /// <summary>The namespace's LimitRange <c>defaultRequest</c> (or its <c>default</c>, <c>max</c>, <c>min</c>) filled in the request.</summary>
    LimitRangeDefaultRequest,
}

/// <summary>
/// A request or limit as the API server will store it on the Pod. <see cref="Value"/> is null when the
/// written quantity does not parse (that is ML0003's finding; other rules then stay quiet).
/// </summary>
public sealed record EffectiveValue(Quantity? Value, ValueOrigin Origin, QuantityValue? Written, LimitRange? FromLimitRange)
{
    /// <summary>Words for messages: "" when written, else " (defaulted from the limit)" and the like.</summary>
    public string OriginNote => Origin switch
    {
        ValueOrigin.RequestFromLimit => " (defaulted from the limit)",
        ValueOrigin.LimitRangeDefault => $" (default of LimitRange {FromLimitRange?.Resource.Namespace}/{FromLimitRange?.Resource.Name})",
        ValueOrigin.LimitRangeDefaultRequest => $" (defaultRequest of LimitRange {FromLimitRange?.Resource.Namespace}/{FromLimitRange?.Resource.Name})",
        _ => string.Empty,
    };
}

/// <summary>A container's requests and limits after Kubernetes defaulting, keyed by resource name.</summary>
public sealed record EffectiveResources(IReadOnlyDictionary<string, EffectiveValue> Requests, IReadOnlyDictionary<string, EffectiveValue> Limits)
{
    public EffectiveValue? Request(string resource) => Requests.GetValueOrDefault(resource);

    public EffectiveValue? Limit(string resource) => Limits.GetValueOrDefault(resource);
}
