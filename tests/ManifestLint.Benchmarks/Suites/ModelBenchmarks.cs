using BenchmarkDotNet.Attributes;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>The typed model (objects, pod specs, quantities, autoscalers) from already loaded YAML.</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private IReadOnlyList<YamlFile> loaded = [];

    [GlobalSetup]
    public void Setup() => loaded = BenchmarkCorpus.Load().Select(f => YamlFileLoader.Load(f.Path, f.Bytes)).ToList();

    [Benchmark]
    public int BuildModel() => loaded.Sum(f => ManifestReader.Read(f).Resources.Count);
}
