using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>
/// BenchmarkDotNet clock that reads the process's CPU time (<c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>, nanoseconds)
/// instead of wall time: on the shared machine, other work on the same core stretches wall time but not this. Use with
/// the in-process toolchain (the clock lives in this assembly) and pinned to one core (taskset -c 0). Linux only.
/// </summary>
public sealed partial class ProcessCpuClock : IClock
{
    private const int ClockProcessCpuTimeId = 2;

    public string Title => "process CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => new(1_000_000_000);

    public long GetTimestamp() => ClockGetTime(ClockProcessCpuTimeId, out var time) == 0
        ? (time.Seconds * 1_000_000_000) + time.Nanoseconds
        : throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
