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

        c.Report(
            c.Container.MissingFieldSpan(c.Container.Resources.Requests),
            Message(c.Subject, c.Container.Kind == ContainerKind.Init, JvmNodeSizing.Note(c)));
    });

    /// <summary>
    /// The headline: both are missing (a request defaults from the limit), what that leaves the scheduler, and the fix.
    /// For a run-to-completion init container, that nothing else reserves memory while it runs (the pod's effective
    /// request is the larger of each init container's and the app and sidecar containers' sum).
    /// </summary>
    internal static string Message(string subject, bool runToCompletionInit, string jvmNote)
    {
        var consequence = runToCompletionInit
            ? ", and no other container of the pod requests memory while it runs, so the scheduler reserves none for it"
            : ", so the scheduler reserves none for it and it can use memory until the node runs out";
        return $"{subject} has no memory request or limit{consequence}{jvmNote}. Set resources.requests.memory and resources.limits.memory.";
    }
}
