using BenchmarkDotNet.Attributes;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>
/// A whole engine run with one rule family on (every other rule off). <c>None</c> is the run with every rule off (read,
/// load, model, index): a family's own cost is its time minus that of <c>None</c>.
/// </summary>
[MemoryDiagnoser]
public class RuleFamilyBenchmarks
{
    private readonly AnalysisEngine engine = new();
    private IReadOnlyList<AnalysisInput> inputs = [];
    private AnalysisOptions options = AnalysisOptions.Default;

    [Params("None", "Resources", "Jvm", "Go", "NodeJs", "Python", "Autoscaling", "NamespacePolicy", "Tool", "All")]
    public string Family { get; set; } = "All";

    [GlobalSetup]
    public void Setup()
    {
        inputs = BenchmarkCorpus.Inputs();
        var off = RuleCatalog.Default.Descriptors
            .Where(d => Family != "All" && d.Category != Family)
            .ToDictionary(d => d.Id, _ => Severity.None, StringComparer.Ordinal);
        options = AnalysisOptions.Default with { SeverityOverrides = off, MaxParallelism = 1 };
    }

    [Benchmark]
    public int Analyze() => engine.Analyze(inputs, options).Diagnostics.Count;
}
