using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Usage;

/// <summary>
/// Between the engine's two passes, when usage data is given: which workloads the input defines, for the pod to
/// workload mapping. Only documents whose text holds one of the data's candidate names are parsed
/// (<see cref="UsageSource.MayName(string)"/>), so a run pays for the documents the data may concern.
/// </summary>
internal static class UsageScanner
{
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

        if (bytes.Length > options.Limits.MaxFileBytes || !SourceDecoder.TryDecode(input.Path, bytes, out var text, out _) || !usage.MayName(text))
        {
            return [];
        }

        try
        {
            var file = ManifestReader.Read(YamlFileLoader.Load(input.Path, text, options.Limits, usage.MayName), options.Model);
            return file.Workloads.Select(WorkloadId.Of).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Pass 2 reads the file again and reports what is wrong with it.
            return [];
        }
    }
}
