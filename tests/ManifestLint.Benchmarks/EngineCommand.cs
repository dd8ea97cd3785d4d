using System.Diagnostics;
using System.Globalization;
using ManifestLint.Engine.Analysis;

namespace ManifestLint.Benchmarks;

/// <summary>
/// <c>engine [--max-parallelism N] PATH...</c>: one in-process engine run over the files a lint reads, for profiling
/// (no CLI, no report): prints the time, the findings, the allocations and the collections of each generation.
/// </summary>
public static class EngineCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var parallelism = Environment.ProcessorCount;
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--max-parallelism" && i + 1 < args.Count)
            {
                parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        var inputs = FloorCommand.Files(paths).Select(f => new AnalysisInput(f, () => File.ReadAllBytes(f))).ToList();
        var stopwatch = Stopwatch.StartNew();
        var result = new AnalysisEngine().Analyze(inputs, AnalysisOptions.Default with { MaxParallelism = parallelism });
        var elapsed = stopwatch.Elapsed;
        using var process = Process.GetCurrentProcess();
        output.WriteLine(FormattableString.Invariant(
            $"engine: {result.FileCount} files, {result.ResourceCount} objects, {result.Diagnostics.Count} findings, {elapsed.TotalSeconds:F3} s, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pause {GC.GetTotalPauseDuration().TotalSeconds:F3} s, peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }
}
