using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>
/// ML2002: an estimate of the JVM's resident memory, heap plus typical non-heap use, exceeds the memory limit.
/// Explicit flags replace the typical figures where they bound them. An estimate, so a warning; quiet when ML2001
/// already reports the heap alone.
/// </summary>
public sealed class JvmFootprintAboveMemoryLimitRule() : Rule(RuleIds.JvmFootprintAboveMemoryLimit, MetaspaceMiB, CodeCacheMiB, DirectMemoryMiB, Threads, ThreadStackKiB, OverheadMiB)
{
    public static readonly RuleOption<decimal> MetaspaceMiB = RuleOption.Number("metaspaceMiB", 96);
    public static readonly RuleOption<decimal> CodeCacheMiB = RuleOption.Number("codeCacheMiB", 48);
    public static readonly RuleOption<decimal> DirectMemoryMiB = RuleOption.Number("directMemoryMiB", 32);
    public static readonly RuleOption<int> Threads = RuleOption.WholeNumber("threads", 50);
    public static readonly RuleOption<int> ThreadStackKiB = RuleOption.WholeNumber("threadStackKiB", 1024);
    public static readonly RuleOption<decimal> OverheadMiB = RuleOption.Number("overheadMiB", 64);

    private const long MiB = 1L << 20;

    /// <summary>ReservedCodeCacheSize without tiered compilation (240 MB with it): resident code cannot exceed it.</summary>
    private const long NonTieredCodeCache = 48 * MiB;

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (JvmFacts.For(c) is not { Heap: { } heap, HeapSettled: true, LimitBytes: { } limit, HeapFillsLimit: false } jvm
            || jvm.Options.Flags.Any(f => !f.IsValid))
        {
            return;
        }

        var parts = Estimate(c, jvm, heap.Bytes);
        if (parts.Sum() <= limit)
        {
            return;
        }

        var shown = parts.Select(p => Math.Round(p / MiB, MidpointRounding.AwayFromZero)).ToArray();
        c.Report(
            jvm.HeapSpan(heap),
            $"{jvm.Subject}: JVM footprint ≈ {shown.Sum()} MiB (heap {shown[0]} + metaspace {shown[1]} + code cache {shown[2]} + direct {shown[3]} + threads {shown[4]} + overhead {shown[5]}) exceeds the {jvm.Limit} limit: the heap ({JvmFacts.DescribeHeap(heap)}) leaves too little room for the JVM's native memory. Lower the heap (-XX:MaxRAMPercentage or -Xmx) or raise the limit.",
            string.Empty);
    });

    /// <summary>
    /// The footprint parts in bytes: heap, metaspace, code cache, direct memory, threads × stack, overhead. Explicit
    /// flags bound the typical figures (this rule's options). Also used by the memory summary table.
    /// </summary>
    internal static decimal[] Estimate(ContainerContext c, JvmFacts jvm, long heapBytes)
    {
        var options = jvm.Options;
        var metaspace = Math.Min(Mebibytes(c, MetaspaceMiB), options[JvmFlagKind.MaxMetaspaceSize]?.Bytes ?? long.MaxValue);
        var tiered = options[JvmFlagKind.TieredCompilation]?.Enabled != false;
        var codeCache = Math.Min(Math.Min(Mebibytes(c, CodeCacheMiB), options[JvmFlagKind.ReservedCodeCacheSize]?.Bytes ?? long.MaxValue), tiered ? long.MaxValue : NonTieredCodeCache);
        var direct = options[JvmFlagKind.MaxDirectMemorySize]?.Bytes ?? Mebibytes(c, DirectMemoryMiB);
        var stack = options[JvmFlagKind.ThreadStackSize]?.Bytes ?? c.Option(ThreadStackKiB) * 1024m;
        var threads = c.Option(Threads) * stack;
        var overhead = Mebibytes(c, OverheadMiB);

        // decimal: absurd flag or option values must not overflow into an internal error.
        return [heapBytes, metaspace, codeCache, direct, threads, overhead];
    }

    private static decimal Mebibytes(ContainerContext c, RuleOption<decimal> option) => c.Option(option) * MiB;
}
