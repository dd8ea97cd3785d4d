using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;

namespace ManifestLint.Engine.Rules.NodeJs;

/// <summary>
/// ML4003: the image's Node.js (version from the tag) cannot see the container's memory limit: before 12 V8 keeps its
/// fixed ≈1400 MiB default old space; from 12 to 20.2 Node reads only cgroup v1, so on cgroup v2 nodes the old space
/// is sized from the node's memory (half of it, up to 4 GiB). Reported when that old space could exceed 75% of the
/// limit and no settled <c>--max-old-space-size</c> fixes the heap (a percentage does not: it is of what Node sees).
/// </summary>
public sealed class NodeCannotSeeMemoryLimitRule() : Rule(RuleIds.NodeCannotSeeMemoryLimit)
{
    /// <summary>V8's fixed 64-bit default before Node 12 sized the heap from memory (700 MB × 2).</summary>
    public const long FixedOldSpaceMiB = 1400;

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (NodeFacts.For(c) is not { LimitBytes: { } limit, Version: { } version, SeesCgroupV2: false } node)
        {
            return;
        }

        var options = node.Options;
        var fixedHeap = options is { MaxOldSpaceSizePercentage: null, MaxOldSpaceSize: { Value: > 0 } size } && options.IsSettled(size);
        var blind = version.Major < 12;
        var oldSpace = blind ? FixedOldSpaceMiB : NodeFacts.HugeDefaultOldSpaceMiB;
        if (fixedHeap || !options.IsComplete || oldSpace * 100 <= node.LimitMiB * NodeFacts.SuggestedPercent)
        {
            return;
        }

        var image = $"Node.js {version} (image {c.Container.Image})";
        var percentage = options.MaxOldSpaceSizePercentage is { } p ? $"; {p.Describe()} does not help, it is a share of the memory Node sees" : string.Empty;
        var advice = $"{node.SetHeapAdvice()} ({NodeFacts.SuggestedPercent}% of the limit)";
        var message = blind ? BlindMessage(node.Subject, image, node.Limit, percentage, advice, node.LauncherNote) : NoCgroupV2Message(node.Subject, image, node.Limit, percentage, advice, node.LauncherNote);
        c.Report(c.Container.Node.Entry("image")?.Value.Span ?? c.Container.NameSpan, message, blind ? "noCgroup" : "noCgroupV2", node.LimitSource());
    });

    /// <summary>Node before 12: the version, the fixed old space against the limit, and the fix.</summary>
    internal static string BlindMessage(string subject, string image, string limit, string percentageNote, string advice, string launcherNote) =>
        $"{subject} runs {image}, which predates cgroup awareness (Node.js 12): V8's old space stays about {FixedOldSpaceMiB} MiB whatever the {limit} memory limit{percentageNote}. {advice}, and move to Node.js 20.3 or later{launcherNote}.";

    /// <summary>Node before 20.3: the version, the limit it does not see on cgroup v2, and the fix.</summary>
    internal static string NoCgroupV2Message(string subject, string image, string limit, string percentageNote, string advice, string launcherNote) =>
        $"{subject} runs {image}, which does not read cgroup v2 limits (added in Node.js 20.3.0): V8 sizes its old space from the node's memory, not the {limit} memory limit{percentageNote}. {advice}, or use Node.js 20.3 or later{launcherNote}.";
}
