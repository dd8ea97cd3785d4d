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
/// The Kubernetes pause image (capacity placeholders, image pullers) cannot grow and is not reported either. A container
/// with no request either is ML1002's ("no memory request or limit"), and the containers of a BestEffort pod are ML1006's
/// (see <see cref="MissingMemory"/>), unless the configuration turns those rules off.
/// </summary>
public sealed class MemoryLimitMissingRule() : Rule(RuleIds.MemoryLimitMissing)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (!MissingMemory.ReportsLimit(c))
        {
            return;
        }

        var limit = c.Effective.Limit(ResourceNames.Memory);

        var at = limit?.OnContainerAt() ?? c.Container.MissingFieldSpan(c.Container.Resources.Limits);
        // Without a request too, ML1002 reports the container, unless it is off (MissingMemory.ReportsLimit).
        var noRequest = MissingMemory.RequestMissing(c);
        var what = (limit, noRequest) switch
        {
            (null, true) => "has no memory request or limit",
            (null, false) => "has no memory limit",
            _ => "has a memory limit of 0, which means no limit",
        };
        var fix = noRequest ? "Set resources.requests.memory and resources.limits.memory." : "Set resources.limits.memory.";
        c.Report(ResourceFixes.MemoryLimitFromRequest(c), at, Message(c.Subject, what, JvmNodeSizing.Note(c), fix), string.Empty, limit?.LimitRangeSource() ?? []);
    });

    /// <summary>The headline: what is missing, the JVM's heap when it follows the node, and the fix; why it matters is on the page.</summary>
    internal static string Message(string subject, string what, string jvmNote, string fix) =>
        $"{subject} {what}, so it can use memory until the node runs out{jvmNote}. {fix}";
}
