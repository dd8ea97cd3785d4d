using System.Diagnostics;
using System.Globalization;
using ManifestLint.Benchmarks.Suites;
using ManifestLint.Cli;

namespace ManifestLint.Benchmarks;

/// <summary>
/// <c>finding-cost [--iterations N] [--formats "text json ..."]</c>: the CPU time one finding costs, per report format,
/// measured as <see cref="FindingCostBenchmarks"/> does (in-process lint of the finding-heavy sample with every rule on,
/// minus the same with every rule off, over the findings) but with the process's CPU time instead of wall time, so a
/// shared, busy machine does not inflate it. Each format is warmed up once, then runs N times on and N times off,
/// alternating; prints the medians per iteration and the µs per finding. Run it pinned to one core (taskset -c 0).
/// </summary>
public static class FindingCostCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var iterations = 15;
        string[] formats = ["text", "json", "sarif", "github", "markdown"];
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--iterations":
                    iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--formats":
                    formats = args[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    break;
                default:
                    output.WriteLine("usage: finding-cost [--iterations N] [--formats \"text json sarif github markdown\"]");
                    return 2;
            }
        }

        using var sample = FindingCostSample.Create();
        var findings = sample.CountFindings();
        var environment = new CliEnvironment(new StreamWriter(Stream.Null), TextWriter.Null, () => Stream.Null, sample.Directory);
        output.WriteLine(FormattableString.Invariant($"finding cost: {FindingCostSample.Files} finding-heavy files, {findings} findings, {iterations} iterations per case, CPU time (medians)"));
        output.WriteLine("| format | rules on ms CPU | rules off ms CPU | µs CPU per finding | allocated KB per finding |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var format in formats)
        {
            sample.Lint(environment, format, rules: true);
            sample.Lint(environment, format, rules: false);
            var (on, off, allocatedOn, allocatedOff) = (new List<double>(), new List<double>(), new List<long>(), new List<long>());
            for (var i = 0; i < iterations; i++)
            {
                Measure(() => sample.Lint(environment, format, rules: true), on, allocatedOn);
                Measure(() => sample.Lint(environment, format, rules: false), off, allocatedOff);
            }

            var (medianOn, medianOff) = (Median(on), Median(off));
            var allocated = (Median(allocatedOn.ConvertAll(a => (double)a)) - Median(allocatedOff.ConvertAll(a => (double)a))) / 1024 / findings;
            output.WriteLine(FormattableString.Invariant($"| {format} | {medianOn:F1} | {medianOff:F1} | **{(medianOn - medianOff) * 1000 / findings:F2}** | {allocated:F2} |"));
        }

        return 0;
    }

    private static void Measure(Func<int> lint, List<double> cpuMs, List<long> allocated)
    {
        using var process = Process.GetCurrentProcess();
        var (cpu, bytes) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
        lint();
        process.Refresh();
        cpuMs.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
        allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
