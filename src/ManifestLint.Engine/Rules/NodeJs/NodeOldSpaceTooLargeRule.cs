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
        var outside = "the young generation, Buffers and other native memory live outside the old space";
        if (bytes >= limit)
        {
            var of = isPercentage ? string.Empty : $", at or above the {node.Limit} memory limit";
            c.Report(
                isPercentage ? null : RuntimeFixes.ReplaceToken(flag.WrittenAt, flag.Text, node.Suggestion(max), $"Set {node.Suggestion(max)}, {MemoryText.Percent((double)max)}% of the memory limit."),
                flag.WrittenAt?.Span ?? node.LimitSpan,
                $"{node.Subject}: {what}{of}: the heap alone can fill the container, and {outside}, so the kernel OOM-kills it before V8 collects hard or reports a heap out-of-memory error. {fix}.",
                "atOrAbove",
                node.LimitSource());
        }
        else if (exact > max)
        {
            var share = isPercentage ? string.Empty : $", {MemoryText.Percent((double)percent)}% of the {node.Limit} memory limit";
            c.AtMost(Severity.Warning).Report(
                isPercentage ? null : RuntimeFixes.ReplaceToken(flag.WrittenAt, flag.Text, node.Suggestion(max), $"Set {node.Suggestion(max)}, {MemoryText.Percent((double)max)}% of the memory limit."),
                flag.WrittenAt?.Span ?? node.LimitSpan,
                $"{node.Subject}: {what}{share}, more than {MemoryText.Percent((double)max)}%: {outside} and need the remaining {MemoryText.MiBText(limit - bytes)}, so the container can be OOM-killed before V8 runs out of heap. {fix}.",
                "above",
                node.LimitSource());
        }
    });
}
