using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>
/// ML2005: the heap is fixed with -Xmx (or -XX:MaxHeapSize) while the container has a memory limit. The heap
/// then does not follow the limit when it changes; -XX:MaxRAMPercentage makes it a share of whatever limit the
/// container gets. Quiet when ML2001 already reports the flag, for JVMs that cannot see the limit (there
/// -Xmx is the right tool), and for images whose start script always passes an -Xmx of its own (Elasticsearch,
/// OpenSearch, Logstash, Cassandra, bitnami ZooKeeper): -Xmx beats any percentage, so the advice would not work.
/// </summary>
public sealed class JvmHeapHardCodedRule() : Rule(RuleIds.JvmHeapHardCoded)
{
    /// <summary>The highest percentage the fix suggests (ML2003's threshold).</summary>
    private const double SuggestedMaximum = 75;

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (JvmFacts.For(c) is not { Heap: { Basis: JvmHeapBasis.MaxHeapSizeFlag, Flag: { } xmx } heap, HeapSettled: true, LimitBytes: { } limit, HeapFillsLimit: false } jvm
            || jvm.Visibility == JvmLimitVisibility.Blind || c.Runtime.Launcher is { TakesHeapPercentage: false })
        {
            return;
        }

        var percent = 100.0 * heap.Bytes / limit;
        var suggested = Math.Max(1, Math.Min(SuggestedMaximum, Math.Floor(percent)));
        c.Report(
            RuntimeFixes.ReplaceToken(xmx.WrittenAt, xmx.Text, $"-XX:MaxRAMPercentage={suggested.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}", $"Replace {xmx.Text} with -XX:MaxRAMPercentage={MemoryText.Percent(suggested)}, so the heap follows the memory limit."),
            xmx.WrittenAt?.Span ?? jvm.LimitSpan,
            $"{jvm.Subject}: {xmx.Describe()} fixes the heap at {MemoryText.MiBText(heap.Bytes)} ({MemoryText.Percent(Math.Round(percent, 1))}% of the {jvm.Limit} memory limit), which does not follow the limit when it changes. Use -XX:MaxRAMPercentage={MemoryText.Percent(suggested)} instead.",
            xmx.Source.ToString());
    });
}
