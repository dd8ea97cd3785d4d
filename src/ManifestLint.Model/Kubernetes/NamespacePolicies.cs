namespace ManifestLint.Model.Kubernetes;

/// <summary>One item of a LimitRange's <c>spec.limits</c>.</summary>
public sealed record LimitRangeItem(string Type, ResourceList Default, ResourceList DefaultRequest, ResourceList Max, ResourceList Min, ResourceList MaxLimitRequestRatio);

public sealed record LimitRange(KubeResource Resource, IReadOnlyList<LimitRangeItem> Items);

public sealed record ResourceQuota(KubeResource Resource, ResourceList Hard);
