using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Usage;

/// <summary>
/// Between the engine's two passes, when usage data is given: the run's <see cref="UsageMatch"/>. Pass 1 has handed
/// every file's text to the <see cref="UsageScan"/>; the files it still asks for are parsed here, and within them
/// only the documents whose text holds one of the data's candidate names (<see cref="UsageSource.MayName(string)"/>).
/// In the usual case (each pod's name fits one workload the texts can hold) no file is parsed here at all.
/// </summary>
internal static class UsageScanner
{
    public static UsageMatch Match(UsageScan scan, IReadOnlyList<AnalysisInput> inputs, AnalysisOptions options, UsageSource usage, ParallelOptions parallel) =>
        scan.Match(files => Workloads([.. files.Select(i => inputs[i])], options, usage, parallel));

    /// <summary>The workloads the given files define.</summary>
    public static IReadOnlySet<WorkloadId> Workloads(IReadOnlyList<AnalysisInput> inputs, AnalysisOptions options, UsageSource usage, ParallelOptions parallel)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<WorkloadId, byte>();
        Parallel.For(0, inputs.Count, parallel, i =>
        {
            foreach (var id in Scan(inputs[i], options, usage))
            {
                found.TryAdd(id, 0);
            }
        });
        return found.Keys.ToHashSet();
    }

    private static List<WorkloadId> Scan(AnalysisInput input, AnalysisOptions options, UsageSource usage)
    {
        byte[] bytes;
        try
        {
            bytes = input.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        if (bytes.Length > options.Limits.MaxFileBytes || !SourceDecoder.TryDecode(input.Path, bytes, out var text, out _) || !MayName(text))
        {
            return [];
        }

        try
        {
            var file = ManifestReader.Read(YamlFileLoader.Load(input.Path, text, options.Limits, MayName), options.Model);
            return file.Workloads.Select(WorkloadId.Of).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Pass 2 reads the file again and reports what is wrong with it.
            return [];
        }

        // A name written with escape sequences ("w\u0065b") is not in the text as such: such documents are parsed.
        bool MayName(string text) => text.Contains('\\', StringComparison.Ordinal) || usage.MayName(text);
    }
}
