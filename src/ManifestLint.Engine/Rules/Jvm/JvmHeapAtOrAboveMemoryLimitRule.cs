using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>
/// ML2001: the JVM's maximum heap (from -Xmx, or what HotSpot derives from the limit or -XX:MaxRAM) is at or
/// above the container's memory limit. The heap alone then fills the cgroup, and the kernel OOM-kills the
/// container before the GC ever sees memory pressure. The fix names the start script's variable when the image's
/// script always passes an -Xmx of its own (Elasticsearch, Cassandra, bitnami ZooKeeper), where a percentage would not work.
/// </summary>
public sealed class JvmHeapAtOrAboveMemoryLimitRule() : Rule(RuleIds.JvmHeapAtOrAboveMemoryLimit)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (JvmFacts.For(c) is { Processes: { } processes, LimitBytes: { } total } several)
        {
            // Several JVMs in one container (the image catalog): their heaps together against the limit.
            var sum = processes.Sum(p => p.Heap.Bytes);
            if (sum >= total)
            {
                c.Report(
                    several.LimitSpan,
                    $"{several.Subject}: the {processes.Count} JVMs of {c.Runtime.Image!.Name} (per {c.Runtime.Image.Origin}) together have {MemoryText.MiBText(sum)} of max heap ({JvmProcessHeaps.Describe(processes)}), at or above the {several.Limit} memory limit. Lower their heaps or raise the limit.",
                    "processes",
                    several.LimitValue is { } v ? v.LimitRangeSource() : []);
            }

            return;
        }

        if (JvmFacts.For(c) is not { HeapFillsLimit: true, Heap: { } heap, LimitBytes: { } limit } jvm)
        {
            return;
        }

        // Where the image's start script always passes an -Xmx of its own, a percentage would not take effect.
        var fix = c.Runtime.Launcher is { TakesHeapPercentage: false }
            ? $"Lower {heap.Flag?.Variable ?? "the heap"} to at most ~75% of the limit, {MemoryText.MiBText(limit / 4 * 3)}."
            : $"Set -XX:MaxRAMPercentage=75 or lower (or -Xmx at most ~75% of the limit, {MemoryText.MiBText(limit / 4 * 3)}).";
        c.Report(
            jvm.HeapSpan(heap),
            Message(jvm.Subject, MemoryText.MiBText(heap.Bytes), JvmFacts.DescribeHeap(heap), jvm.Limit, fix),
            heap.Basis.ToString(),
            jvm.LimitValue is { } value ? value.LimitRangeSource() : []);
    });

    /// <summary>The headline: the heap, where it comes from, the limit it fills, and the fix; why (OOM kill before the GC reacts) is on the page.</summary>
    internal static string Message(string subject, string heap, string source, string limit, string fix) =>
        $"{subject}: JVM max heap {heap} ({source}) is at or above the {limit} memory limit. {fix}";
}
