using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>
/// ML2002: the JVM's footprint once its heap is full (<see cref="JvmFootprint"/>: heap plus a measured non-heap model,
/// or the native-memory budget the manifest declares) exceeds the memory limit. An estimate, so a warning; quiet
/// when ML2001 already reports the heap alone. The options are the model's typical figures (JvmFootprintSettings).
/// </summary>
public sealed class JvmFootprintAboveMemoryLimitRule() : Rule(RuleIds.JvmFootprintAboveMemoryLimit, MetaspaceMiB, CodeCacheMiB, DirectMemoryMiB, Threads, ThreadStackKiB, OverheadMiB)
{
    public static readonly RuleOption<decimal> MetaspaceMiB = RuleOption.Number("metaspaceMiB", 16);
    public static readonly RuleOption<decimal> CodeCacheMiB = RuleOption.Number("codeCacheMiB", 12);
    public static readonly RuleOption<decimal> DirectMemoryMiB = RuleOption.Number("directMemoryMiB", 0);
    public static readonly RuleOption<int> Threads = RuleOption.WholeNumber("threads", 50);
    public static readonly RuleOption<int> ThreadStackKiB = RuleOption.WholeNumber("threadStackKiB", 1024);
    public static readonly RuleOption<decimal> OverheadMiB = RuleOption.Number("overheadMiB", 28);

    private const decimal MiB = 1L << 20;

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (JvmFacts.For(c) is { Processes: { } processes, LimitBytes: { } total } several)
        {
            // Several JVMs in one container: quiet when ML2001 reports their heaps together.
            if (processes.Sum(p => p.Heap.Bytes) < total && several.ProcessesFootprint(c.Options.Settings) is { } sum && sum > total)
            {
                c.Report(
                    several.LimitSpan,
                    $"{several.Subject}: the {processes.Count} JVMs of {c.Runtime.Image!.Name} (per {c.Runtime.Image.Origin}) together need ≈ {Math.Round(sum / MiB, MidpointRounding.AwayFromZero)} MiB (heaps {JvmProcessHeaps.Describe(processes)}, plus non-heap), above the {several.Limit} limit. Lower their heaps or raise the limit.",
                    "processes");
            }

            return;
        }

        if (JvmFacts.For(c) is not { Heap: { } heap, HeapSettled: true, LimitBytes: { } limit, HeapFillsLimit: false } jvm
            || jvm.Options.Flags.Any(f => !f.IsValid) || jvm.Footprint(c.Options.Settings) is not { } footprint || footprint.Total <= limit)
        {
            return;
        }

        c.Report(jvm.HeapSpan(heap), Message(jvm, footprint), string.Empty);
    });

    /// <summary>
    /// "JVM footprint ≈ 1045 MiB (heap 600 + metaspace 250 + ...; native caps as written) exceeds the 1024 MiB limit ...";
    /// the collector and how each part is estimated are on the page and in the --summary table.
    /// The parts are rounded one by one and the total is their sum, so the message adds up.
    /// </summary>
    internal static string Message(JvmFacts jvm, JvmFootprint f)
    {
        decimal[] parts = [f.Heap, f.Metaspace, f.CodeCache, f.Direct, f.Threads, f.Gc, f.Overhead];
        var shown = parts.Select(p => Math.Round(p / MiB, MidpointRounding.AwayFromZero)).ToArray();
        var basis = f.IsBudget ? "; native caps as written" : string.Empty;
        return $"{jvm.Subject}: JVM footprint ≈ {shown.Sum()} MiB (heap {shown[0]} + metaspace {shown[1]} + code cache {shown[2]} + direct {shown[3]} + threads {shown[4]} + GC {shown[5]} + JVM {shown[6]}{basis}) exceeds the {jvm.Limit} limit. Lower the heap or the native caps, or raise the limit.";
    }
}
