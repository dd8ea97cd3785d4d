using System.Text;
using BenchmarkDotNet.Attributes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>Loading YAML with source positions (our tree over YamlDotNet's parser) against YamlDotNet's own loading.</summary>
[MemoryDiagnoser]
public class YamlLoadBenchmarks
{
    private IReadOnlyList<(string Path, byte[] Bytes)> files = [];

    [GlobalSetup]
    public void Setup() => files = BenchmarkCorpus.Load();

    [Benchmark(Baseline = true, Description = "YamlDotNet YamlStream.Load (floor)")]
    public int YamlStream() => files.Sum(f => FloorCommand.Load(Encoding.UTF8.GetString(f.Bytes), eventsOnly: false));

    [Benchmark(Description = "YamlDotNet parser events only")]
    public int ParserEvents() => files.Sum(f => FloorCommand.Load(Encoding.UTF8.GetString(f.Bytes), eventsOnly: true));

    [Benchmark(Description = "YamlDotNet parser events, a parser per document")]
    public int ParserEventsPerDocument() => files.Sum(f => DocumentSplitter.Split(Encoding.UTF8.GetString(f.Bytes)).Sum(d => FloorCommand.Load(d.Text, eventsOnly: true)));

    [Benchmark(Description = "YamlFileLoader.Load (positions, limits)")]
    public int LoadWithPositions() => files.Sum(f => YamlFileLoader.Load(f.Path, f.Bytes).Documents.Count);
}
