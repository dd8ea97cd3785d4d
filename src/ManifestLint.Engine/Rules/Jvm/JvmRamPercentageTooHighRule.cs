using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>
/// ML2003: -XX:MaxRAMPercentage or -XX:InitialRAMPercentage above 75 (configurable). The message names the heap
/// HotSpot really picks at this limit: below ≈250 MiB it takes MinRAMPercentage instead of MaxRAMPercentage.
/// A flag that -Xmx/-Xms overrides is not reported, nor a heap that ML2001 already reports.
/// </summary>
public sealed class JvmRamPercentageTooHighRule() : Rule(RuleIds.JvmRamPercentageTooHigh, MaxPercentage)
{
    public static readonly RuleOption<decimal> MaxPercentage = RuleOption.Number("maxPercentage", 75);

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (JvmFacts.For(c) is not { Heap: { } heap, HeapSettled: true, LimitBytes: { } limit, HeapFillsLimit: false } jvm
            || jvm.Visibility == JvmLimitVisibility.Blind || heap.Basis == JvmHeapBasis.MaxHeapSizeFlag)
        {
            return;
        }

        var max = (double)c.Option(MaxPercentage);
        var options = jvm.Options;
        var of = heap.MaxRam is { } maxRam ? maxRam.Describe() : $"the {jvm.Limit} memory limit";
        if (options[JvmFlagKind.MaxRamPercentage] is { Number: { } maxPercent } maxFlag && maxPercent > max)
        {
            var gives = $"would give the heap {MemoryText.Percent(maxPercent)}% of {of}, but the JVM picks {MemoryText.MiBText(heap.Bytes)} ({JvmFacts.DescribeHeap(heap)})";
            var actual = heap.Basis switch
            {
                JvmHeapBasis.MaxRamPercentage => $"gives the heap {MemoryText.Percent(maxPercent)}% of {of}, {MemoryText.MiBText(heap.Bytes)}",
                JvmHeapBasis.MinRamPercentage => $"{gives}; above {MemoryText.MiBText(JvmFacts.SmallBranchLimit(heap.Percentage))} the heap jumps to {MemoryText.Percent(maxPercent)}%",
                _ => gives,
            };
            c.Report(
                maxFlag.WrittenAt?.Span ?? jvm.LimitSpan,
                $"{jvm.Subject}: {maxFlag.Describe()} {actual}, too little room for the JVM's native memory. Keep MaxRAMPercentage at {MemoryText.Percent(max)} or lower.",
                "MaxRAMPercentage");
        }

        if (options[JvmFlagKind.InitialRamPercentage] is { Number: { } initialPercent } initialFlag && initialPercent > max
            && options[JvmFlagKind.InitialHeapSize] is null
            && JvmErgonomics.InitialHeap(limit, options, heap) is { } initial && initial * 100.0 / limit > max)
        {
            c.Report(
                initialFlag.WrittenAt?.Span ?? jvm.LimitSpan,
                $"{jvm.Subject}: {initialFlag.Describe()} starts the heap at {MemoryText.MiBText(initial)} ({MemoryText.Percent(Math.Round(initial * 100.0 / limit, 1))}% of the {jvm.Limit} memory limit), which the GC lets fill before collecting. Keep InitialRAMPercentage at {MemoryText.Percent(max)} or lower.",
                "InitialRAMPercentage");
        }
    });
}
