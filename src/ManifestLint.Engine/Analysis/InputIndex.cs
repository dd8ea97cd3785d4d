using System.Collections.Concurrent;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Cross-file lookups for rules that relate objects (<see cref="RuleRegistration.RegisterInputSetAction"/>). The engine
/// never holds every file's model at once, so an index covers a slice of the input: one workload (with the autoscalers
/// that target it), or the autoscalers whose target is not in the input. Every workload and every autoscaler is in
/// exactly one slice; the namespace policies (LimitRanges, ResourceQuotas, PodDisruptionBudgets) are in all of them.
/// Objects relate only within one namespace; when the same workload appears twice, the first one wins.
/// </summary>
public sealed class InputIndex
{
    private readonly PolicyIndex policies;
    private readonly Dictionary<WorkloadId, Workload> workloads;
    private readonly ILookup<string, WorkloadId> workloadIds;
    private readonly Func<Workload, PodFacts> facts;

    /// <summary>The whole input as one slice, every file's model held at once: for callers with few files (tests, tools).</summary>
    public InputIndex(IReadOnlyList<ManifestFile> files)
    {
        policies = new PolicyIndex(files);
        workloads = [];
        foreach (var workload in files.SelectMany(f => f.Workloads))
        {
            workloads.TryAdd(WorkloadId.Of(workload), workload);
        }

        workloadIds = workloads.Keys.ToLookup(w => w.Namespace, StringComparer.Ordinal);
        VerticalPodAutoscalers = policies.VerticalPodAutoscalers;
        HorizontalPodAutoscalers = policies.HorizontalPodAutoscalers;
        var cache = new ConcurrentDictionary<Workload, PodFacts>(ReferenceEqualityComparer.Instance);
        facts = w => cache.GetOrAdd(w, x => new PodFacts(x, policies.LimitRangesIn(x.Resource.Namespace)));
    }

    private InputIndex(
        PolicyIndex policies,
        Dictionary<WorkloadId, Workload> workloads,
        ILookup<string, WorkloadId> workloadIds,
        IReadOnlyList<VerticalPodAutoscaler> vpas,
        IReadOnlyList<HorizontalPodAutoscaler> hpas,
        Func<Workload, PodFacts> facts)
    {
        this.policies = policies;
        this.workloads = workloads;
        this.workloadIds = workloadIds;
        this.facts = facts;
        VerticalPodAutoscalers = vpas;
        HorizontalPodAutoscalers = hpas;
    }

    /// <summary>Every workload of the slice, once per namespace, kind and name.</summary>
    public IEnumerable<Workload> Workloads => workloads.Values;

    public IReadOnlyList<VerticalPodAutoscaler> VerticalPodAutoscalers { get; }

    public IReadOnlyList<HorizontalPodAutoscaler> HorizontalPodAutoscalers { get; }

    /// <summary>
    /// The slice of one workload: its autoscalers, and the facts its file's rules computed. The engine makes one for
    /// each workload that an autoscaler targets or whose namespace has a ResourceQuota, while the workload's file is loaded.
    /// </summary>
    internal static InputIndex Slice(PolicyIndex policies, Workload workload, PodFacts workloadFacts)
    {
        var id = WorkloadId.Of(workload);
        var targeting = policies.Targeting(id);
        return new InputIndex(
            policies,
            new Dictionary<WorkloadId, Workload> { [id] = workload },
            new[] { id }.ToLookup(w => w.Namespace, StringComparer.Ordinal),
            targeting?.Vertical ?? [],
            targeting?.Horizontal ?? [],
            w => ReferenceEquals(w, workload) ? workloadFacts : new PodFacts(w, policies.LimitRangesIn(w.Resource.Namespace)));
    }

    /// <summary>
    /// The slice of the autoscalers whose target is not in the input (<paramref name="present"/> holds the targets that
    /// are), with no workload model; <paramref name="workloadIds"/> names the workloads of the namespaces that have autoscalers.
    /// </summary>
    internal static InputIndex Rest(PolicyIndex policies, IReadOnlySet<WorkloadId> present, ILookup<string, WorkloadId> workloadIds) => new(
        policies,
        [],
        workloadIds,
        policies.VerticalPodAutoscalers.Where(v => v.Target is null || !present.Contains(WorkloadId.Of(v.Resource.Namespace, v.Target))).ToList(),
        policies.HorizontalPodAutoscalers.Where(h => h.Target is null || !present.Contains(WorkloadId.Of(h.Resource.Namespace, h.Target))).ToList(),
        w => new PodFacts(w, policies.LimitRangesIn(w.Resource.Namespace)));

    /// <summary>The workloads of a namespace, by name only (the slice of missing targets holds no workload model), in input order.</summary>
    public IReadOnlyList<WorkloadId> WorkloadsIn(string ns) => workloadIds[ns].ToList();

    public IEnumerable<PodDisruptionBudget> PodDisruptionBudgetsIn(string ns) => policies.PodDisruptionBudgetsIn(ns);

    public IReadOnlyList<LimitRange> LimitRangesIn(string ns) => policies.LimitRangesIn(ns);

    public IEnumerable<ResourceQuota> ResourceQuotasIn(string ns) => policies.ResourceQuotasIn(ns);

    /// <summary>The workload an autoscaler in <paramref name="ns"/> points at, when it is in the slice.</summary>
    public Workload? Target(string ns, TargetReference? target) =>
        target is null ? null : workloads.GetValueOrDefault(WorkloadId.Of(ns, target));

    /// <summary>The HPAs of the namespace that scale the workload.</summary>
    public IEnumerable<HorizontalPodAutoscaler> HorizontalPodAutoscalersOf(Workload workload) =>
        HorizontalPodAutoscalers.Where(h => h.Resource.Namespace == workload.Resource.Namespace && h.Target is { } t
            && t.Kind == workload.Resource.Kind && t.Name == workload.Resource.Name);

    /// <summary>Effective container resources and QoS of a workload, with its namespace's LimitRanges applied.</summary>
    public PodFacts Facts(Workload workload) => facts(workload);

    /// <summary>The labels its pods get: the pod template's <c>metadata.labels</c> (a Pod's own labels).</summary>
    public static IReadOnlyDictionary<string, string> PodLabels(Workload workload)
    {
        var segments = workload.PodSpecPath.Split('.');
        var template = segments.Length == 1
            ? workload.Resource.Node
            : segments[..^1].Aggregate((MappingNode?)workload.Resource.Node, (node, key) => node?[key] as MappingNode);
        return template?["metadata"] is MappingNode metadata && metadata["labels"] is MappingNode labels
            ? labels.Entries.Where(e => e.KeyText is not null && e.Value is ScalarNode)
                .GroupBy(e => e.KeyText ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ((ScalarNode)g.Last().Value).Value, StringComparer.Ordinal) // a repeated label: the last wins, as decoding keeps
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary><c>spec.replicas</c> as written, or null when absent or not an integer.</summary>
    public static int? Replicas(Workload workload) =>
        workload.Resource.Node["spec"] is MappingNode spec && spec["replicas"] is ScalarNode { IsPlain: true } r && int.TryParse(r.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
