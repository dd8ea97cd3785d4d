using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.NodeJs;

/// <summary>
/// ML4002: a Node.js container with a memory limit of 512 MiB or less (<c>smallLimitMiB</c>) leaves the old space to
/// V8's default: half the memory Node sees, but at least 256 MiB, which is all of a 256 MiB limit. Quiet when a flag
/// sizes the heap, when something unknown could (a Secret-backed NODE_OPTIONS), and when the image's Node is older
/// than 20.3 (ML4003: it sizes the heap from the node's memory instead).
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
        var half = limit / 2 >> 20;
        var picks = half < NodeFacts.MinDefaultOldSpaceMiB
            ? $"half of it is {half} MiB, so V8 takes its {NodeFacts.MinDefaultOldSpaceMiB} MiB floor"
            : $"{oldSpace} MiB, half of it";
        var left = node.LimitMiB - oldSpace;
        var consequence = left <= 0
            ? "at or above the limit before the young generation is even added, so the heap can outgrow the container and the kernel OOM-kills it before V8 collects hard or reports a heap out-of-memory error"
            : $"leaving only {left} MiB for the young generation, Buffers, native memory and code, so a busy moment can push the container past its limit into an OOM kill";
        var zero = options.MaxOldSpaceSize is { } flag ? $"{flag.Describe()} (0 means V8's default)" : "no --max-old-space-size";
        var version = node.Version is null ? "; a Node.js older than 20.3 would not even see the limit on cgroup v2 nodes" : string.Empty;
        var at = options.MaxOldSpaceSize?.WrittenAt?.Span ?? c.CommandLine.Environment["NODE_OPTIONS"]?.WrittenAt.Span
            ?? (options.Launch == NodeLaunch.NodeCommand ? c.CommandLine.Program[0].WrittenAt.Span : node.LimitSpan);
        c.Report(
            at,
            $"{node.Subject} has a {node.Limit} memory limit and {zero}: V8 sizes its old space from the memory Node sees, {picks}: {MemoryText.Percent((double)Math.Round(100m * (oldSpace << 20) / limit, 1))}% of the limit, {consequence}{version}. {node.SetHeapAdvice()} ({NodeFacts.SuggestedPercent}% of the limit){node.LauncherNote}.",
            string.Empty,
            node.LimitSource());
    });
}
