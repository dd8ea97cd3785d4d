using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Autoscaling;

/// <summary>
/// ML6002: a VPA that evicts pods to apply recommendations (Recreate, the default; Auto; InPlaceOrRecreate as a
/// fallback) on a workload no PodDisruptionBudget covers. The updater evicts through the Eviction API, which only a
/// PDB can refuse; without one, VPA evictions add to node drains and rollouts with nothing to bound the total.
/// </summary>
public sealed class VpaEvictionWithoutDisruptionBudgetRule() : Rule(RuleIds.VpaEvictionWithoutDisruptionBudget, MinReplicas)
{
    /// <summary>Option <c>minReplicas</c>: the updater's <c>--min-replicas</c> flag (default 2); a VPA's own <c>updatePolicy.minReplicas</c> wins.</summary>
    public static readonly RuleOption<int> MinReplicas = RuleOption.WholeNumber("minReplicas", 2);

    /// <summary>Kinds whose absent <c>spec.replicas</c> defaults to 1.</summary>
    private static readonly HashSet<string> ReplicatedKinds = new(StringComparer.Ordinal) { "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController" };

    public override void Initialize(RuleRegistration registration) => registration.RegisterInputSetAction(c =>
    {
        foreach (var vpa in c.Index.VerticalPodAutoscalers.Where(v => v.Evicts))
        {
            var ns = vpa.Resource.Namespace;
            if (c.Index.Target(ns, vpa.Target) is not { } workload)
            {
                continue;
            }

            var minReplicas = vpa.MinReplicas ?? c.Option(MinReplicas);
            if (MostReplicas(c.Index, workload) is { } most && most < minReplicas)
            {
                continue;
            }

            var labels = InputIndex.PodLabels(workload);
            if (c.Index.DisruptionBudgetSelects(ns, labels))
            {
                continue;
            }

            var labelText = labels.Count == 0 ? "the pod template has no labels" : $"labels {{{string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}"))}}}";
            c.Report(
                vpa.Resource,
                vpa.UpdateModeEntry?.Value.Span ?? vpa.UpdatePolicyEntry?.Key.Span ?? vpa.Target?.Entry.Key.Span ?? vpa.Resource.KindSpan,
                $"VerticalPodAutoscaler {ns}/{vpa.Resource.Name} has {vpa.UpdateModeText}, so it evicts pods of {workload.DisplayName} to apply new requests, and no PodDisruptionBudget in namespace {ns} selects them ({labelText}). Add a PodDisruptionBudget for these labels, or use updateMode: Initial or Off.",
                workload.Resource.Name,
                new RelatedLocation(workload.Resource.KindSpan, $"{workload.DisplayName}, the VPA's target"));
        }
    });

    /// <summary>
    /// The most pods the workload can run, when the input tells: the largest maxReplicas of its HPAs, else
    /// <c>spec.replicas</c> (1 when absent for replicated kinds); null when unknown (DaemonSets, Jobs, custom kinds).
    /// The updater leaves a workload with fewer live pods than minReplicas alone.
    /// </summary>
    private static int? MostReplicas(InputIndex index, Workload workload)
    {
        var hpas = index.HorizontalPodAutoscalersOf(workload).ToList();
        if (hpas.Count > 0)
        {
            return hpas.Any(h => h.MaxReplicas is null) ? null : hpas.Max(h => h.MaxReplicas);
        }

        return InputIndex.Replicas(workload) ?? (ReplicatedKinds.Contains(workload.Resource.Kind) ? 1 : null);
    }
}
