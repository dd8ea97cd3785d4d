using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules.Common;

namespace ManifestLint.Engine.Rules.Usage;

/// <summary>
/// ML8001: the memory limit is at or below the observed p99 (or max): the container has been, or will be, OOM-killed.
/// Below p99 × (1 + headroom) it is a warning. The fix sets the limit to p99 × (1 + headroom), except when the data
/// shows a leak signature (ML8004): raising a leaking container's limit only delays the kill.
/// </summary>
public sealed class LimitBelowObservedUsageRule() : Rule(RuleIds.LimitBelowObservedUsage, HeadroomPercent)
{
    /// <summary>Option <c>headroomPercent</c>: the headroom above p99 the limit should keep (the article's 20-30%).</summary>
    public static readonly RuleOption<decimal> HeadroomPercent = RuleOption.Number("headroomPercent", 20);

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (UsageFacts.Find(c) is not { } usage || UsageFacts.Limit(c) is not var (limit, limitValue) || (usage.P99 ?? usage.Max) is null)
        {
            return;
        }

        var headroom = c.Option(HeadroomPercent);
        var recommended = UsageFacts.RecommendedLimit(usage, headroom)!.Value;
        var target = UsageFacts.RoundUp(recommended);
        var leaking = MemoryLeakSignatureRule.Shows(usage, MemoryLeakSignatureRule.MinGrowthPercent.Default);
        var at = limitValue.OnContainerAt() ?? c.Container.NameSpan;
        var fix = leaking ? null : UsageFacts.SetMemory(c, null, target, $"Set resources.limits.memory to {target}, the observed {usage.P99Name} plus {headroom}%.");
        var advice = leaking
            ? "The working set also grows like a leak (ML8004): profile it before raising the limit."
            : $"Raise it to {target} ({(usage.P99 is null ? "max" : usage.P99Name)} + {headroom}%).";
        var headroomText = EffectiveValueExtensions.FormatRatio(headroom);
        if ((usage.P99 is { } p99 && limit <= p99) || (usage.Max is { } max && limit <= max))
        {
            var (name, value) = usage.P99 is { } q && limit <= q ? (usage.P99Name, q) : ("max", usage.Max!.Value);
            c.Report(fix, at, $"{c.Subject}: memory limit {limitValue.Describe()} is at or below the observed {name} of {UsageFacts.Size(value)} ({usage.Basis}): it has been, or will be, OOM-killed. {advice}", "at-or-below", [.. limitValue.LimitRangeSource()]);
        }
        else if (usage.P99 is { } p && limit < p * (1 + (double)headroom / 100))
        {
            c.AtMost(Severity.Warning).Report(fix, at, $"{c.Subject}: memory limit {limitValue.Describe()} leaves less than {headroomText}% headroom over the observed {usage.P99Name} of {UsageFacts.Size(p)} ({usage.Basis}). {advice}", "headroom", [.. limitValue.LimitRangeSource()]);
        }
    });
}
