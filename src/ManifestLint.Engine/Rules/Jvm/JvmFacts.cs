using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Semantics;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>
/// What the JVM rules share about one container: its effective flags, its memory limit, and the maximum heap
/// HotSpot will pick for that limit. The heap is computed from the limit only when the JVM can see it, and is
/// "settled" only when nothing unknown (a Secret, an @argfile) could still change it.
/// </summary>
internal sealed class JvmFacts
{
    private readonly Sizing sizing;

    private JvmFacts(ContainerContext c, Sizing sizing)
    {
        Context = c;
        this.sizing = sizing;
    }

    public ContainerContext Context { get; }

    public JvmOptions Options => sizing.Options;

    public EffectiveValue? LimitValue => sizing.LimitValue;

    /// <summary>The effective memory limit in bytes; null when there is none (or it does not parse).</summary>
    public long? LimitBytes => sizing.Limit;

    public JvmLimitVisibility Visibility => sizing.Visibility.Visibility;

    public string VisibilityReason => sizing.Visibility.Why;

    /// <summary>The <c>-XX:-UseContainerSupport</c> flag, when that is why the JVM is blind.</summary>
    public JvmFlag? VisibilityFlag => sizing.Visibility.Flag;

    public JvmHeap? Heap => sizing.Heap;

    public bool HeapSettled => sizing.Settled;

    /// <summary>ML2001's condition: a settled, exact heap at or above the limit.</summary>
    public bool HeapFillsLimit => Heap is { Basis: not JvmHeapBasis.CompressedOopsLimit } heap && HeapSettled && LimitBytes is { } limit && heap.Bytes >= limit;

    /// <summary>How messages start: the subject, plus how the JVM was detected when it is a guess.</summary>
    public string Subject => $"{Context.Subject}{Context.Runtime.GuessNote}";

    /// <summary>The limit for messages: "1024 MiB", with its LimitRange origin when it has one.</summary>
    public string Limit => $"{MemoryText.MiBText(LimitBytes ?? 0)}{LimitValue?.OriginNote}";

    /// <summary>Where a finding about the limit points: the written limit, else the container's limits/resources key.</summary>
    public SourceSpan LimitSpan => LimitValue?.OnContainerAt() ?? Context.Container.MissingFieldSpan(Context.Container.Resources.Limits);

    public static JvmFacts? For(ContainerContext c)
    {
        if (c.Runtime.Kind != Runtime.Jvm)
        {
            return null;
        }

        return new JvmFacts(c, c.Facts.Derived(c.Container, _ => Sizing.Of(c)));
    }

    /// <summary>What every JVM rule reads about the container, computed once per container (not once per rule).</summary>
    private sealed record Sizing(JvmOptions Options, EffectiveValue? LimitValue, long? Limit, (JvmLimitVisibility Visibility, string Why, JvmFlag? Flag) Visibility, JvmHeap? Heap, bool Settled)
    {
        public static Sizing Of(ContainerContext c)
        {
            var options = JvmOptions.From(c.Container, c.CommandLine, c.Runtime.Version, c.Runtime.Launcher);
            var limitValue = c.Effective.Limit(ResourceNames.Memory);
            var limit = limitValue.PositiveBytes();
            var visibility = JvmContainerSupport.Of(options, c.Runtime.Version);
            var heap = JvmErgonomics.MaxHeap(visibility.Visibility == JvmLimitVisibility.Blind ? null : limit, options);

            // -Xmx can only be overridden by something unknown after it; a computed heap by anything unknown at all.
            var settled = heap is not null && (heap.Basis == JvmHeapBasis.MaxHeapSizeFlag && heap.Flag is { } xmx ? options.IsSettled(xmx) : options.IsComplete);
            return new Sizing(options, limitValue, limit, visibility, heap, settled);
        }
    }

    /// <summary>
    /// The JVM's footprint once its heap is full (<see cref="JvmFootprint"/>), with ML2002's options from the file's
    /// settings; null when the heap is unknown. ML2002 and the memory summary both read it.
    /// </summary>
    public JvmFootprint? Footprint(RuleSettings settings) => Heap is { } heap
        ? JvmFootprint.Of(Options, heap.Bytes, Visibility == JvmLimitVisibility.Blind ? null : LimitBytes, Processors, JvmFootprintSettings.From(settings))
        : null;

    /// <summary>The CPUs the JVM counts from the CPU limit (rounded up, as HotSpot does with the quota); null without a limit.</summary>
    private long? Processors => Context.Effective.Limit(ResourceNames.Cpu)?.Value is { } cpu && cpu > default(Quantity)
        ? (long)Int128.Min(cpu.CeilingUnits, long.MaxValue)
        : null;

    /// <summary>For an image that starts several JVMs (the image catalog's processes): each one's heap; null otherwise or when one is unknown.</summary>
    public IReadOnlyList<JvmProcessHeap>? Processes => JvmProcessHeaps.Of(Context, Visibility == JvmLimitVisibility.Blind ? null : LimitBytes);

    /// <summary>The footprints of the JVMs of a several-JVM image, added up; null when <see cref="Processes"/> is.</summary>
    public decimal? ProcessesFootprint(RuleSettings settings) => Processes?.Sum(p =>
        JvmFootprint.Of(p.Options, p.Heap.Bytes, Visibility == JvmLimitVisibility.Blind ? null : LimitBytes, Processors, JvmFootprintSettings.From(settings)).Total);

    /// <summary>Where the heap was decided: its flag, else <c>-XX:MaxRAM</c>, else the limit.</summary>
    public SourceSpan HeapSpan(JvmHeap heap) => heap.Flag?.WrittenAt?.Span ?? heap.MaxRam?.WrittenAt?.Span ?? LimitSpan;

    /// <summary>Why the heap has its size: "-Xmx1g in JAVA_TOOL_OPTIONS", "25% of the 2048 MiB limit (the default MaxRAMPercentage)".</summary>
    public static string DescribeHeap(JvmHeap heap)
    {
        var of = heap.MaxRam is { } maxRam ? maxRam.Describe() : $"the {MemoryText.MiBText(heap.AvailableBytes)} limit";
        return heap.Basis switch
        {
            JvmHeapBasis.MaxHeapSizeFlag => heap.Flag?.Describe() ?? "-Xmx",
            JvmHeapBasis.InitialHeapSizeFlag => $"raised to the initial heap, {heap.Flag?.Describe()}",
            JvmHeapBasis.MaxRamPercentage => $"{MemoryText.Percent(heap.Percentage)}% of {of}, {heap.Flag?.Describe() ?? "the default MaxRAMPercentage"}",
            JvmHeapBasis.MinRamPercentage =>
                $"{MemoryText.Percent(heap.Percentage)}% of {of}: below {MemoryText.MiBText(SmallBranchLimit(heap.Percentage))} HotSpot uses MinRAMPercentage, {heap.Flag?.Describe() ?? "default 50"}",
            JvmHeapBasis.DefaultMaxHeapSize => $"HotSpot's ≈125 MiB floor for {of}",
            _ => $"capped near 30 GiB for compressed oops, from {of}",
        };
    }

    /// <summary>The available memory below which HotSpot takes MinRAMPercentage: ≈250 MiB with the default 50%.</summary>
    public static long SmallBranchLimit(double minPercentage) => minPercentage <= 0 ? long.MaxValue : (long)(JvmErgonomics.DefaultMaxHeapSize * 100 / minPercentage);
}
