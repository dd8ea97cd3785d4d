using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Analysis;

/// <summary>A workload's identity: autoscalers and duplicates are matched on namespace, kind and name.</summary>
public sealed record WorkloadId(string Namespace, string Kind, string Name)
{
    public static WorkloadId Of(Workload workload) => new(workload.Resource.Namespace, workload.Resource.Kind, workload.Resource.Name);

    /// <summary>The workload an autoscaler of <paramref name="ns"/> points at.</summary>
    public static WorkloadId Of(string ns, TargetReference target) => new(ns, target.Kind, target.Name);
}

/// <summary>The autoscalers that target one workload, in input order.</summary>
internal sealed record TargetingAutoscalers(List<VerticalPodAutoscaler> Vertical, List<HorizontalPodAutoscaler> Horizontal);

/// <summary>
/// All that one file's rules need from the other files, and all that is kept for the whole run: per namespace the
/// LimitRanges, ResourceQuotas and PodDisruptionBudgets, and every autoscaler by the workload it targets. These are few
/// and small next to the workloads, whose models are released file by file. Built in input order by pass 1 of a run
/// (<see cref="PolicyScanner"/>), before any rule runs.
/// </summary>
internal sealed class PolicyIndex
{
    private readonly Dictionary<string, IReadOnlyList<LimitRange>> limitRanges;
    private readonly ILookup<string, ResourceQuota> quotas;
    private readonly ILookup<string, PodDisruptionBudget> pdbs;
    private readonly Dictionary<WorkloadId, TargetingAutoscalers> byTarget = [];
    private readonly HashSet<string> autoscalerNamespaces = new(StringComparer.Ordinal);

    public PolicyIndex(IEnumerable<ManifestFile> files)
    {
        // In path order (a stable sort keeps each file's own order): which of two LimitRanges of a namespace defaults a
        // container first, and which copy of an object defined twice counts, must not depend on the order files were given in.
        var list = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        limitRanges = list.SelectMany(f => f.LimitRanges)
            .GroupBy(l => l.Resource.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<LimitRange>)g.ToList(), StringComparer.Ordinal);
        quotas = list.SelectMany(f => f.ResourceQuotas).ToLookup(q => q.Resource.Namespace, StringComparer.Ordinal);
        pdbs = list.SelectMany(f => f.Autoscaling.PodDisruptionBudgets).ToLookup(p => p.Resource.Namespace, StringComparer.Ordinal);
        VerticalPodAutoscalers = list.SelectMany(f => f.Autoscaling.VerticalPodAutoscalers).ToList();
        HorizontalPodAutoscalers = list.SelectMany(f => f.Autoscaling.HorizontalPodAutoscalers).ToList();
        foreach (var vpa in VerticalPodAutoscalers)
        {
            autoscalerNamespaces.Add(vpa.Resource.Namespace);
            if (vpa.Target is { } target)
            {
                Targeting(WorkloadId.Of(vpa.Resource.Namespace, target), create: true)?.Vertical.Add(vpa);
            }
        }

        foreach (var hpa in HorizontalPodAutoscalers)
        {
            autoscalerNamespaces.Add(hpa.Resource.Namespace);
            if (hpa.Target is { } target)
            {
                Targeting(WorkloadId.Of(hpa.Resource.Namespace, target), create: true)?.Horizontal.Add(hpa);
            }
        }
    }

    public IReadOnlyList<VerticalPodAutoscaler> VerticalPodAutoscalers { get; }

    public IReadOnlyList<HorizontalPodAutoscaler> HorizontalPodAutoscalers { get; }

    public IReadOnlyList<LimitRange> LimitRangesIn(string ns) => limitRanges.GetValueOrDefault(ns) ?? [];

    public IEnumerable<ResourceQuota> ResourceQuotasIn(string ns) => quotas[ns];

    public IEnumerable<PodDisruptionBudget> PodDisruptionBudgetsIn(string ns) => pdbs[ns];

    /// <summary>A VPA or an HPA lives in the namespace: its workloads may be named in an ML6005 hint.</summary>
    public bool HasAutoscalersIn(string ns) => autoscalerNamespaces.Contains(ns);

    /// <summary>The autoscalers that target the workload; null when none does.</summary>
    public TargetingAutoscalers? Targeting(WorkloadId workload) => Targeting(workload, create: false);

    /// <summary>Whether a cross-file rule can say anything about the workload: an autoscaler targets it, or a ResourceQuota is in its namespace.</summary>
    public bool Relates(WorkloadId workload) => byTarget.ContainsKey(workload) || quotas.Contains(workload.Namespace);

    private TargetingAutoscalers? Targeting(WorkloadId workload, bool create)
    {
        if (!byTarget.TryGetValue(workload, out var found) && create)
        {
            byTarget[workload] = found = new TargetingAutoscalers([], []);
        }

        return found;
    }
}
