namespace ManifestLint.Model.Runtimes;

/// <summary>What decided the maximum heap.</summary>
public enum JvmHeapBasis
{
    /// <summary><c>-Xmx</c> / <c>-XX:MaxHeapSize</c>: the percentages are not used at all.</summary>
    MaxHeapSizeFlag,

    /// <summary>An explicit <c>-Xms</c> larger than the ergonomic maximum raises the maximum to it.</summary>
    InitialHeapSizeFlag,

    /// <summary>MaxRAMPercentage of the available memory (25% by default).</summary>
    MaxRamPercentage,

    /// <summary>The small-memory branch: MinRAMPercentage (50% by default) of the available memory, below ≈250 MiB.</summary>
    MinRamPercentage,

    /// <summary>The floor of ≈124.8 MiB (MaxHeapSize's built-in default) between ≈250 MiB and ≈500 MiB.</summary>
    DefaultMaxHeapSize,

    /// <summary>Capped near 32 GiB so compressed oops still work; the exact cap depends on the JDK and GC (approximate).</summary>
    CompressedOopsLimit,
}

/// <param name="AvailableBytes">The memory the percentages apply to: the container limit, or -XX:MaxRAM.</param>
/// <param name="Percentage">The percentage used, for the percentage bases.</param>
/// <param name="Flag">The flag that decided it, when one was written (null for a default percentage).</param>
/// <param name="MaxRam">The <c>-XX:MaxRAM</c> flag when it replaced the container limit.</param>
public sealed record JvmHeap(long Bytes, JvmHeapBasis Basis, long AvailableBytes, double Percentage, JvmFlag? Flag, JvmFlag? MaxRam);

/// <summary>
/// HotSpot's heap sizing (<c>GCArguments::set_heap_size</c> in <c>gcArguments.cpp</c>; <c>Arguments::set_heap_size</c> in
/// older JDKs). Without <c>-Xmx</c>: avail = <c>MaxRAM</c> if set, else min(container limit, 128 GiB);
/// min = avail × MinRAMPercentage, max = avail × MaxRAMPercentage; if min is below MaxHeapSize's built-in default
/// (≈124.8 MiB) the heap is min, otherwise max(max, ≈124.8 MiB); an explicit <c>-Xms</c> raises it.
/// </summary>
public static class JvmErgonomics
{
    /// <summary><c>ScaleForWordSize(96*M)</c> on 64-bit: 96 MiB × 13/10, aligned down to 8 bytes.</summary>
    public const long DefaultMaxHeapSize = 96L * 1024 * 1024 * 13 / 10 / 8 * 8;

    public const double DefaultMaxRamPercentage = 25;
    public const double DefaultMinRamPercentage = 50;
    public const double DefaultInitialRamPercentage = 1.5625;

    /// <summary>The default of <c>MaxRAM</c> on 64-bit servers: the most memory ergonomics ever considers.</summary>
    public const long DefaultMaxRam = 128L << 30;

    // max_heap_for_compressed_oops(): 32 GiB of encodable heap, less HeapBaseMinAddress (2 GiB) and alignment.
    // Deliberately low: the JVM's exact figure is a little higher, and a rule must not overstate a heap.
    private const long CompressedOopsMaxHeap = 30L << 30;

    private static readonly JvmFlagKind[] HeapFlags =
    [
        JvmFlagKind.MaxHeapSize, JvmFlagKind.InitialHeapSize, JvmFlagKind.MaxRam,
        JvmFlagKind.MaxRamPercentage, JvmFlagKind.MinRamPercentage, JvmFlagKind.InitialRamPercentage,
        JvmFlagKind.MaxRamFraction, JvmFlagKind.MinRamFraction, JvmFlagKind.InitialRamFraction,
    ];

    /// <summary>
    /// The percentage HotSpot uses and the flag that set it (null: the default): the percentage flag when written,
    /// else the deprecated fraction flag converted to 100 / N (<c>Arguments::set_heap_size</c>: "Convert deprecated
    /// flags", applied only while the percentage is default), else <paramref name="defaultValue"/>.
    /// </summary>
    public static (double Percentage, JvmFlag? Flag) Percentage(JvmOptions options, JvmFlagKind percentage, double defaultValue)
    {
        var fraction = percentage switch
        {
            JvmFlagKind.MaxRamPercentage => JvmFlagKind.MaxRamFraction,
            JvmFlagKind.MinRamPercentage => JvmFlagKind.MinRamFraction,
            _ => JvmFlagKind.InitialRamFraction,
        };
        return options[percentage] is { Number: { } value } flag ? (value, flag)
            : options[fraction] is { Number: { } n } fractionFlag ? (100.0 / n, fractionFlag)
            : (defaultValue, null);
    }

    /// <summary>
    /// The maximum heap for a container limit (null: no limit, or the JVM cannot see it), or null when it cannot be
    /// known: no limit and no <c>-Xmx</c>/<c>MaxRAM</c>, or an invalid flag (the JVM refuses to start).
    /// </summary>
    public static JvmHeap? MaxHeap(long? limitBytes, JvmOptions options)
    {
        if (HeapFlags.Any(k => options[k] is { IsValid: false }))
        {
            return null;
        }

        var xms = options[JvmFlagKind.InitialHeapSize];
        if (options[JvmFlagKind.MaxHeapSize] is { Bytes: { } xmx } maxFlag)
        {
            // -Xms above -Xmx stops the JVM ("Initial heap size set to a larger value than the maximum heap size").
            return xms?.Bytes > xmx ? null : new JvmHeap(xmx, JvmHeapBasis.MaxHeapSizeFlag, 0, 0, maxFlag, null);
        }

        var maxRam = options[JvmFlagKind.MaxRam];
        if ((maxRam?.Bytes ?? (limitBytes is { } limit ? Math.Min(limit, DefaultMaxRam) : null)) is not { } available)
        {
            return null;
        }

        var (maxPercentage, maxPercentageFlag) = Percentage(options, JvmFlagKind.MaxRamPercentage, DefaultMaxRamPercentage);
        var (minPercentage, minFlag) = Percentage(options, JvmFlagKind.MinRamPercentage, DefaultMinRamPercentage);
        var reasonableMax = Share(available, maxPercentage);
        var reasonableMin = Share(available, minPercentage);
        var heap = reasonableMin < DefaultMaxHeapSize
            ? new JvmHeap(reasonableMin, JvmHeapBasis.MinRamPercentage, available, minPercentage, minFlag, maxRam)
            : reasonableMax >= DefaultMaxHeapSize
                ? new JvmHeap(reasonableMax, JvmHeapBasis.MaxRamPercentage, available, maxPercentage, maxPercentageFlag, maxRam)
                : new JvmHeap(DefaultMaxHeapSize, JvmHeapBasis.DefaultMaxHeapSize, available, 0, null, maxRam);

        if (xms?.Bytes is { } initial && initial > heap.Bytes)
        {
            heap = heap with { Bytes = initial, Basis = JvmHeapBasis.InitialHeapSizeFlag, Flag = xms };
        }

        // Past the compressed-oops range the heap is capped, unless a RAM flag was set and UseCompressedOops was
        // not: then the JVM turns compressed oops off and keeps the larger heap.
        var ramFlagSet = HeapFlags.Skip(2).Any(k => options[k] is not null);
        var compressedOops = options[JvmFlagKind.UseCompressedOops]?.Enabled;
        if (heap.Bytes > CompressedOopsMaxHeap && compressedOops != false && (compressedOops == true || !ramFlagSet))
        {
            heap = heap with { Bytes = CompressedOopsMaxHeap, Basis = JvmHeapBasis.CompressedOopsLimit };
        }

        return heap;
    }

    /// <summary>
    /// The initial heap: <c>-Xms</c> when set, else avail × InitialRAMPercentage capped at the maximum heap
    /// (the GC's small young+old minimum is left out).
    /// </summary>
    public static long? InitialHeap(long? limitBytes, JvmOptions options, JvmHeap maxHeap)
    {
        if (options[JvmFlagKind.InitialHeapSize]?.Bytes is { } xms)
        {
            return xms;
        }

        var available = options[JvmFlagKind.MaxRam]?.Bytes ?? (limitBytes is { } limit ? Math.Min(limit, DefaultMaxRam) : null);
        var (percentage, _) = Percentage(options, JvmFlagKind.InitialRamPercentage, DefaultInitialRamPercentage);
        return available is { } a ? Math.Min(Share(a, percentage), maxHeap.Bytes) : null;
    }

    /// <summary>HotSpot's <c>(julong)((double)avail * percentage / 100)</c>, saturating instead of overflowing.</summary>
    private static long Share(long available, double percentage)
    {
        var share = available * percentage / 100;
        return share >= long.MaxValue ? long.MaxValue : (long)share;
    }
}
