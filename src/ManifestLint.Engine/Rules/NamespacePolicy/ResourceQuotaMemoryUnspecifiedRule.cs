using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.NamespacePolicy;

/// <summary>
/// ML7002: a ResourceQuota of the namespace tracks <c>limits.memory</c> (or <c>requests.memory</c> / <c>memory</c>) and a
/// container, init containers included, has no effective memory limit (request): quota admission rejects the pod with
/// <c>must specify ...</c> (pkg/quota/v1/evaluator/core/pods.go <c>Constraints</c>). LimitRange defaults are applied
/// before quota admission, so they satisfy it; a limits-only container has its request defaulted from the limit.
/// </summary>
public sealed class ResourceQuotaMemoryUnspecifiedRule() : Rule(RuleIds.ResourceQuotaMemoryUnspecified)
{
    private static readonly string[] RequestKeys = ["memory", "requests.memory"];
    private const string LimitKey = "limits.memory";

    public override void Initialize(RuleRegistration registration) => registration.RegisterInputSetAction(c =>
    {
        foreach (var workload in c.Index.Workloads)
        {
            var quotas = c.Index.ResourceQuotasIn(workload.Resource.Namespace)
                .Where(q => q.Hard.Values.Keys.Any(k => k == LimitKey || RequestKeys.Contains(k)))
                .ToList();
            if (quotas.Count == 0)
            {
                continue;
            }

            var facts = c.Index.Facts(workload);
            foreach (var quota in quotas.Where(q => QuotaScopes.Applies(q, facts) == true))
            {
                var missing = workload.Pod.AllContainers
                    .Select(k => (Container: k, Keys: Missing(quota, facts.Effective(k).Request(ResourceNames.Memory) is null, facts.Effective(k).Limit(ResourceNames.Memory) is null)))
                    .Where(m => m.Keys.Count > 0)
                    .ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                var apiMessage = string.Join("; ", missing.SelectMany(m => m.Keys.Select(key => (key, m.Container.Name)))
                    .GroupBy(m => m.key, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} for: {string.Join(",", g.Select(m => m.Name).Order(StringComparer.Ordinal))}"));
                var quotaName = $"ResourceQuota {quota.Resource.Namespace}/{quota.Resource.Name}";
                foreach (var (container, keys) in missing)
                {
                    var onLimit = keys.Contains(LimitKey);
                    c.Report(
                        workload.Resource,
                        container.MissingFieldSpan(onLimit ? container.Resources.Limits : container.Resources.Requests),
                        $"{workload.DisplayName}, {container.DisplayName} has no memory {(onLimit ? "limit" : "request")}{(keys.Count > 1 ? " and no memory request" : string.Empty)}, but {quotaName} tracks {string.Join(" and ", keys)}, so admission rejects its pods (\"must specify {apiMessage}\"). Set resources.{(onLimit ? "limits" : "requests")}.memory, or give the namespace a LimitRange default.",
                        $"{quota.Resource.Name}|{container.Kind}|{container.Name}",
                        [.. keys.SelectMany(k => quota.Hard[k] is { } v ? [new RelatedLocation(v.Node.Span, $"{k} tracked by {quotaName}")] : Array.Empty<RelatedLocation>())]);
                }
            }
        }
    });

    /// <summary>The quota keys the container leaves unspecified; <c>memory</c> and <c>requests.memory</c> both count requests.</summary>
    private static List<string> Missing(ResourceQuota quota, bool noRequest, bool noLimit) =>
        quota.Hard.Values.Keys
            .Where(k => (k == LimitKey && noLimit) || (RequestKeys.Contains(k) && noRequest))
            .Order(StringComparer.Ordinal)
            .ToList();
}
