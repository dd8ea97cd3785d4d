using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1005: memory limit far above the request. The scheduler places pods by request, so the node is
/// overcommitted by the difference; when the node runs out, node-level OOM and eviction decide, not the
/// container's own limit.
/// </summary>
public sealed class MemoryLimitRequestRatioRule() : Rule(RuleIds.MemoryLimitRequestRatio, MaxRatio)
{
    /// <summary>Option <c>maxRatio</c>: the largest limit/request ratio that is not reported.</summary>
    public static readonly RuleOption<decimal> MaxRatio = RuleOption.Number("maxRatio", 2);

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (c.Effective.Request(ResourceNames.Memory) is not { Value: { } request } requestValue
            || c.Effective.Limit(ResourceNames.Memory) is not { Value: { } limit } limitValue
            || request.IsZero
            || limit <= request)
        {
            return;
        }

        var ratio = (decimal)limit.NanoUnits / (decimal)request.NanoUnits;
        var max = c.Option(MaxRatio);
        if (ratio <= max)
        {
            return;
        }

        // 2049Mi over 1Gi rounds to "2×", which reads as allowed: say "just over 2×" instead.
        var shown = decimal.Round(ratio, 2) > max ? EffectiveValueExtensions.FormatRatio(ratio) : $"just over {EffectiveValueExtensions.FormatRatio(max)}";
        c.Report(
            limitValue.OnContainerAt() ?? c.Container.MissingFieldSpan(c.Container.Resources.Limits),
            Message(c.Subject, limitValue.Describe(), shown, requestValue.Describe(), EffectiveValueExtensions.FormatRatio(max)),
            string.Empty,
            [.. limitValue.LimitRangeSource(), .. requestValue.LimitRangeSource()]);
    });

    /// <summary>The headline: the container, limit, ratio and request, and the fix; why overcommit hurts is on the page.</summary>
    internal static string Message(string subject, string limit, string ratio, string request, string maxRatio) =>
        $"{subject} has a memory limit of {limit}, {ratio}× its request of {request} (more than {maxRatio}×). Raise the request closer to the limit.";
}
