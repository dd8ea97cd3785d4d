using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Autoscaling;

/// <summary>
/// ML6004: an HPA with a memory Utilization target on pods where a counted container has no effective memory
/// request. Utilization is a percentage of the summed requests of app and sidecar containers (regular init
/// containers are ignored); one missing request makes the controller fail on that metric
/// (replica_calculator.go, <c>calculatePodRequestsFromContainers</c>).
/// </summary>
public sealed class HpaMemoryUtilizationWithoutRequestRule() : Rule(RuleIds.HpaMemoryUtilizationWithoutRequest)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterInputSetAction(c =>
    {
        foreach (var hpa in c.Index.HorizontalPodAutoscalers)
        {
            if (c.Index.Target(hpa.Resource.Namespace, hpa.Target) is not { } workload)
            {
                continue;
            }

            var facts = c.Index.Facts(workload);
            var counted = workload.Pod.Containers.Concat(workload.Pod.InitContainers.Where(i => i.Kind == ContainerKind.Sidecar)).ToList();
            foreach (var metric in hpa.Metrics.Where(m => m.IsMemory && m.IsUtilization))
            {
                var at = metric.TargetTypeNode?.Span ?? metric.NameSpan;
                var prefix = $"HorizontalPodAutoscaler {hpa.Resource.Namespace}/{hpa.Resource.Name} scales {workload.DisplayName} on memory Utilization ({metric.DisplayName})";
                List<Container> lacking;
                if (metric.Type == "ContainerResource")
                {
                    if (counted.FirstOrDefault(k => k.Name == metric.Container) is not { } named)
                    {
                        c.Report(hpa.Resource, at, $"{prefix}, but its pods have no app or sidecar container \"{metric.Container}\", so the HPA never scales on this metric. Name an existing container.", $"{metric.Container}|not-found");
                        continue;
                    }

                    lacking = [named];
                }
                else if (workload.Pod.PodResources is { } podLevel && (podLevel.Requests.Values.Count > 0 || podLevel.Limits.Values.Count > 0))
                {
                    // PodLevelResources (beta 1.34): a Resource metric then uses the pod-level request, not the containers'.
                    continue;
                }
                else
                {
                    lacking = counted;
                }

                lacking = lacking.Where(k => facts.Effective(k).Request(ResourceNames.Memory) is null).ToList();
                if (lacking.Count == 0)
                {
                    continue;
                }

                var names = string.Join(" and ", lacking.Select(k => k.DisplayName));
                c.Report(
                    hpa.Resource,
                    at,
                    $"{prefix}, but {names} {(lacking.Count == 1 ? "has" : "have")} no memory request, so utilization is undefined and the HPA never scales on this metric. Set resources.requests.memory on {(lacking.Count == 1 ? "it" : "each of them")}, or use an AverageValue target.",
                    $"{metric.Type}|{metric.Container}",
                    [.. lacking.Select(k => new RelatedLocation(k.NameSpan, $"{k.DisplayName} of {workload.DisplayName} has no memory request"))]);
            }
        }
    });
}
