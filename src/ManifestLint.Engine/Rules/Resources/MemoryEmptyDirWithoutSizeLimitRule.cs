using ManifestLint.Engine.Analysis;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>ML1008: an <c>emptyDir</c> with <c>medium: Memory</c> and no <c>sizeLimit</c>.</summary>
public sealed class MemoryEmptyDirWithoutSizeLimitRule() : Rule("ML1008")
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterPodAction(c =>
    {
        foreach (var volume in c.Pod.Volumes)
        {
            if (volume.EmptyDir is not { IsMemoryBacked: true, SizeLimit: null } emptyDir)
            {
                continue;
            }

            var at = emptyDir.MediumEntry is { } medium ? medium.Key.Span.Through(medium.Value.Span) : emptyDir.Entry.Key.Span;
            c.Report(
                at,
                $"{c.Workload.Resource.DisplayName}: volume \"{volume.Name}\" is a memory-backed emptyDir (tmpfs) without sizeLimit: files written to it are charged to the writing container's memory and can fill it up to the pod's memory limit (node memory when the pod has none). Set emptyDir.sizeLimit below the writer's memory limit.",
                volume.Name);
        }
    });
}
