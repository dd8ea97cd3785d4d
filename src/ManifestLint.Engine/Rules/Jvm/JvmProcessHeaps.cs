using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Runtimes.Catalog;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>One JVM of an image that starts several (<see cref="ImageCatalogEntry.Processes"/>): its flags and heap.</summary>
public sealed record JvmProcessHeap(string Name, JvmOptions Options, JvmHeap Heap);

/// <summary>
/// The JVMs of a container whose image starts several (SonarQube: web, compute engine, search), as the image catalog
/// describes them. Their heaps add up in one cgroup, so ML2001 and ML2002 judge the sum. Known only when every JVM's
/// heap is settled (nothing unknown, a Secret or an @argfile, could change it).
/// </summary>
internal static class JvmProcessHeaps
{
    /// <summary>Every process's heap, or null when the image starts one JVM, or any heap is not known.</summary>
    public static IReadOnlyList<JvmProcessHeap>? Of(ContainerContext c, long? limitBytes) =>
        c.Facts.Derived(c.Container, _ => new Holder(Compute(c, limitBytes))).Heaps;

    private static List<JvmProcessHeap>? Compute(ContainerContext c, long? limitBytes)
    {
        if (c.Runtime.Image is not { Processes.Count: > 0 } entry || c.Runtime.Kind != Runtime.Jvm)
        {
            return null;
        }

        var heaps = new List<JvmProcessHeap>();
        foreach (var process in entry.Processes)
        {
            var options = JvmOptions.From(c.Container, c.CommandLine, c.Runtime.Version, process.Launcher);
            var visibility = JvmContainerSupport.Of(options, c.Runtime.Version);
            var heap = JvmErgonomics.MaxHeap(visibility.Visibility == JvmLimitVisibility.Blind ? null : limitBytes, options);
            var settled = heap is not null && (heap.Basis == JvmHeapBasis.MaxHeapSizeFlag && heap.Flag is { } xmx ? options.IsSettled(xmx) : options.IsComplete);
            if (!settled || options.Flags.Any(f => !f.IsValid))
            {
                return null;
            }

            heaps.Add(new JvmProcessHeap(process.Name, options, heap!));
        }

        return heaps;
    }

    /// <summary>"web 512 MiB, compute engine 512 MiB, search 512 MiB".</summary>
    public static string Describe(IEnumerable<JvmProcessHeap> heaps) =>
        string.Join(", ", heaps.Select(h => $"{h.Name} {Common.MemoryText.MiBText(h.Heap.Bytes)} ({JvmFacts.DescribeHeap(h.Heap)})"));

    private sealed record Holder(List<JvmProcessHeap>? Heaps);
}
