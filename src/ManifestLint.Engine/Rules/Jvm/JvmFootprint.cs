using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>The garbage collector a JVM runs: written with <c>-XX:+Use...GC</c>, else HotSpot's ergonomic choice.</summary>
public enum JvmCollector
{
    Serial,
    Parallel,
    G1,
    Z,
    Shenandoah,
}

/// <summary>
/// ML2002's options (declared by <see cref="JvmFootprintAboveMemoryLimitRule"/>, listed on its page): the typical figures
/// of the footprint model, read from a file's settings so that the rule and the memory summary compute the same footprint.
/// </summary>
public sealed record JvmFootprintSettings(decimal MetaspaceMiB, decimal CodeCacheMiB, decimal DirectMemoryMiB, int Threads, int ThreadStackKiB, decimal OverheadMiB)
{
    public static JvmFootprintSettings Default { get; } = From(RuleSettings.Empty);

    public static JvmFootprintSettings From(RuleSettings settings)
    {
        const string id = RuleIds.JvmFootprintAboveMemoryLimit;
        return new(
            settings.Get(id, JvmFootprintAboveMemoryLimitRule.MetaspaceMiB),
            settings.Get(id, JvmFootprintAboveMemoryLimitRule.CodeCacheMiB),
            settings.Get(id, JvmFootprintAboveMemoryLimitRule.DirectMemoryMiB),
            settings.Get(id, JvmFootprintAboveMemoryLimitRule.Threads),
            settings.Get(id, JvmFootprintAboveMemoryLimitRule.ThreadStackKiB),
            settings.Get(id, JvmFootprintAboveMemoryLimitRule.OverheadMiB));
    }
}

/// <summary>
/// The JVM's resident memory once its heap is full, in bytes, part by part (issue 17: a model measured on real JVMs,
/// tests/ManifestLint.Benchmarks/JvmCalibration/RESULTS.md). Two modes:
/// <list type="bullet">
/// <item>typical: no native-memory cap is written; metaspace, code cache, direct memory and the JVM's own memory take
/// the figures measured on Tomcat, Jetty, ZooKeeper and a small HTTP exporter; a thread costs the stack it typically
/// touches (256 KiB).</item>
/// <item>budget: the manifest caps native memory (<c>MaxMetaspaceSize</c>, <c>ReservedCodeCacheSize</c>,
/// <c>MaxDirectMemorySize</c> or <c>-Xss</c>); each capped part counts at its cap, as written, and thread stacks at their
/// whole size (<c>-Xss</c>, else the platform's): the user declared a budget, and the JVM may use all of it.</item>
/// </list>
/// The collector's own structures scale with the heap: 0.5% for Serial, 3% for Parallel, 4% for G1, ZGC and
/// Shenandoah (G1 measured; ZGC and Shenandoah not, G1's figure is used).
/// </summary>
/// <param name="Declared">The caps written, e.g. "-XX:MaxMetaspaceSize=250m"; empty in the typical mode.</param>
public sealed record JvmFootprint(
    long Heap,
    decimal Metaspace,
    decimal CodeCache,
    decimal Direct,
    decimal Threads,
    decimal Gc,
    decimal Overhead,
    JvmCollector Collector,
    IReadOnlyList<string> Declared)
{
    private const long MiB = 1L << 20;

    /// <summary>Resident stack a thread typically touches when no <c>-Xss</c> budget is declared (NMT on the calibration runs: about 90 KiB).</summary>
    public const int TypicalStackResidentKiB = 256;

    /// <summary>ReservedCodeCacheSize without tiered compilation (240 MB with it): resident code cannot exceed it.</summary>
    private const long NonTieredCodeCache = 48 * MiB;

    /// <summary>HotSpot's server-class test (<c>os::is_server_class_machine</c>): 2 processors and 2 GiB less 256 MiB.</summary>
    private const long ServerClassMemory = (2L << 30) - (256 * MiB);

    /// <summary>All parts together: decimal, so absurd flags cannot overflow.</summary>
    public decimal Total => Heap + Metaspace + CodeCache + Direct + Threads + Gc + Overhead;

    /// <summary>True when the manifest caps native memory, so the parts are the user's budget.</summary>
    public bool IsBudget => Declared.Count > 0;

    /// <summary>
    /// The footprint for a heap of <paramref name="heapBytes"/> under <paramref name="options"/>.
    /// </summary>
    /// <param name="limitBytes">The memory the JVM sees (the limit, or -XX:MaxRAM), for the collector HotSpot picks.</param>
    /// <param name="processors">The CPUs the JVM sees (from the CPU limit), or null when not limited: the node's.</param>
    public static JvmFootprint Of(JvmOptions options, long heapBytes, long? limitBytes, long? processors, JvmFootprintSettings settings)
    {
        var declared = new List<string>();
        decimal Cap(JvmFlagKind kind, decimal typical)
        {
            if (options[kind] is { IsValid: true, Bytes: { } bytes } flag)
            {
                declared.Add(flag.Text);
                return bytes;
            }

            return typical;
        }

        var metaspace = Cap(JvmFlagKind.MaxMetaspaceSize, settings.MetaspaceMiB * MiB);
        var codeCache = Cap(JvmFlagKind.ReservedCodeCacheSize, settings.CodeCacheMiB * MiB);
        if (options[JvmFlagKind.TieredCompilation]?.Enabled == false)
        {
            codeCache = Math.Min(codeCache, NonTieredCodeCache);
        }

        var direct = Cap(JvmFlagKind.MaxDirectMemorySize, settings.DirectMemoryMiB * MiB);
        var stack = options[JvmFlagKind.ThreadStackSize] is { IsValid: true, Bytes: { } xss } stackFlag ? xss : (long?)null;
        if (stack is not null)
        {
            declared.Add(options[JvmFlagKind.ThreadStackSize]!.Text);
        }

        var perThread = stack ?? (declared.Count > 0 ? settings.ThreadStackKiB * 1024L : TypicalStackResidentKiB * 1024L);
        var collector = CollectorOf(options, options[JvmFlagKind.MaxRam]?.Bytes ?? limitBytes, options[JvmFlagKind.ActiveProcessorCount]?.Number is { } n ? (long)n : processors);
        var gc = heapBytes * GcShare(collector);
        return new JvmFootprint(heapBytes, metaspace, codeCache, direct, (decimal)settings.Threads * perThread, gc, settings.OverheadMiB * MiB, collector, declared);
    }

    /// <summary>
    /// The collector: the last <c>-XX:+Use...GC</c> written, else HotSpot's choice (<c>GCConfig::select_gc_ergonomically</c>):
    /// G1 on a server-class machine (2+ processors and about 2 GiB), Serial otherwise. Without a limit or a CPU
    /// limit the node decides, assumed server-class.
    /// </summary>
    public static JvmCollector CollectorOf(JvmOptions options, long? memoryBytes, long? processors)
    {
        var written = options.Flags.LastOrDefault(f => f.Enabled == true && f.Kind is JvmFlagKind.UseSerialGC or JvmFlagKind.UseParallelGC
            or JvmFlagKind.UseG1GC or JvmFlagKind.UseZGC or JvmFlagKind.UseShenandoahGC);
        return written?.Kind switch
        {
            JvmFlagKind.UseSerialGC => JvmCollector.Serial,
            JvmFlagKind.UseParallelGC => JvmCollector.Parallel,
            JvmFlagKind.UseG1GC => JvmCollector.G1,
            JvmFlagKind.UseZGC => JvmCollector.Z,
            JvmFlagKind.UseShenandoahGC => JvmCollector.Shenandoah,
            _ => (processors ?? 2) >= 2 && (memoryBytes ?? long.MaxValue) >= ServerClassMemory ? JvmCollector.G1 : JvmCollector.Serial,
        };
    }

    /// <summary>The collector's structures as a share of the heap (card table, offset table, mark bitmaps, remembered sets).</summary>
    private static decimal GcShare(JvmCollector collector) => collector switch
    {
        JvmCollector.Serial => 0.005m,
        JvmCollector.Parallel => 0.03m,
        _ => 0.04m,
    };
}
