using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// When a container's missing memory request (ML1002) or limit (ML1001) is a finding, and which rule reports it, so that
/// one problem is one finding. The three rules split the shapes: a BestEffort pod (no container requests or limits cpu
/// or memory) is ML1006's one pod-level finding; a container with no request is ML1002's, and it has no limit either
/// (a request defaults from the limit), so that finding says both are missing; ML1001 keeps a container with a request
/// and no limit. A rule that leaves a shape to another reports it itself when the configuration turns that rule off.
/// </summary>
internal static class MissingMemory
{
    /// <summary>ML1001 and ML1002 stay quiet: the pod is BestEffort and ML1006 reports it, naming the containers.</summary>
    public static bool LeftToBestEffort(ContainerContext c) =>
        c.IsActive(RuleIds.BestEffortPod) && BestEffortPodRule.Applies(c.Facts);

    /// <summary>ML1002 reports the container: no request (and so no limit), not left to ML1006.</summary>
    public static bool ReportsRequest(ContainerContext c) => RequestMissing(c) && !LeftToBestEffort(c);

    /// <summary>ML1001 reports the container: no limit, and neither ML1006 nor ML1002 (for "no memory request or limit") does.</summary>
    public static bool ReportsLimit(ContainerContext c) =>
        LimitMissing(c) && !LeftToBestEffort(c) && !(c.IsActive(RuleIds.MemoryRequestMissing) && RequestMissing(c));

    /// <summary>ML1001's case: no memory limit (or 0, which means none) after defaulting, nothing at pod level, not the pause image.</summary>
    public static bool LimitMissing(ContainerContext c)
    {
        var limit = c.Effective.Limit(ResourceNames.Memory);
        return limit is not { Value: null } && (limit?.Value is not { } value || value.IsZero) && !PauseContainers.IsPause(c.Container)
            && c.Pod.PodResources?.Limits[ResourceNames.Memory] is not { Value: not { IsZero: true } };
    }

    /// <summary>
    /// ML1002's case: no memory request after defaulting (none written, no limit to copy, no LimitRange default), no
    /// pod-level memory, not the pause image; and for a run-to-completion init container, only where the missing request
    /// changes the pod's effective request (see <see cref="ReservedBesideInit"/>).
    /// </summary>
    public static bool RequestMissing(ContainerContext c) =>
        c.Effective.Request(ResourceNames.Memory) is null && !PauseContainers.IsPause(c.Container)
        && (c.Pod.PodResources?.Requests[ResourceNames.Memory] ?? c.Pod.PodResources?.Limits[ResourceNames.Memory]) is null
        && (c.Container.Kind != ContainerKind.Init || ReservedBesideInit(c) is null);

    /// <summary>
    /// For a run-to-completion init container: what the pod's effective request (KEP-753: the larger of the peak of the
    /// init phase, each init container with the sidecars declared before it, and app containers plus sidecars) reserves
    /// beyond the sidecars that run beside it, or null when that is nothing, so that any request it set would raise the
    /// pod's. The init container runs alone (next to those sidecars), so a pod that reserves memory for its app
    /// containers reserves it for the init container too.
    /// </summary>
    public static Quantity? ReservedBesideInit(ContainerContext c)
    {
        var request = PodResources.Request(c.Pod, c.Facts.Effective, ResourceNames.Memory).Total;
        if (c.Pod.Overhead.Get(ResourceNames.Memory) is { } overhead)
        {
            request -= overhead;
        }

        var sidecarsBefore = c.Pod.InitContainers.TakeWhile(k => !ReferenceEquals(k, c.Container))
            .Where(k => k.Kind == ContainerKind.Sidecar)
            .Aggregate(default(Quantity), (sum, k) => sum + (c.Facts.Effective(k).Request(ResourceNames.Memory)?.Value ?? default));
        return request > sidecarsBefore ? request - sidecarsBefore : null;
    }
}
