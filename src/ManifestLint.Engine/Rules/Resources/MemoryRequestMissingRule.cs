using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1002: a container with no memory request, no limit to default one from, and no LimitRange default:
/// the scheduler reserves nothing for it. A pod-level memory request (or limit, which it defaults from) covers
/// every container: with PodLevelResources (beta 1.34) the scheduler reserves the pod-level value. The Kubernetes
/// pause image, whose memory never grows, is not reported.
/// </summary>
public sealed class MemoryRequestMissingRule() : Rule(RuleIds.MemoryRequestMissing)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (c.Effective.Request(ResourceNames.Memory) is not null || PauseContainers.IsPause(c.Container)
            || (c.Pod.PodResources?.Requests[ResourceNames.Memory] ?? c.Pod.PodResources?.Limits[ResourceNames.Memory]) is not null)
        {
            return;
        }

        c.Report(
            c.Container.MissingFieldSpan(c.Container.Resources.Requests),
            $"{c.Subject} has no memory request (and no memory limit or LimitRange default to take one from): the scheduler reserves no memory for it, so the node can be overcommitted and it is among the first evicted under memory pressure. Set resources.requests.memory.");
    });
}
