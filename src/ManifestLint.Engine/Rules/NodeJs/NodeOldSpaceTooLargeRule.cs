using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.NodeJs;

/// <summary>
/// ML4001: V8's old space, set by <c>--max-old-space-size</c> (MiB) or <c>--max-old-space-size-percentage</c> (of the
/// limit Node sees), is at or above the container's memory limit, or, as a warning, above 75% of it
/// (<c>maxHeapPercent</c>).
/// </summary>
public sealed class NodeOldSpaceTooLargeRule() : Rule(RuleIds.NodeOldSpaceTooLarge, MaxHeapPercent)
{
    public static readonly RuleOption<decimal> MaxHeapPercent = RuleOption.Number("maxHeapPercent", 75);

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (NodeFacts.For(c) is not { LimitBytes: { } limit, Options.HeapFlag: { Value: { } value } flag } node || !node.Options.IsSettled(flag))
        {
            return;
        }

        var isPercentage = flag.Kind == NodeFlagKind.MaxOldSpaceSizePercentage;
        if (isPercentage && node.SeesCgroupV2 == false)
        {
            return;
        }

        if (NodeFacts.OldSpaceBytes(flag, limit) is not { } bytes)
        {
            return;
        }

        var max = c.Option(MaxHeapPercent);
        var exact = 100m * bytes / limit;
        var percent = Math.Round(exact, Math.Round(exact, 1) == max ? 2 : 1);
        var overridden = isPercentage && node.Options.MaxOldSpaceSize is { } size ? $"; it overrides {size.Describe()}, whatever the order" : string.Empty;
        var what = isPercentage
            ? $"{flag.Describe()} gives V8's old space {MemoryText.Percent((double)value)}% of the {node.Limit} memory limit, {MemoryText.MiBText(bytes)}{overridden}"
            : $"{flag.Describe()} lets V8's old space grow to {MemoryText.MiBText(bytes)}";
        var fix = isPercentage
            ? $"Set --max-old-space-size-percentage={MemoryText.Percent((double)max)} or lower"
            : $"Set {node.Suggestion(max)} ({MemoryText.Percent((double)max)}% of the limit) or lower";
        if (bytes >= limit)
        {
            var of = isPercentage ? string.Empty : $", at or above the {node.Limit} memory limit";
            c.Report(
                isPercentage ? null : RuntimeFixes.ReplaceToken(flag.WrittenAt, flag.Text, node.Suggestion(max), $"Set {node.Suggestion(max)}, {MemoryText.Percent((double)max)}% of the memory limit."),
                flag.WrittenAt?.Span ?? node.LimitSpan,
                AtOrAboveMessage(node.Subject, what, of, fix),
                "atOrAbove",
                node.LimitSource());
        }
        else if (exact > max)
        {
            var share = isPercentage ? string.Empty : $", {MemoryText.Percent((double)percent)}% of the {node.Limit} memory limit";
            c.AtMost(Severity.Warning).Report(
                isPercentage ? null : RuntimeFixes.ReplaceToken(flag.WrittenAt, flag.Text, node.Suggestion(max), $"Set {node.Suggestion(max)}, {MemoryText.Percent((double)max)}% of the memory limit."),
                flag.WrittenAt?.Span ?? node.LimitSpan,
                AboveMessage(node.Subject, what, share, MemoryText.Percent((double)max), MemoryText.MiBText(limit - bytes), fix),
                "above",
                node.LimitSource());
        }
    });

    /// <summary>The error's headline: the flag, the old space it allows against the limit, and the fix.</summary>
    internal static string AtOrAboveMessage(string subject, string what, string ofTheLimit, string fix) =>
        $"{subject}: {what}{ofTheLimit}. {fix}.";

    /// <summary>The warning's headline: the flag, its share of the limit, what is left outside the old space, and the fix.</summary>
    internal static string AboveMessage(string subject, string what, string share, string maxPercent, string left, string fix) =>
        $"{subject}: {what}{share}, more than {maxPercent}%, leaving {left} for everything outside the old space. {fix}.";
}
