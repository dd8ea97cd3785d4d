using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;

namespace ManifestLint.Engine.Rules.Usage;

/// <summary>
/// ML8003: memory reserved far above what was observed: the request above <c>requestFactor</c> × p95, or the limit
/// above <c>limitFactor</c> × p99. The message says how much the recommendation frees across the replicas.
/// </summary>
public sealed class OverProvisionedMemoryRule() : Rule(RuleIds.OverProvisionedMemory, RequestFactor, LimitFactor)
{
    /// <summary>Option <c>requestFactor</c>: a request above this many times p95 is reported.</summary>
    public static readonly RuleOption<decimal> RequestFactor = RuleOption.Number("requestFactor", 2);

    /// <summary>Option <c>limitFactor</c>: a limit above this many times p99 is reported.</summary>
    public static readonly RuleOption<decimal> LimitFactor = RuleOption.Number("limitFactor", 3);

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (UsageFacts.Find(c) is not { } usage)
        {
            return;
        }

        var request = UsageFacts.Request(c);
        var limit = UsageFacts.Limit(c);
        var requestOver = request is var (r, _) && usage.P95 is { } p95 && p95 > 0 && r > (double)c.Option(RequestFactor) * p95;
        var limitOver = limit is var (l, _) && usage.P99 is { } p99 && p99 > 0 && l > (double)c.Option(LimitFactor) * p99;
        if (!requestOver && !limitOver)
        {
            return;
        }

        var headroom = c.Option(LimitBelowObservedUsageRule.HeadroomPercent);
        var newRequest = requestOver ? UsageFacts.RoundUp(usage.P95!.Value) : null;
        var newLimit = limitOver ? UsageFacts.RoundUp(UsageFacts.RecommendedLimit(usage, headroom)!.Value) : null;

        // A lower limit must stay at or above the request: lower the request to p95 with it when it would not.
        if (newLimit is not null && newRequest is null && request is var (current, _) && current > UsageFacts.RoundedBytes(UsageFacts.RecommendedLimit(usage, headroom)!.Value) && usage.P95 is { } p)
        {
            newRequest = UsageFacts.RoundUp(p);
        }

        var replicas = UsageFacts.Replicas(c.Workload);
        var freedPerPod = (request is var (rq, _) && newRequest is not null ? rq - UsageFacts.RoundedBytes(usage.P95!.Value) : 0);
        var what = new List<string>();
        if (requestOver)
        {
            what.Add($"request {request!.Value.Value.Describe()} is {Times(request.Value.Bytes / usage.P95!.Value)}× the observed {usage.P95Name} of {UsageFacts.Size(usage.P95.Value)}");
        }

        if (limitOver)
        {
            what.Add($"limit {limit!.Value.Value.Describe()} is {Times(limit.Value.Bytes / usage.P99!.Value)}× the observed {usage.P99Name} of {UsageFacts.Size(usage.P99.Value)}");
        }

        var change = string.Join(" and ", new[] { newRequest is null ? null : $"the request to {newRequest}", newLimit is null ? null : $"the limit to {newLimit}" }.OfType<string>());
        var freed = freedPerPod <= 0
            ? string.Empty
            : replicas is { } n
                ? $" frees {UsageFacts.Size(freedPerPod * n)} of reserved memory across {n} replica{(n == 1 ? string.Empty : "s")}"
                : $" frees {UsageFacts.Size(freedPerPod)} of reserved memory per pod";
        var at = requestOver ? request!.Value.Value.OnContainerAt() : limit!.Value.Value.OnContainerAt();
        c.Report(
            UsageFacts.SetMemory(c, newRequest, newLimit, $"Set {change}."),
            at ?? c.Container.NameSpan,
            $"{c.Subject}: memory {string.Join("; ", what)} ({usage.Basis}). Setting {change}{freed}.",
            string.Empty);
    });

    private static string Times(double ratio) => EffectiveValueExtensions.FormatRatio((decimal)Math.Round(ratio, 1));
}
