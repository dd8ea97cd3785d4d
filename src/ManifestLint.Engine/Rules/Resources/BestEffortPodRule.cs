using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Semantics;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>ML1006: a pod whose QoS class is BestEffort: no container requests or limits cpu or memory.</summary>
public sealed class BestEffortPodRule() : Rule(RuleIds.BestEffortPod)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterPodAction(c =>
    {
        // A pod without containers is invalid (ML0001 or the API server says so), not BestEffort.
        if (c.Facts.Qos != QosClass.BestEffort || !c.Pod.Containers.Any() || c.Facts.HasUnparsedComputeValue())
        {
            return;
        }

        c.Report(
            c.Pod.ContainersKeySpan,
            $"{c.Workload.DisplayName} runs BestEffort pods (no container requests or limits cpu or memory): they get oom_score_adj 1000, so the kernel kills them first when the node runs out of memory, and the kubelet evicts them first. Set memory requests and limits.");
    });
}
