using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;

namespace ManifestLint.Engine.Rules.Usage;

/// <summary>
/// ML8002: the memory request is below the observed p95. The scheduler reserves less than the container uses most of
/// the time, and under node memory pressure the kubelet evicts pods whose usage exceeds their request first.
/// </summary>
public sealed class RequestBelowObservedUsageRule() : Rule(RuleIds.RequestBelowObservedUsage)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (UsageFacts.Find(c) is not { P95: { } p95 } usage || UsageFacts.Request(c) is not var (request, requestValue) || request >= p95)
        {
            return;
        }

        var target = UsageFacts.RoundUp(p95);

        // A request above the limit is invalid: when the limit is below p95 too, ML8001 raises it and a second --fix sets the request.
        var fitsLimit = UsageFacts.Limit(c) is not var (limit, _) || UsageFacts.RoundedBytes(p95) <= limit;
        var fix = fitsLimit ? UsageFacts.SetMemory(c, target, null, $"Set resources.requests.memory to {target}, the observed {usage.P95Name}.") : null;
        c.Report(
            fix,
            requestValue.OnContainerAt() ?? c.Container.NameSpan,
            $"{c.Subject}: memory request {requestValue.Describe()} is below the observed {usage.P95Name} of {UsageFacts.Size(p95)} ({usage.Basis}): the node reserves less than it uses, and it is evicted first under memory pressure. Set it to {target}.",
            string.Empty,
            [.. requestValue.LimitRangeSource()]);
    });
}
