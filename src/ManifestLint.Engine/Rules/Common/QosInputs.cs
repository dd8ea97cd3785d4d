using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Common;

/// <summary>Guards for the rules that judge a pod by its QoS class.</summary>
internal static class QosInputs
{
    private static readonly string[] ComputeResources = [ResourceNames.Cpu, ResourceNames.Memory];

    /// <summary>
    /// True when a cpu or memory request or limit that decides the QoS class does not parse. The class is then
    /// unknown (the API server rejects the pod, and ML0003 reports the value), so QoS rules stay quiet. So is it when a
    /// container is malformed (Container.IsMalformed, one ML0001).
    /// </summary>
    public static bool HasUnparsedComputeValue(this PodFacts facts)
    {
        var pod = facts.Workload.Pod;
        return pod.AllContainers.Any(k => k.IsMalformed)
            || pod.AllContainers.Select(facts.Effective).Any(e => ComputeResources.Any(r => e.Request(r) is { Value: null } || e.Limit(r) is { Value: null }))
            || (pod.PodResources is { } podLevel && ComputeResources.Any(r => podLevel.Requests[r] is { Value: null } || podLevel.Limits[r] is { Value: null }));
    }
}
