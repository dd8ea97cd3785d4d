using System.Text;
using ManifestLint.Benchmarks.Corpus;
using ManifestLint.Engine.Analysis;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>The in-memory inputs of the suites: the first files of the generated corpus (one namespace is 40 files).</summary>
public static class BenchmarkCorpus
{
    public const int Files = 2 * CorpusGenerator.FilesPerNamespace;

    public static IReadOnlyList<(string Path, byte[] Bytes)> Load(int count = Files)
    {
        var generator = new CorpusGenerator();
        return Enumerable.Range(0, count).Select(i => generator.File(i)).Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))).ToList();
    }

    public static IReadOnlyList<AnalysisInput> Inputs(int count = Files) =>
        Load(count).Select(f => new AnalysisInput(f.Path, () => f.Bytes)).ToList();
}
