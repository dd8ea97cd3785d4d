using System.Diagnostics;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Benchmarks;

/// <summary>
/// <c>floor [--events] [--max-parallelism N] PATH...</c>: the cost of YamlDotNet alone on the files a lint reads
/// (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>, recursively): read, decode, and load every document into a
/// <see cref="YamlStream"/> (with <c>--events</c>, only pull the parser's events), with no model and no rules.
/// This is what the lint is compared with. Prints the files, documents and bytes it read.
/// </summary>
public static class FloorCommand
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".yaml", ".yml", ".json" };

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var eventsOnly = false;
        var parallelism = Environment.ProcessorCount;
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--events":
                    eventsOnly = true;
                    break;
                case "--max-parallelism" when i + 1 < args.Count:
                    parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        var files = Files(paths);
        var stopwatch = Stopwatch.StartNew();
        long documents = 0;
        long bytes = 0;
        var failed = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, file =>
        {
            var content = File.ReadAllBytes(file);
            try
            {
                var count = Load(Encoding.UTF8.GetString(content), eventsOnly);
                Interlocked.Add(ref documents, count);
            }
            catch (YamlException)
            {
                Interlocked.Increment(ref failed);
            }

            Interlocked.Add(ref bytes, content.Length);
        });
        output.WriteLine(FormattableString.Invariant($"floor: {files.Count} files, {documents} documents, {bytes} bytes, {failed} failed, {stopwatch.Elapsed.TotalSeconds:F3} s, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        return 0;
    }

    /// <summary>The files a lint of <paramref name="paths"/> reads, in its order.</summary>
    public static IReadOnlyList<string> Files(IEnumerable<string> paths) => paths.SelectMany(p => Directory.Exists(p)
        ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => Extensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal)
        : (IEnumerable<string>)[p]).ToList();

    /// <returns>How many documents the text holds.</returns>
    public static int Load(string text, bool eventsOnly)
    {
        if (!eventsOnly)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count;
        }

        var parser = new Parser(new StringReader(text));
        var count = 0;
        while (parser.MoveNext())
        {
            count += parser.Current is YamlDotNet.Core.Events.DocumentStart ? 1 : 0;
        }

        return count;
    }
}
