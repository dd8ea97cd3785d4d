using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Fixes;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1008: an <c>emptyDir</c> with <c>medium: Memory</c> and no <c>sizeLimit</c>, or a zero one: the kubelet
/// sizes the tmpfs by the smallest <em>positive</em> of node allocatable, pod limit and sizeLimit
/// (pkg/volume/emptydir/empty_dir.go, <c>calculateEmptyDirMemorySize</c>), so 0 means no limit.
/// </summary>
public sealed class MemoryEmptyDirWithoutSizeLimitRule() : Rule(RuleIds.MemoryEmptyDirWithoutSizeLimit)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterPodAction(c =>
    {
        foreach (var volume in c.Pod.Volumes)
        {
            // An unparseable or negative sizeLimit is ML0003's.
            if (volume.EmptyDir is not { IsMemoryBacked: true } emptyDir || emptyDir.SizeLimit is { Value: not { IsZero: true } })
            {
                continue;
            }

            var without = emptyDir.SizeLimit is null ? "without sizeLimit" : "with sizeLimit 0, which the kubelet ignores";
            var at = emptyDir.MediumEntry is { } medium ? medium.Key.Span.Through(medium.Value.Span) : emptyDir.Entry.Key.Span;
            c.Report(
                ResourceFixes.EmptyDirSizeLimit(c, volume),
                at,
                Message(c.Workload.DisplayName, volume.Name, without),
                volume.Name);
        }
    });

    /// <summary>The headline: the workload, the volume and what is wrong with its size, and the fix; why tmpfs counts against memory is on the page.</summary>
    internal static string Message(string workload, string volume, string without) =>
        $"{workload}: volume \"{volume}\" is a memory-backed emptyDir (tmpfs) {without}. Set emptyDir.sizeLimit below the writer's memory limit.";
}
