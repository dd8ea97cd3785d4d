using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Semantics;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1006: a pod whose QoS class is BestEffort: no container requests or limits cpu or memory. Every container of such a
/// pod has neither a memory request nor a limit; this one pod-level finding names them, and ML1001/ML1002 leave them to
/// it (see <see cref="MissingMemory"/>).
/// </summary>
public sealed class BestEffortPodRule() : Rule(RuleIds.BestEffortPod)
{
    /// <summary>How many containers the message names before "and N more".</summary>
    private const int NamedContainers = 2;

    public override void Initialize(RuleRegistration registration) => registration.RegisterPodAction(c =>
    {
        if (!Applies(c.Facts))
        {
            return;
        }

        c.Report(c.Pod.ContainersKeySpan, Message(c.Workload.DisplayName, c.Pod.AllContainers.Select(k => k.DisplayName).ToList()));
    });

    /// <summary>
    /// The pod is BestEffort, so this rule reports it. A pod without containers is invalid (ML0001 or the API server says
    /// so), not BestEffort; a compute value that does not parse or a malformed container leaves the class unknown.
    /// </summary>
    internal static bool Applies(PodFacts facts) =>
        facts.Qos == QosClass.BestEffort && facts.Workload.Pod.Containers.Any() && !facts.HasUnparsedComputeValue();

    internal static string Message(string workload, IReadOnlyList<string> containers)
    {
        var named = string.Join(", ", containers.Take(NamedContainers));
        var more = containers.Count > NamedContainers ? $" and {containers.Count - NamedContainers} more" : string.Empty;
        var verb = containers.Count == 1 ? "has" : "have";
        return $"{workload} runs BestEffort pods, killed first under memory pressure: {named}{more} {verb} no memory request or limit. Set resources.requests.memory and resources.limits.memory.";
    }
}
