using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Model.Semantics;

/// <summary>
/// Applies the defaulting the API server performs when a Pod is created, in the same order:
/// <list type="number">
/// <item><c>SetDefaults_Pod</c> copies each limit into a missing request, per resource
/// (kubernetes/kubernetes pkg/apis/core/v1/defaults.go). Deployments' stored templates do not get this;
/// their Pods do, and the Pod is what runs, so rules see it applied.</item>
/// <item>The LimitRanger admission plugin fills only missing keys: <c>default</c> into limits,
/// <c>defaultRequest</c> into requests, for containers and init containers
/// (plugin/pkg/admission/limitranger/admission.go), with each LimitRange item defaulted first
/// (<c>SetDefaults_LimitRangeItem</c>).</item>
/// </list>
/// </summary>
public static class Defaulting
{
    public static EffectiveResources Resolve(Container container, IReadOnlyList<LimitRange> namespaceLimitRanges)
    {
        var limits = container.Resources.Limits.Values.ToDictionary(
            kv => kv.Key, kv => new EffectiveValue(kv.Value.Value, ValueOrigin.Written, kv.Value, null), StringComparer.Ordinal);
        var requests = container.Resources.Requests.Values.ToDictionary(
            kv => kv.Key, kv => new EffectiveValue(kv.Value.Value, ValueOrigin.Written, kv.Value, null), StringComparer.Ordinal);

        foreach (var (resource, limit) in limits)
        {
            requests.TryAdd(resource, limit with { Origin = ValueOrigin.RequestFromLimit });
        }

        foreach (var limitRange in namespaceLimitRanges)
        {
            // admission.go defaultContainerResourceRequirements assigns every Container item's defaults into one
            // map per LimitRange, so within a LimitRange a later item overwrites an earlier one; only then are
            // missing keys filled (mergeContainerResources), so across LimitRanges the first one wins.
            var defaultLimits = new Dictionary<string, QuantityValue>(StringComparer.Ordinal);
            var defaultRequests = new Dictionary<string, QuantityValue>(StringComparer.Ordinal);
            foreach (var item in limitRange.Items.Where(i => i.Type == "Container"))
            {
                var (itemLimits, itemRequests) = DefaultItem(item);
                foreach (var (resource, value) in itemLimits)
                {
                    defaultLimits[resource] = value;
                }

                foreach (var (resource, value) in itemRequests)
                {
                    defaultRequests[resource] = value;
                }
            }

            foreach (var (resource, value) in defaultLimits)
            {
                limits.TryAdd(resource, new EffectiveValue(value.Value, ValueOrigin.LimitRangeDefault, value, limitRange));
            }

            foreach (var (resource, value) in defaultRequests)
            {
                requests.TryAdd(resource, new EffectiveValue(value.Value, ValueOrigin.LimitRangeDefaultRequest, value, limitRange));
            }
        }

        return new EffectiveResources(requests, limits);
    }

    /// <summary>
    /// <c>SetDefaults_LimitRangeItem</c>: a missing <c>default</c> takes <c>max</c>; a missing
    /// <c>defaultRequest</c> takes <c>default</c>, else <c>min</c>. So a LimitRange with only
    /// <c>max.memory</c> injects request = limit = max.
    /// </summary>
    public static (IReadOnlyDictionary<string, QuantityValue> Limits, IReadOnlyDictionary<string, QuantityValue> Requests) DefaultItem(LimitRangeItem item)
    {
        var defaults = new Dictionary<string, QuantityValue>(item.Default.Values, StringComparer.Ordinal);
        foreach (var (resource, max) in item.Max.Values)
        {
            defaults.TryAdd(resource, max);
        }

        var defaultRequests = new Dictionary<string, QuantityValue>(item.DefaultRequest.Values, StringComparer.Ordinal);
        foreach (var (resource, value) in defaults.Concat(item.Min.Values))
        {
            defaultRequests.TryAdd(resource, value);
        }

        return (defaults, defaultRequests);
    }
}
