using System.Diagnostics;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// Tests that measure memory or time run alone (xunit runs this collection after the parallel ones, one test at a
/// time), so other tests' allocations do not count against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredTests
{
    public const string Name = "Measured (runs alone)";
}

/// <summary>What a measured action took: the peak of the managed heap above where it started, and the time.</summary>
internal sealed record Measurement(long PeakHeapBytes, TimeSpan Elapsed)
{
    public double PeakHeapMiB => PeakHeapBytes / (1024.0 * 1024.0);

    public override string ToString() => FormattableString.Invariant($"peak managed heap +{PeakHeapMiB:0} MiB, {Elapsed.TotalSeconds:0.0} s");
}

/// <summary>
/// Samples the managed heap (live objects and garbage not yet collected) every millisecond while an action runs. The
/// peak is an upper bound of what the action kept alive at once, and close to the process's own growth: the inputs
/// here are managed arrays and strings.
/// </summary>
internal static class MemoryProbe
{
    public static Measurement Measure(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var start = GC.GetTotalMemory(forceFullCollection: false);
        var peak = start;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.Wait(1))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        })
        { IsBackground = true };
        sampler.Start();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            action();
        }
        finally
        {
            stopwatch.Stop();
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            done.Set();
            sampler.Join();
        }

        return new Measurement(Math.Max(0, peak - start), stopwatch.Elapsed);
    }
}
