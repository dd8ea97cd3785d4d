using System.Numerics;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Autoscaling;

/// <summary>
/// ML6003: VPA memory bounds that contradict themselves (minAllowed above maxAllowed: the VPA admission webhook
/// rejects the object) or the manifest (maxAllowed below the container's current request: the VPA will lower it).
/// </summary>
public sealed class VpaMemoryBoundsConflictRule() : Rule(RuleIds.VpaMemoryBoundsConflict)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterInputSetAction(c =>
    {
        foreach (var vpa in c.Index.VerticalPodAutoscalers)
        {
            var name = $"VerticalPodAutoscaler {vpa.Resource.Namespace}/{vpa.Resource.Name}";
            foreach (var policy in vpa.ContainerPolicies)
            {
                if (policy.MinAllowed[ResourceNames.Memory] is { Value: { } min } minValue
                    && policy.MaxAllowed[ResourceNames.Memory] is { Value: { } max } maxValue
                    && min > max)
                {
                    c.Report(
                        vpa.Resource,
                        maxValue.Node.Span,
                        $"{name}, containerPolicies \"{policy.ContainerName}\": minAllowed memory {minValue.Text} is above maxAllowed memory {maxValue.Text}, so the VPA admission controller rejects it. Make minAllowed at most maxAllowed.",
                        $"min>max|{policy.ContainerName}",
                        new RelatedLocation(minValue.Node.Span, "minAllowed memory"));
                }
            }

            if (!vpa.AppliesRecommendations || c.Index.Target(vpa.Resource.Namespace, vpa.Target) is not { } workload)
            {
                continue;
            }

            var facts = c.Index.Facts(workload);
            foreach (var container in workload.Pod.Containers)
            {
                if (vpa.PolicyFor(container.Name) is not { ControlsMemory: true } policy
                    || policy.MaxAllowed[ResourceNames.Memory] is not { Value: { } max } maxValue
                    || facts.Effective(container).Request(ResourceNames.Memory) is not { Value: { } request } requestValue
                    || request <= max)
                {
                    continue;
                }

                var limit = facts.Effective(container).Limit(ResourceNames.Memory)?.Value;
                var limitEffect = limit is { IsZero: false } l && policy.ScalesLimits
                    ? $"; the limit scales down with it, from {l} to at most {new Quantity((Int128)((BigInteger)l.NanoUnits * (BigInteger)max.NanoUnits / (BigInteger)request.NanoUnits))}"
                    : string.Empty;
                c.Report(
                    vpa.Resource,
                    maxValue.Node.Span,
                    $"{name} caps the memory request of {workload.DisplayName}, {container.DisplayName} at maxAllowed {maxValue.Text}, below its request of {requestValue.Describe()}{limitEffect}. Raise maxAllowed to at least {request} or lower the request.",
                    $"max<request|{container.Name}",
                    [new RelatedLocation(requestValue.WrittenAt() ?? container.NameSpan, $"memory request of {container.DisplayName}"), .. requestValue.LimitRangeSource()]);
            }
        }
    });
}
