using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Autoscaling;

/// <summary>
/// ML6001: an HPA scales on memory while a VPA (not Off) sets the memory of the same workload. The VPA docs
/// (known-limitations.md) rule this out: raising the request lowers the utilization the HPA sees, and the two loops fight.
/// </summary>
public sealed class VpaHpaMemoryConflictRule() : Rule(RuleIds.VpaHpaMemoryConflict)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterInputSetAction(c =>
    {
        foreach (var hpa in c.Index.HorizontalPodAutoscalers)
        {
            if (hpa.Target is not { } target)
            {
                continue;
            }

            var ns = hpa.Resource.Namespace;
            var workload = c.Index.Target(ns, target);
            var vpas = c.Index.VerticalPodAutoscalersWithTarget(hpa).Where(v => v.AppliesRecommendations).ToList();
            foreach (var metric in hpa.Metrics.Where(m => m.IsMemory))
            {
                foreach (var vpa in vpas.Where(v => ControlsMemory(v, metric, workload)))
                {
                    c.Report(
                        hpa.Resource,
                        metric.NameSpan,
                        $"HorizontalPodAutoscaler {ns}/{hpa.Resource.Name} scales {target.DisplayName} on memory ({metric.DisplayName}{(metric.TargetType is { } type ? $", {type} target" : string.Empty)}) while VerticalPodAutoscaler {ns}/{vpa.Resource.Name} ({vpa.UpdateModeText}) sets its memory requests, so the two fight. Scale the HPA on cpu or a custom metric, or take memory out of the VPA.",
                        $"{metric.Type}|{metric.Container}|{vpa.Resource.Name}",
                        new RelatedLocation(vpa.UpdateModeEntry?.Value.Span ?? vpa.Resource.KindSpan, $"VerticalPodAutoscaler {ns}/{vpa.Resource.Name} controls memory"));
                }
            }
        }
    });

    /// <summary>
    /// Whether the VPA sets memory of the pods the metric measures: the named container of a ContainerResource metric,
    /// else any app container. Without the workload in the input, its containers follow the <c>*</c> policy (or none),
    /// and any named policy that controls memory is assumed to name a real container.
    /// </summary>
    private static bool ControlsMemory(VerticalPodAutoscaler vpa, HpaMetric metric, Workload? workload)
    {
        if (metric.Type == "ContainerResource" && metric.Container is { } container)
        {
            return vpa.ControlsMemoryOf(container);
        }

        return workload is not null
            ? workload.Pod.Containers.Any(c => vpa.ControlsMemoryOf(c.Name))
            : vpa.ControlsMemoryOf(VpaContainerPolicy.Wildcard) || vpa.ContainerPolicies.Any(p => p.ControlsMemory);
    }
}
