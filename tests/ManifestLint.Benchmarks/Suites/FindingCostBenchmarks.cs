using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ManifestLint.Benchmarks.Corpus;
using ManifestLint.Cli;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>
/// What one finding costs (issue 12: at most 10 µs of CPU), end to end and in process: <c>manifestlint lint</c> of
/// <see cref="FindingCostSample"/> (finding-heavy files, one finding per document) in each report format, with every
/// rule on and with every rule off (<c>--config</c> setting each category to <c>none</c>). The difference over the
/// findings (the "µs per finding" column) is everything a finding adds: its rule's check, its message, location and
/// fingerprint, its ordering, and its writing in that format. Through the CLI's own entry point, so the figure holds
/// whatever the engine and the reporters look like inside.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FindingCostConfig))]
public class FindingCostBenchmarks
{
    [Params("text", "json", "sarif", "github", "markdown")]
    public string Format { get; set; } = "text";

    [Params(true, false)]
    public bool Rules { get; set; }

    private FindingCostSample? sample;
    private CliEnvironment? environment;

    [GlobalSetup]
    public void Setup()
    {
        sample = FindingCostSample.Create();
        environment = new CliEnvironment(new StreamWriter(Stream.Null), TextWriter.Null, () => Stream.Null, sample.Directory);
    }

    [GlobalCleanup]
    public void Cleanup() => sample?.Dispose();

    [Benchmark]
    public int Lint() => sample!.Lint(environment!, Format, Rules);
}

/// <summary>
/// The finding-cost suites' configuration: the µs-per-finding column, and one job that runs in process and times with
/// <see cref="ProcessCpuClock"/>, so the figures are CPU time (the target is "CPU per finding") even on a busy
/// shared machine. Run pinned to one core: <c>taskset -c 0 ManifestLint.Benchmarks --filter '*Cost*'</c>.
/// </summary>
public sealed class FindingCostConfig : ManualConfig
{
    public FindingCostConfig()
    {
        AddColumn(new PerFindingColumn());
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithClock(new ProcessCpuClock()).WithIterationCount(10).WithWarmupCount(2).WithId("InProcessCpu"));
    }
}

/// <summary>
/// The first <see cref="Files"/> files of <see cref="FindingHeavyGenerator"/> in a temporary directory, a configuration
/// that turns every rule off, and how many findings a lint of them gives.
/// </summary>
public sealed class FindingCostSample : IDisposable
{
    public const int Files = 300;

    private static readonly string[] Categories = ["Resources", "Jvm", "Go", "NodeJs", "Python", "Autoscaling", "NamespacePolicy", "Tool"];

    private FindingCostSample(string directory) => Directory = directory;

    public string Directory { get; }

    public string RulesOffConfig => Path.Combine(Directory, "..", $"{Path.GetFileName(Directory)}.rules-off.yaml");

    public static FindingCostSample Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"manifestlint-finding-cost-{Environment.ProcessId}");
        var sample = new FindingCostSample(directory);
        sample.Dispose();
        new FindingHeavyGenerator().Write(directory, Files);
        File.WriteAllText(sample.RulesOffConfig, "rules:\n" + string.Concat(Categories.Select(c => $"  {c}: none\n")));
        return sample;
    }

    /// <summary>Lints the sample in process as <c>manifestlint lint DIR -f FORMAT</c>, with every rule off unless <paramref name="rules"/>.</summary>
    /// <returns>The exit code, 0.</returns>
    public int Lint(CliEnvironment environment, string format, bool rules)
    {
        var exit = CliApplication.Run(["lint", Directory, "-f", format, "--fail-level", "none", .. rules ? [] : (string[])["--config", RulesOffConfig]], environment);
        return exit == 0 ? exit : throw new InvalidOperationException($"manifestlint lint -f {format} exited {exit}");
    }

    /// <summary>The findings of a lint of the sample with every rule on: one line each with <c>--quiet</c>.</summary>
    public int CountFindings()
    {
        using var output = new StringWriter();
        CliApplication.Run(["lint", Directory, "--quiet", "--fail-level", "none"], new CliEnvironment(output, TextWriter.Null, () => Stream.Null, Directory));
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        File.Delete(RulesOffConfig);
    }
}
