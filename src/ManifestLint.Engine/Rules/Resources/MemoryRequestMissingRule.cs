using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Jvm;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1002: a container with no memory request, no limit to default one from, and no LimitRange default:
/// the scheduler reserves nothing for it. A pod-level memory request (or limit, which it defaults from) covers
/// every container: with PodLevelResources (beta 1.34) the scheduler reserves the pod-level value. The Kubernetes
/// pause image, whose memory never grows, is not reported. A run-to-completion init container is reported only when
/// nothing else in the pod reserves memory while it runs (its missing request then changes the pod's effective request:
/// see <see cref="MissingMemory.ReservedBesideInit"/>). Without a request there is no limit either (a request defaults
/// from the limit), so the finding says both are missing and ML1001 leaves the container to it; a BestEffort pod's
/// containers are ML1006's, unless the configuration turns that rule off.
/// </summary>
public sealed class MemoryRequestMissingRule() : Rule(RuleIds.MemoryRequestMissing)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (!MissingMemory.ReportsRequest(c))
        {
            return;
        }

        var consequence = c.Container.Kind == ContainerKind.Init
            ? "no other container of the pod requests memory while it runs, so the pod's effective request for its init phase (the larger of each init container's request and the sum of the app and sidecar requests) is nothing: the scheduler reserves no memory for it, and under memory pressure the kubelet ranks all of the pod's usage as above its request when it picks pods to evict"
            : "the scheduler reserves no memory for it, so the node can be overcommitted and it is among the first evicted under memory pressure, and it can take memory until the node runs out";
        c.Report(
            c.Container.MissingFieldSpan(c.Container.Resources.Requests),
            $"{c.Subject} has no memory request or limit (nor a LimitRange default): {consequence}.{JvmNodeSizing.Note(c)} Set resources.requests.memory and resources.limits.memory.");
    });
}
