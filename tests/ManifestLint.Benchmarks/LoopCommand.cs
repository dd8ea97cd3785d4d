using System.Globalization;
using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Benchmarks;

/// <summary>
/// <c>loop VARIANT N PATH...</c>: runs one stage N times over the files, single-threaded, for instruction counts under
/// <c>valgrind --tool=callgrind</c> (timings on a shared machine are noise): the difference between N and 2N runs is
/// the cost of N, without start-up and JIT. Variants: <c>yamlstream</c>, <c>events</c>, <c>events-per-document</c>,
/// <c>loader</c>, <c>model</c> (loader and model), <c>engine</c> (the whole engine, rules included), <c>engine-no-rules</c> (the engine with every rule off: passes, model, suppressions).
/// </summary>
public static class LoopCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var variant = args[0];
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var files = FloorCommand.Files(args.Skip(2)).Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToList();
        var inputs = files.Select(f => new AnalysisInput(f.Path, () => f.Bytes)).ToList();
        var engine = new AnalysisEngine();
        var options = AnalysisOptions.Default with { MaxParallelism = 1 };
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            total += variant switch
            {
                "yamlstream" => files.Sum(f => FloorCommand.Load(Encoding.UTF8.GetString(f.Bytes), eventsOnly: false)),
                "events" => files.Sum(f => FloorCommand.Load(Encoding.UTF8.GetString(f.Bytes), eventsOnly: true)),
                "events-per-document" => files.Sum(f => DocumentSplitter.Split(Encoding.UTF8.GetString(f.Bytes)).Sum(d => FloorCommand.Load(d.Text, eventsOnly: true))),
                "loader" => files.Sum(f => YamlFileLoader.Load(f.Path, f.Bytes).Documents.Count),
                "model" => files.Sum(f => ManifestReader.Read(YamlFileLoader.Load(f.Path, f.Bytes)).Resources.Count),
                "engine" => engine.Analyze(inputs, options).Diagnostics.Count,
                "engine-no-rules" => engine.Analyze(inputs, options with { SeverityOverrides = ManifestLint.Engine.Catalog.RuleCatalog.Default.Descriptors.ToDictionary(d => d.Id, _ => ManifestLint.Engine.Diagnostics.Severity.None, StringComparer.Ordinal) }).ResourceCount,
                _ => throw new ArgumentException($"unknown variant {variant}"),
            };
        }

        output.WriteLine(FormattableString.Invariant($"loop {variant} x{count}: {total}, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pause {GC.GetTotalPauseDuration().TotalSeconds:F3} s, promoted {GC.GetGCMemoryInfo(GCKind.Any).PromotedBytes / 1e6:F1} MB (last GC)"));
        return 0;
    }
}
