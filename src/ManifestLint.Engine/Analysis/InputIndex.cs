using System.Collections.Concurrent;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Cross-file lookups for rules that relate objects (<see cref="RuleRegistration.RegisterInputSetAction"/>). The engine
/// never holds every file's model at once, so an index covers a slice of the input: one workload (with the autoscalers
/// that target it from its scope), or the autoscalers that no workload of the input took. Every workload and every
/// autoscaler is in one slice at least; the namespace policies (LimitRanges, ResourceQuotas, PodDisruptionBudgets)
/// are looked up from the slice's scope (<see cref="InputScope"/>). Objects relate only within one namespace and one
/// scope, and every lookup goes through an index: no rule scans all objects of a namespace.
/// </summary>
public sealed class InputIndex
{
    private readonly PolicyIndex policies;
    private readonly InputScope scope;
    private readonly Dictionary<WorkloadId, Workload> workloads;
    private readonly ILookup<(string Scope, string Namespace), WorkloadId> workloadIds;
    private IReadOnlySet<(string Scope, WorkloadId Id)>? present;
    private readonly ConcurrentDictionary<(string Scope, string Namespace), ILookup<string, WorkloadId>> byName = new();
    private readonly Func<Workload, PodFacts> facts;
    private readonly ConcurrentDictionary<(string Scope, string Namespace), IReadOnlyList<WorkloadId>> sortedWorkloads = new();

    /// <summary>The whole input as one slice, every file's model held at once: for callers with few files (tests, tools).</summary>
    public InputIndex(IReadOnlyList<ManifestFile> files)
    {
        policies = new PolicyIndex(files.Select(f => (f, InputScope.Of(AnalysisInput.FromText(f.Path, string.Empty), null))));
        scope = InputScope.Default;
        workloads = [];
        foreach (var workload in files.SelectMany(f => f.Workloads))
        {
            workloads.TryAdd(WorkloadId.Of(workload), workload);
        }

        workloadIds = workloads.Keys.ToLookup(w => (string.Empty, w.Namespace));
        VerticalPodAutoscalers = policies.VerticalPodAutoscalers.Select(v => v.Autoscaler).ToList();
        HorizontalPodAutoscalers = policies.HorizontalPodAutoscalers.Select(h => h.Autoscaler).ToList();
        var cache = new ConcurrentDictionary<Workload, PodFacts>(ReferenceEqualityComparer.Instance);
        facts = w => cache.GetOrAdd(w, x => new PodFacts(x, policies.LimitRangesFor(scope, x.Resource.Namespace)));
    }

    private InputIndex(
        PolicyIndex policies,
        InputScope scope,
        Dictionary<WorkloadId, Workload> workloads,
        ILookup<(string, string), WorkloadId> workloadIds,
        IReadOnlyList<VerticalPodAutoscaler> vpas,
        IReadOnlyList<HorizontalPodAutoscaler> hpas,
        Func<Workload, PodFacts> facts)
    {
        this.policies = policies;
        this.scope = scope;
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
    /// The slice of one workload: the autoscalers that target it from its scope, and the facts its file's rules
    /// computed. The engine makes one for each workload that an autoscaler targets or whose namespace has a
    /// ResourceQuota, while the workload's file is loaded.
    /// </summary>
    internal static InputIndex Slice(PolicyIndex policies, InputScope scope, Workload workload, PodFacts workloadFacts, TargetingAutoscalers targeting)
    {
        var id = WorkloadId.Of(workload);
        return new InputIndex(
            policies,
            scope,
            new Dictionary<WorkloadId, Workload> { [id] = workload },
            new[] { id }.ToLookup(w => (scope.Key, w.Namespace)),
            targeting.Vertical,
            targeting.Horizontal,
            w => ReferenceEquals(w, workload) ? workloadFacts : new PodFacts(w, policies.LimitRangesFor(scope, w.Resource.Namespace)));
    }

    /// <summary>
    /// The slice of the autoscalers that no workload took (their target is not in their scope, or not in the input),
    /// with no workload model; <paramref name="workloadIds"/> names the workloads of the namespaces that have
    /// autoscalers, by scope.
    /// </summary>
    internal static InputIndex Rest(PolicyIndex policies, IReadOnlyList<VerticalPodAutoscaler> vpas, IReadOnlyList<HorizontalPodAutoscaler> hpas, IReadOnlySet<(string Scope, WorkloadId Id)> workloadIds) => new(
        policies,
        InputScope.Default,
        [],
        workloadIds.ToLookup(w => (w.Scope, w.Id.Namespace), w => w.Id),
        vpas,
        hpas,
        w => new PodFacts(w, []))
    {
        present = workloadIds,
    };

    /// <summary>
    /// The workloads of the autoscaler's namespace in its scope, by name only (the slice of missing targets holds no
    /// workload model), sorted by kind and name.
    /// </summary>
    public IReadOnlyList<WorkloadId> WorkloadsNear(KubeResource autoscaler)
    {
        var key = (policies.ScopeOf(autoscaler.Span.Path).Key, autoscaler.Namespace);
        return sortedWorkloads.GetOrAdd(key, k => [.. workloadIds[k].Distinct().OrderBy(w => w.Kind, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal)]);
    }

    /// <summary>The first (by kind) workload named <paramref name="name"/> in the autoscaler's namespace and scope; a lookup, not a scan.</summary>
    public WorkloadId? WorkloadNamedNear(KubeResource autoscaler, string name)
    {
        var key = (policies.ScopeOf(autoscaler.Span.Path).Key, autoscaler.Namespace);
        return byName.GetOrAdd(key, _ => WorkloadsNear(autoscaler).ToLookup(w => w.Name, StringComparer.Ordinal))[name].FirstOrDefault();
    }

    /// <summary>Whether the workload the autoscaler targets is defined in its scope (it may have taken a nearer copy of the autoscaler).</summary>
    public bool TargetInScope(KubeResource autoscaler, TargetReference target) =>
        present?.Contains((policies.ScopeOf(autoscaler.Span.Path).Key, WorkloadId.Of(autoscaler.Namespace, target))) ?? Target(autoscaler.Namespace, target) is not null;

    /// <summary>Whether a PodDisruptionBudget of the workload's namespace, in the slice's scope, selects pods with these labels.</summary>
    public bool DisruptionBudgetSelects(string ns, IReadOnlyDictionary<string, string> podLabels) =>
        policies.DisruptionBudgetsFor(scope, ns).AnySelects(podLabels);

    public IReadOnlyList<LimitRange> LimitRangesIn(string ns) => policies.LimitRangesFor(scope, ns);

    public IReadOnlyList<ResourceQuota> ResourceQuotasIn(string ns) => policies.QuotasFor(scope, ns);

    /// <summary>The workload an autoscaler in <paramref name="ns"/> points at, when it is in the slice.</summary>
    public Workload? Target(string ns, TargetReference? target) =>
        target is null ? null : workloads.GetValueOrDefault(WorkloadId.Of(ns, target));

    /// <summary>The HPAs of the slice that scale the workload.</summary>
    public IEnumerable<HorizontalPodAutoscaler> HorizontalPodAutoscalersOf(Workload workload) =>
        HorizontalPodAutoscalers.Where(h => h.Resource.Namespace == workload.Resource.Namespace && h.Target is { } t
            && t.Kind == workload.Resource.Kind && t.Name == workload.Resource.Name);

    /// <summary>
    /// The VPAs that set the memory of the HPA's target, seen from the HPA: in a workload's slice those of the slice,
    /// else the nearest copy of each VPA of the HPA's scope that targets the same workload (an index lookup).
    /// </summary>
    public IEnumerable<VerticalPodAutoscaler> VerticalPodAutoscalersWithTarget(HorizontalPodAutoscaler hpa)
    {
        if (hpa.Target is not { } target)
        {
            return [];
        }

        var id = WorkloadId.Of(hpa.Resource.Namespace, target);
        var candidates = workloads.Count > 0
            ? VerticalPodAutoscalers
            : policies.Targeting(policies.ScopeOf(hpa.Resource.Span.Path), id).Vertical;
        return candidates.Where(v => v.Resource.Namespace == id.Namespace && v.Target is { } t && t.Kind == id.Kind && t.Name == id.Name);
    }

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
