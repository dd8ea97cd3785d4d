using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.NodeJs;

/// <summary>
/// ML4002: a Node.js container with a memory limit of 512 MiB or less (<c>smallLimitMiB</c>) leaves the old space to
/// V8's default: half the memory Node sees, but at least 256 MiB, which is all of a 256 MiB limit. Quiet when a flag
/// sizes the heap, when something unknown could (a Secret-backed NODE_OPTIONS), and when the image's Node is older
/// than 20.3 (ML4003: it sizes the heap from the node's memory instead). Where the default is at most 75% of the limit
/// (limits from about 342 MiB up) it leaves room on a Node.js that reads cgroup v2 limits, so the rule reports only
/// an image whose Node.js version is unknown, and says so.
/// </summary>
public sealed class NodeDefaultHeapInSmallContainerRule() : Rule(RuleIds.NodeDefaultHeapInSmallContainer, SmallLimitMiB)
{
    public static readonly RuleOption<int> SmallLimitMiB = RuleOption.WholeNumber("smallLimitMiB", 512);

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (NodeFacts.For(c) is not { LimitBytes: { } limit, Options: { HeapFlag: null, IsComplete: true } options } node
            || node.SeesCgroupV2 == false || limit > c.Option(SmallLimitMiB) * (1L << 20))
        {
            return;
        }

        var oldSpace = NodeFacts.DefaultOldSpaceMiB(limit);

        // At most 75% of the limit (from about 342 MiB up) the default leaves room, on a Node.js that reads cgroup v2
        // limits. Only an unknown version makes it a risk then: an older Node.js sizes the heap from the node's memory.
        var withinShare = oldSpace * 100 <= NodeFacts.SuggestedPercent * (limit >> 20);
        if (withinShare && node.SeesCgroupV2 == true)
        {
            return;
        }

        var half = limit / 2 >> 20;
        var picks = half < NodeFacts.MinDefaultOldSpaceMiB ? $"its {NodeFacts.MinDefaultOldSpaceMiB} MiB floor" : "half of it";
        var zero = options.MaxOldSpaceSize is { } flag ? $"{flag.Describe()} (0 means V8's default)" : "no --max-old-space-size";
        var at = options.MaxOldSpaceSize?.WrittenAt?.Span ?? c.CommandLine.Environment["NODE_OPTIONS"]?.WrittenAt.Span
            ?? (options.Launch == NodeLaunch.NodeCommand ? c.CommandLine.Program[0].WrittenAt.Span : node.LimitSpan);
        var percent = MemoryText.Percent((double)Math.Round(100m * (oldSpace << 20) / limit, 1));
        var message = withinShare
            ? VersionMessage(node.Subject, node.Limit, zero, oldSpace, picks, percent, $"Set NODE_OPTIONS=--max-old-space-size={oldSpace}{node.LauncherNote}")
            : Message(node.Subject, node.Limit, zero, oldSpace, picks, percent, $"{node.SetHeapAdvice()} ({NodeFacts.SuggestedPercent}% of the limit){node.LauncherNote}");
        c.Report(at, message, string.Empty, node.LimitSource());
    });

    /// <summary>The headline: the limit, the old space V8 picks by default and its share, and the fix; why it is too much is on the page.</summary>
    internal static string Message(string subject, string limit, string heapFlag, long oldSpaceMiB, string picks, string percent, string fix) =>
        $"{subject} has a {limit} memory limit and {heapFlag}: V8's old space defaults to {oldSpaceMiB} MiB ({picks}), {percent}% of the limit. {fix}.";

    /// <summary>
    /// The default leaves room, but only on a Node.js that reads cgroup v2 limits (20.3 or later), and the image does not
    /// tell the version: the fix pins the heap at the default, so that it does not depend on the version.
    /// </summary>
    internal static string VersionMessage(string subject, string limit, string heapFlag, long oldSpaceMiB, string picks, string percent, string fix) =>
        $"{subject} has a {limit} memory limit and {heapFlag}: V8's old space is {oldSpaceMiB} MiB ({picks}, {percent}% of the limit) only if its Node.js is 20.3 or later, and the image does not tell the version; an older one sizes it from the node's memory. {fix}.";
}
