using System.Collections.Concurrent;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Analysis;

/// <summary>A workload's identity: autoscalers and duplicates are matched on namespace, kind and name.</summary>
public sealed record WorkloadId(string Namespace, string Kind, string Name)
{
    public static WorkloadId Of(Workload workload) => new(workload.Resource.Namespace, workload.Resource.Kind, workload.Resource.Name);

    /// <summary>The workload an autoscaler of <paramref name="ns"/> points at.</summary>
    public static WorkloadId Of(string ns, TargetReference target) => new(ns, target.Kind, target.Name);
}

/// <summary>The autoscalers that target one workload, in path order.</summary>
internal sealed record TargetingAutoscalers(IReadOnlyList<VerticalPodAutoscaler> Vertical, IReadOnlyList<HorizontalPodAutoscaler> Horizontal)
{
    public static TargetingAutoscalers None { get; } = new([], []);

    public bool IsEmpty => Vertical.Count == 0 && Horizontal.Count == 0;
}

/// <summary>A policy object defined again where it already was (same scope, or same file by default).</summary>
internal sealed record DuplicateDefinition(KubeResource Copy, KubeResource First);

/// <summary>
/// All that one file's rules need from the other files, and all that is kept for the whole run: the LimitRanges,
/// ResourceQuotas, PodDisruptionBudgets and autoscalers of the input. These are few and small next to the workloads,
/// whose models are released file by file. Built in path order by pass 1 of a run (<see cref="PolicyScanner"/>),
/// before any rule runs.
/// <para>
/// Every lookup is by scope (<see cref="InputScope"/>), namespace and identity, never a scan of a namespace: an
/// object defined twice in one scope counts once (the first in path order; the others are
/// <see cref="Duplicates"/>), and of copies in several directories the one nearest to the asking workload counts.
/// Results for a place are cached, since the workloads of one directory ask the same questions.
/// </para>
/// </summary>
internal sealed class PolicyIndex
{
    private readonly Dictionary<string, InputScope> scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<object, int> order = new(ReferenceEqualityComparer.Instance);
    private readonly ScopedTable<LimitRange> limitRanges = new();
    private readonly ScopedTable<ResourceQuota> quotas = new();
    private readonly ScopedTable<PodDisruptionBudget> pdbs = new();
    private readonly ScopedTable<VerticalPodAutoscaler> vpas = new();
    private readonly ScopedTable<HorizontalPodAutoscaler> hpas = new();
    private readonly Dictionary<(string Scope, string Namespace), List<string>> limitRangeNames = [];
    private readonly Dictionary<(string Scope, string Namespace), List<string>> quotaNames = [];
    private readonly Dictionary<(string Scope, string Namespace), List<string>> pdbNames = [];
    private readonly Dictionary<(string Scope, WorkloadId Target), List<string>> vpaNames = [];
    private readonly Dictionary<(string Scope, WorkloadId Target), List<string>> hpaNames = [];
    private readonly HashSet<string> autoscalerNamespaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Scope, string Namespace, string Place), IReadOnlyList<LimitRange>> limitRangeCache = new();
    private readonly ConcurrentDictionary<(string Scope, string Namespace, string Place), IReadOnlyList<ResourceQuota>> quotaCache = new();
    private readonly ConcurrentDictionary<(string Scope, string Namespace, string Place), DisruptionBudgetIndex> pdbCache = new();

    public PolicyIndex(IEnumerable<(ManifestFile File, InputScope Scope)> files)
    {
        var seen = new Dictionary<(string Unit, string Kind, string Namespace, string Name), KubeResource>();
        var duplicates = new List<DuplicateDefinition>();
        var vertical = new List<(VerticalPodAutoscaler, InputScope)>();
        var horizontal = new List<(HorizontalPodAutoscaler, InputScope)>();

        // In path order (a stable sort keeps each file's own order): which of two LimitRanges of a namespace defaults a
        // container first, and which copy of an object defined twice counts, must not depend on the order files were given in.
        foreach (var (file, scope) in files.OrderBy(f => f.File.Path, StringComparer.Ordinal))
        {
            scopes[file.Path] = scope;
            bool First(KubeResource resource, object item)
            {
                if (seen.TryGetValue((scope.Unit, resource.Kind, resource.Namespace, resource.Name), out var first))
                {
                    duplicates.Add(new DuplicateDefinition(resource, first));
                    return false;
                }

                seen.Add((scope.Unit, resource.Kind, resource.Namespace, resource.Name), resource);
                order[item] = order.Count;
                return true;
            }

            foreach (var limitRange in file.LimitRanges.Where(l => First(l.Resource, l)))
            {
                Register(limitRanges, limitRangeNames, scope, limitRange.Resource, limitRange);
            }

            foreach (var quota in file.ResourceQuotas.Where(q => First(q.Resource, q)))
            {
                Register(quotas, quotaNames, scope, quota.Resource, quota);
            }

            foreach (var pdb in file.Autoscaling.PodDisruptionBudgets.Where(p => First(p.Resource, p)))
            {
                Register(pdbs, pdbNames, scope, pdb.Resource, pdb);
            }

            foreach (var vpa in file.Autoscaling.VerticalPodAutoscalers.Where(v => First(v.Resource, v)))
            {
                autoscalerNamespaces.Add(vpa.Resource.Namespace);
                vertical.Add((vpa, scope));
                if (vpa.Target is { } target)
                {
                    Register(vpas, vpaNames, scope, vpa.Resource, vpa, WorkloadId.Of(vpa.Resource.Namespace, target));
                }
            }

            foreach (var hpa in file.Autoscaling.HorizontalPodAutoscalers.Where(h => First(h.Resource, h)))
            {
                autoscalerNamespaces.Add(hpa.Resource.Namespace);
                horizontal.Add((hpa, scope));
                if (hpa.Target is { } target)
                {
                    Register(hpas, hpaNames, scope, hpa.Resource, hpa, WorkloadId.Of(hpa.Resource.Namespace, target));
                }
            }
        }

        Duplicates = duplicates;
        VerticalPodAutoscalers = vertical;
        HorizontalPodAutoscalers = horizontal;
        AutoscalerPaths = vertical.Select(v => v.Item1.Resource.Span.Path).Concat(horizontal.Select(h => h.Item1.Resource.Span.Path)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every VPA of the input (the first copy of each per scope) with its file's scope, in path order.</summary>
    public IReadOnlyList<(VerticalPodAutoscaler Autoscaler, InputScope Scope)> VerticalPodAutoscalers { get; }

    public IReadOnlyList<(HorizontalPodAutoscaler Autoscaler, InputScope Scope)> HorizontalPodAutoscalers { get; }

    /// <summary>The files that hold an autoscaler: cross-file rules report on them from other files' workloads.</summary>
    public IReadOnlySet<string> AutoscalerPaths { get; }

    /// <summary>Policy objects defined a second time in one scope; only the first counts.</summary>
    public IReadOnlyList<DuplicateDefinition> Duplicates { get; }

    /// <summary>The scope of a file that holds policy objects; the default scope for any other.</summary>
    public InputScope ScopeOf(string path) => scopes.GetValueOrDefault(path) ?? InputScope.Default;

    /// <summary>The LimitRanges that apply in namespace <paramref name="ns"/> at the scope's place, in path order.</summary>
    public IReadOnlyList<LimitRange> LimitRangesFor(InputScope scope, string ns) =>
        limitRangeNames.ContainsKey((scope.Key, ns)) ? limitRangeCache.GetOrAdd((scope.Key, ns, scope.Place), k => Resolve(limitRanges, limitRangeNames, k)) : [];

    public IReadOnlyList<ResourceQuota> QuotasFor(InputScope scope, string ns) =>
        quotaNames.ContainsKey((scope.Key, ns)) ? quotaCache.GetOrAdd((scope.Key, ns, scope.Place), k => Resolve(quotas, quotaNames, k)) : [];

    /// <summary>The PodDisruptionBudgets of the namespace at the scope's place, indexed by selector.</summary>
    public DisruptionBudgetIndex DisruptionBudgetsFor(InputScope scope, string ns) =>
        pdbNames.ContainsKey((scope.Key, ns)) ? pdbCache.GetOrAdd((scope.Key, ns, scope.Place), k => new DisruptionBudgetIndex(Resolve(pdbs, pdbNames, k))) : DisruptionBudgetIndex.Empty;

    /// <summary>A VPA or an HPA lives in the namespace: its workloads may be named in an ML6005 hint.</summary>
    public bool HasAutoscalersIn(string ns) => autoscalerNamespaces.Contains(ns);

    /// <summary>The autoscalers that target the workload from the scope's place: of each autoscaler, the nearest copy.</summary>
    public TargetingAutoscalers Targeting(InputScope scope, WorkloadId workload)
    {
        var vertical = vpaNames.GetValueOrDefault((scope.Key, workload));
        var horizontal = hpaNames.GetValueOrDefault((scope.Key, workload));
        if (vertical is null && horizontal is null)
        {
            return TargetingAutoscalers.None;
        }

        return new TargetingAutoscalers(
            vertical is null ? [] : Sorted(vertical.Select(n => vpas.Nearest(scope.Key, n, scope.Place)).OfType<VerticalPodAutoscaler>()),
            horizontal is null ? [] : Sorted(horizontal.Select(n => hpas.Nearest(scope.Key, n, scope.Place)).OfType<HorizontalPodAutoscaler>()));
    }

    /// <summary>Whether a cross-file rule can say anything about the workload: an autoscaler targets it, or a ResourceQuota is in its namespace.</summary>
    public bool Relates(InputScope scope, WorkloadId workload) =>
        vpaNames.ContainsKey((scope.Key, workload)) || hpaNames.ContainsKey((scope.Key, workload)) || quotaNames.ContainsKey((scope.Key, workload.Namespace));

    private static void Register<T>(ScopedTable<T> table, Dictionary<(string, string), List<string>> names, InputScope scope, KubeResource resource, T item)
        where T : class
    {
        var identity = resource.Name;
        table.Add(scope.Key, $"{resource.Namespace}\u0000{identity}", scope.Place, item);
        if (!names.TryGetValue((scope.Key, resource.Namespace), out var list))
        {
            names[(scope.Key, resource.Namespace)] = list = [];
        }

        if (!list.Contains(identity, StringComparer.Ordinal))
        {
            list.Add(identity);
        }
    }

    private static void Register<T>(ScopedTable<T> table, Dictionary<(string, WorkloadId), List<string>> names, InputScope scope, KubeResource resource, T item, WorkloadId target)
        where T : class
    {
        var identity = $"{resource.Namespace}\u0000{resource.Name}";
        table.Add(scope.Key, identity, scope.Place, item);
        if (!names.TryGetValue((scope.Key, target), out var list))
        {
            names[(scope.Key, target)] = list = [];
        }

        if (!list.Contains(identity, StringComparer.Ordinal))
        {
            list.Add(identity);
        }
    }

    private List<T> Resolve<T>(ScopedTable<T> table, Dictionary<(string, string), List<string>> names, (string Scope, string Namespace, string Place) key)
        where T : class =>
        Sorted(names[(key.Scope, key.Namespace)].Select(n => table.Nearest(key.Scope, $"{key.Namespace}\u0000{n}", key.Place)).OfType<T>());

    private List<T> Sorted<T>(IEnumerable<T> items)
        where T : class => [.. items.Distinct(ReferenceEqualityComparer.Instance).Cast<T>().OrderBy(i => order[i])];
}

/// <summary>
/// The PodDisruptionBudgets of one namespace by the labels their selectors require, so that finding those that select
/// a pod costs a lookup per pod label, not a scan of every budget.
/// </summary>
internal sealed class DisruptionBudgetIndex
{
    private readonly Dictionary<(string Key, string Value), List<PodDisruptionBudget>> byLabel = [];
    private readonly List<PodDisruptionBudget> others = [];

    public DisruptionBudgetIndex(IReadOnlyList<PodDisruptionBudget> budgets)
    {
        foreach (var budget in budgets)
        {
            // A budget whose selector requires a label can only select pods that carry it: file it under one such label.
            if (budget.Selector is { MatchLabels.Count: > 0 } selector)
            {
                var (key, value) = selector.MatchLabels.OrderBy(l => l.Key, StringComparer.Ordinal).First();
                if (!byLabel.TryGetValue((key, value), out var list))
                {
                    byLabel[(key, value)] = list = [];
                }

                list.Add(budget);
            }
            else
            {
                others.Add(budget);
            }
        }
    }

    public static DisruptionBudgetIndex Empty { get; } = new([]);

    /// <summary>Whether any budget selects pods with these labels.</summary>
    public bool AnySelects(IReadOnlyDictionary<string, string> podLabels)
    {
        foreach (var label in podLabels)
        {
            if (byLabel.TryGetValue((label.Key, label.Value), out var candidates) && candidates.Exists(b => b.Selects(podLabels)))
            {
                return true;
            }
        }

        return others.Exists(b => b.Selects(podLabels));
    }
}
