using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Model.Semantics;

public enum QosClass
{
    /// <summary>Every container has cpu and memory requests equal to non-zero limits. oom_score_adj −997.</summary>
    Guaranteed,

    /// <summary>Anything between. oom_score_adj 1000 − 1000 × request / node capacity, clamped to 3…999.</summary>
    Burstable,

    /// <summary>No container requests or limits cpu or memory. oom_score_adj 1000: killed first.</summary>
    BestEffort,
}

/// <summary>
/// The pod QoS class as Kubernetes computes it (pkg/apis/core/v1/helper/qos/qos.go, <c>ComputePodQOS</c> /
/// <c>resourceQOS</c>): only cpu and memory count; every init container (sidecars included) and app
/// container gets a class, and the pod is that class when all agree, else Burstable.
/// </summary>
public static class QosCalculator
{
    private static readonly string[] ComputeResources = [ResourceNames.Cpu, ResourceNames.Memory];

    public static QosClass Compute(PodSpec pod, Func<Container, EffectiveResources> effective)
    {
        if (pod.PodResources is { } podLevel && HasComputeValues(podLevel))
        {
            // PodLevelResources (beta 1.34): the pod-level stanza alone decides. A missing pod-level request
            // defaults from the pod-level limit.
            return ContainerClass(
                r => podLevel.Requests.Get(r) ?? podLevel.Limits.Get(r),
                r => podLevel.Limits.Get(r));
        }

        var classes = pod.AllContainers
            .Select(effective)
            .Select(e => ContainerClass(r => e.Request(r)?.Value, r => e.Limit(r)?.Value))
            .Distinct()
            .ToList();
        return classes.Count switch
        {
            0 => QosClass.BestEffort,
            1 => classes[0],
            _ => QosClass.Burstable,
        };
    }

    private static bool HasComputeValues(ResourceRequirements r) =>
        ComputeResources.Any(name => r.Requests.Get(name) is not null || r.Limits.Get(name) is not null);

    private static QosClass ContainerClass(Func<string, Quantity?> request, Func<string, Quantity?> limit)
    {
        var perResource = ComputeResources.Select(name =>
        {
            var req = request(name) ?? default;
            var lim = limit(name) ?? default;
            return req.IsZero && lim.IsZero ? QosClass.BestEffort
                : req == lim ? QosClass.Guaranteed
                : QosClass.Burstable;
        }).Distinct().ToList();
        return perResource.Count == 1 ? perResource[0] : QosClass.Burstable;
    }
}
