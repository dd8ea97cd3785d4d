using System.Text;
using BenchmarkDotNet.Attributes;
using ManifestLint.Cli.Output;
using ManifestLint.Engine.Analysis;
using ManifestLint.Sarif;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>
/// The part of a finding's cost that is the finding itself, once its rule has decided to report it: its fingerprint
/// (<see cref="ResultFingerprints"/>) and writing it in each report format, over the findings of
/// <see cref="FindingCostSample"/> analysed once in the set-up. The "µs per finding" column divides by the findings.
/// (Building the message, location and fingerprint key happens inside the rules' run: <see cref="FindingCostBenchmarks"/>
/// measures it with the rest of a finding's cost.)
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FindingCostConfig))]
public class ReportCostBenchmarks
{
    private FindingCostSample? sample;
    private AnalysisResult result = new([], 0, 0);

    [GlobalSetup]
    public void Setup()
    {
        sample = FindingCostSample.Create();
        var inputs = FloorCommand.Files([sample.Directory]).Select(f => new AnalysisInput(f, () => File.ReadAllBytes(f))).ToList();
        result = new AnalysisEngine().Analyze(inputs);
    }

    [GlobalCleanup]
    public void Cleanup() => sample?.Dispose();

    [Benchmark]
    public int Fingerprints() => ResultFingerprints.Compute(result).Count;

    [Benchmark]
    public long Text()
    {
        using var writer = new StreamWriter(Stream.Null, Encoding.UTF8);
        TextReporter.Write(result, writer, new TextReportOptions { Sources = new SourceFiles(sample!.Directory) });
        return writer.BaseStream.Position;
    }

    [Benchmark]
    public long Json()
    {
        using var stream = new MemoryStream();
        JsonReporter.Write(result, stream, "0.0.0-bench");
        return stream.Length;
    }

    [Benchmark]
    public long Sarif()
    {
        using var stream = new MemoryStream();
        return SarifReport.Write(result, sample!.Directory, "0.0.0-bench", stream);
    }

    [Benchmark]
    public long GitHub()
    {
        using var writer = new StreamWriter(Stream.Null, Encoding.UTF8);
        GitHubAnnotations.Write(result, writer, path => path);
        return writer.BaseStream.Position;
    }

    [Benchmark]
    public long Markdown()
    {
        using var writer = new StreamWriter(Stream.Null, Encoding.UTF8);
        MarkdownReport.Write(result, writer);
        return writer.BaseStream.Position;
    }
}
