using System.Globalization;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Usage;

namespace ManifestLint.Engine.Rules.Usage;

/// <summary>
/// ML8004: the working set grew without a plateau over the window, in at least half of the pods whose series are long
/// enough to judge (the test is defined on the page). Raising the limit of a leaking container only delays the OOM kill.
/// </summary>
public sealed class MemoryLeakSignatureRule() : Rule(RuleIds.MemoryLeakSignature, MinGrowthPercent)
{
    /// <summary>Option <c>minGrowthPercent</c>: growth from the first day's median to the last day's below this is noise.</summary>
    public static readonly RuleOption<decimal> MinGrowthPercent = RuleOption.Number("minGrowthPercent", 10);

    /// <summary>Whether the evidence is a leak signature: at least half the judged pods grow, each by at least the minimum.</summary>
    internal static bool Shows(ContainerUsage usage, decimal minGrowthPercent) => Growing(usage, minGrowthPercent) is { } n && n > 0 && n * 2 >= usage.Leak!.Judged;

    /// <summary>How many judged pods grew like a leak by at least the minimum; null without evidence.</summary>
    private static int? Growing(ContainerUsage usage, decimal minGrowthPercent) =>
        usage.Leak is { Judged: > 0 } leak ? leak.Growth.Count(g => g * 100 >= (double)minGrowthPercent) : null;

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        var min = c.Option(MinGrowthPercent);
        if (UsageFacts.Find(c) is not { Leak: { } leak } usage || !Shows(usage, min))
        {
            return;
        }

        var growing = leak.Growth.Where(g => g * 100 >= (double)min).ToList();

        var at = UsageFacts.Limit(c) is var (_, limit) ? limit.Written?.Node.Span : null;
        var growth = (growing.Min() * 100).ToString("0", CultureInfo.InvariantCulture);
        c.Report(
            at ?? c.Container.NameSpan,
            $"{c.Subject}: the working set grew without a plateau in {growing.Count} of {leak.Judged} pod{(leak.Judged == 1 ? string.Empty : "s")} long enough to judge (median {UsageFacts.Size(leak.FirstMedian)} on the first day, {UsageFacts.Size(leak.LastMedian)} on day {leak.Days}, at least {growth}% growth; {usage.Basis}): a leak signature. Profile the memory before raising the limit.",
            string.Empty);
    });
}
