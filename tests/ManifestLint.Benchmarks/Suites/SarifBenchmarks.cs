using BenchmarkDotNet.Attributes;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Sarif;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>Building and writing the SARIF log of the corpus' findings (fingerprints, rule descriptors, JSON).</summary>
[MemoryDiagnoser]
public class SarifBenchmarks
{
    private readonly SarifOptions options = new("/bench", "/bench", "0.0.0-bench");
    private AnalysisResult result = new([], 0, 0);

    [GlobalSetup]
    public void Setup() => result = new AnalysisEngine().Analyze(BenchmarkCorpus.Inputs());

    [Benchmark]
    public long WriteSarif()
    {
        using var stream = new MemoryStream();
        SarifWriter.Write(SarifWriter.Build(result, RuleCatalog.Default, options), stream);
        return stream.Length;
    }
}
