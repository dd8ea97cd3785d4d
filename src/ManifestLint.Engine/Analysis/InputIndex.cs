using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Cross-file lookups for rules that relate objects, built once per run: workloads by namespace, kind and name,
/// and per namespace the autoscalers, PodDisruptionBudgets, LimitRanges and ResourceQuotas found anywhere in the
/// input. Objects relate only within one namespace; when the same object appears twice, the first one wins.
/// </summary>
public sealed class InputIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<ManifestFile>, InputIndex> Cache = new();

    private readonly Dictionary<(string Namespace, string Kind, string Name), Workload> workloads = [];
    private readonly ILookup<string, Workload> workloadsByNamespace;
    private readonly ILookup<string, PodDisruptionBudget> pdbs;
    private readonly ILookup<string, LimitRange> limitRanges;
    private readonly ILookup<string, ResourceQuota> quotas;
    private readonly ConcurrentDictionary<Workload, PodFacts> facts = new(ReferenceEqualityComparer.Instance);

    public InputIndex(IReadOnlyList<ManifestFile> files)
    {
        foreach (var workload in files.SelectMany(f => f.Workloads))
        {
            workloads.TryAdd((workload.Resource.Namespace, workload.Resource.Kind, workload.Resource.Name), workload);
        }

        workloadsByNamespace = workloads.Values.ToLookup(w => w.Resource.Namespace, StringComparer.Ordinal);
        VerticalPodAutoscalers = files.SelectMany(f => f.Autoscaling.VerticalPodAutoscalers).ToList();
        HorizontalPodAutoscalers = files.SelectMany(f => f.Autoscaling.HorizontalPodAutoscalers).ToList();
        pdbs = files.SelectMany(f => f.Autoscaling.PodDisruptionBudgets).ToLookup(p => p.Resource.Namespace, StringComparer.Ordinal);
        limitRanges = files.SelectMany(f => f.LimitRanges).ToLookup(l => l.Resource.Namespace, StringComparer.Ordinal);
        quotas = files.SelectMany(f => f.ResourceQuotas).ToLookup(q => q.Resource.Namespace, StringComparer.Ordinal);
    }

    /// <summary>Every workload of the input, once per namespace, kind and name.</summary>
    public IEnumerable<Workload> Workloads => workloads.Values;

    public IReadOnlyList<VerticalPodAutoscaler> VerticalPodAutoscalers { get; }

    public IReadOnlyList<HorizontalPodAutoscaler> HorizontalPodAutoscalers { get; }

    /// <summary>The index of a run's files; the engine hands every input-set rule the same list, so it is built once.</summary>
    public static InputIndex For(IReadOnlyList<ManifestFile> files) => Cache.GetValue(files, f => new InputIndex(f));

    public IEnumerable<Workload> WorkloadsIn(string ns) => workloadsByNamespace[ns];

    public IEnumerable<PodDisruptionBudget> PodDisruptionBudgetsIn(string ns) => pdbs[ns];

    public IReadOnlyList<LimitRange> LimitRangesIn(string ns) => limitRanges[ns].ToList();

    public IEnumerable<ResourceQuota> ResourceQuotasIn(string ns) => quotas[ns];

    /// <summary>The workload an autoscaler in <paramref name="ns"/> points at, when it is in the input.</summary>
    public Workload? Target(string ns, TargetReference? target) =>
        target is null ? null : workloads.GetValueOrDefault((ns, target.Kind, target.Name));

    /// <summary>The HPAs of the namespace that scale the workload.</summary>
    public IEnumerable<HorizontalPodAutoscaler> HorizontalPodAutoscalersOf(Workload workload) =>
        HorizontalPodAutoscalers.Where(h => h.Resource.Namespace == workload.Resource.Namespace && h.Target is { } t
            && t.Kind == workload.Resource.Kind && t.Name == workload.Resource.Name);

    /// <summary>Effective container resources and QoS of a workload, with its namespace's LimitRanges applied.</summary>
    public PodFacts Facts(Workload workload) => facts.GetOrAdd(workload, w => new PodFacts(w, LimitRangesIn(w.Resource.Namespace)));

    /// <summary>The labels its pods get: the pod template's <c>metadata.labels</c> (a Pod's own labels).</summary>
    public static IReadOnlyDictionary<string, string> PodLabels(Workload workload)
    {
        var segments = workload.PodSpecPath.Split('.');
        var template = segments.Length == 1
            ? workload.Resource.Node
            : segments[..^1].Aggregate((MappingNode?)workload.Resource.Node, (node, key) => node?[key] as MappingNode);
        return template?["metadata"] is MappingNode metadata && metadata["labels"] is MappingNode labels
            ? labels.Entries.Where(e => e.KeyText is not null && e.Value is ScalarNode).ToDictionary(e => e.KeyText ?? string.Empty, e => ((ScalarNode)e.Value).Value, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary><c>spec.replicas</c> as written, or null when absent or not an integer.</summary>
    public static int? Replicas(Workload workload) =>
        workload.Resource.Node["spec"] is MappingNode spec && spec["replicas"] is ScalarNode { IsPlain: true } r && int.TryParse(r.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
