using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Fixes;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Engine.Rules.Jvm;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1001: a container (init containers included) without a memory limit, after LimitRange defaults.
/// A zero limit counts as none: the kubelet sets no cgroup limit for it. A pod-level memory limit bounds every
/// container through the pod cgroup (PodLevelResources, beta 1.34), so the node is protected and nothing is reported.
/// The Kubernetes pause image (capacity placeholders, image pullers) cannot grow and is not reported either.
/// </summary>
public sealed class MemoryLimitMissingRule() : Rule(RuleIds.MemoryLimitMissing)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (!MissingMemory.LimitMissing(c))
        {
            return;
        }

        var limit = c.Effective.Limit(ResourceNames.Memory);

        var at = limit?.OnContainerAt() ?? c.Container.MissingFieldSpan(c.Container.Resources.Limits);
        var what = limit is null ? "has no memory limit" : "has a memory limit of 0, which means no limit";
        c.Report(ResourceFixes.MemoryLimitFromRequest(c), at, $"{c.Subject} {what}: it can take memory until the node runs out, and then node-level OOM kills or evictions hit any pod on the node.{JvmNodeSizing.Note(c)} Set resources.limits.memory.", string.Empty, limit?.LimitRangeSource() ?? []);
    });
}
