using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Semantics;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1007: a pod with a critical priority class (system-cluster-critical, system-node-critical, or as
/// configured) whose QoS class is not Guaranteed.
/// </summary>
public sealed class CriticalPodNotGuaranteedRule() : Rule(RuleIds.CriticalPodNotGuaranteed, CriticalPriorityClasses)
{
    /// <summary>Option <c>criticalPriorityClasses</c>: the priority classes whose pods must be Guaranteed.</summary>
    public static readonly RuleOption<IReadOnlyList<string>> CriticalPriorityClasses = RuleOption.List("criticalPriorityClasses", "system-cluster-critical", "system-node-critical");

    public override void Initialize(RuleRegistration registration) => registration.RegisterPodAction(c =>
    {
        if (c.Pod.PriorityClassName is not { } priorityClass
            || !c.Option(CriticalPriorityClasses).Contains(priorityClass, StringComparer.Ordinal)
            || c.Facts.Qos == QosClass.Guaranteed
            || c.Facts.HasUnparsedComputeValue())
        {
            return;
        }

        var entry = c.Pod.Node.Entry("priorityClassName");
        c.Report(
            entry is null ? c.Pod.ContainersKeySpan : entry.Key.Span.Through(entry.Value.Span),
            Message(c.Workload.DisplayName, priorityClass, c.Facts.Qos.ToString()));
    });

    /// <summary>The headline: the workload, its priority class and QoS class, and the fix; why it matters is on the page.</summary>
    internal static string Message(string workload, string priorityClass, string qos) =>
        $"{workload} has priorityClassName {priorityClass} but its pods are {qos}, not Guaranteed. Set cpu and memory requests equal to limits in every container, init containers too.";
}
