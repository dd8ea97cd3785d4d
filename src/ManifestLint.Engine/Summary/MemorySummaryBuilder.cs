using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Engine.Rules.Go;
using ManifestLint.Engine.Rules.Jvm;
using ManifestLint.Engine.Rules.NodeJs;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Summary;

/// <summary>
/// Builds a <see cref="MemorySummaryRow"/> from the same facts the rules use (JvmFacts, GoFacts, NodeFacts), so the
/// table and the findings never disagree. The JVM footprint is JvmFacts' record, with ML2002's options read from the
/// file's settings, whichever rule the context names.
/// </summary>
internal static class MemorySummaryBuilder
{
    public static MemorySummaryRow Build(ContainerContext c)
    {
        var request = c.Effective.Request(ResourceNames.Memory);
        var limit = c.Effective.Limit(ResourceNames.Memory);
        var limitBytes = limit.PositiveBytes();
        var (heap, heapBytes, footprintBytes) = RuntimeMemory(c);
        var used = footprintBytes ?? heapBytes;
        var headroom = limitBytes is { } l && used is { } u ? MemoryText.MiBText(l - u) : string.Empty;
        return new MemorySummaryRow(
            c.Workload.DisplayName,
            c.Container.Kind == ContainerKind.App ? c.Container.Name : $"{c.Container.Name} ({c.Container.Kind.ToString().ToLowerInvariant()})",
            RuntimeName(c.Runtime),
            request?.Value is { } r ? ByteSize.Format(r) : "none",
            limit?.Value is { } lim && !lim.IsZero ? ByteSize.Format(lim) : "none",
            c.Facts.Qos.ToString(),
            heap,
            footprintBytes is { } f ? MemoryText.MiBText(f) : string.Empty,
            headroom,
            c.Container.NameSpan);
    }

    private static string RuntimeName(RuntimeDetection runtime) => runtime.Kind switch
    {
        Runtime.Unknown => string.Empty,
        _ => $"{runtime.Kind}{(runtime.Version is { } v ? $" {v}" : string.Empty)}{(runtime.IsCertain ? string.Empty : "?")}",
    };

    private static (string Heap, long? HeapBytes, long? FootprintBytes) RuntimeMemory(ContainerContext c)
    {
        switch (c.Runtime.Kind)
        {
            case Runtime.Jvm when JvmFacts.For(c) is { Heap: not null, HeapSettled: false } unsettled:
                // Something the manifest does not show (a start script's heap, a Secret, an @argfile) may set the
                // heap: the rules stay quiet, and the table must not show the ergonomic figure as if it were known.
                return ($"unknown: {string.Join("; ", unsettled.Options.Unknown)}", null, null);
            case Runtime.Jvm when JvmFacts.For(c) is { Heap: { } heap } jvm:
                var footprint = jvm.Footprint(c.Options.Settings) is { } f ? (long)decimal.Min(f.Total, long.MaxValue) : (long?)null;
                return ($"{MemoryText.MiBText(heap.Bytes)} ({JvmFacts.DescribeHeap(heap)})", heap.Bytes, jvm.HeapSettled ? footprint : null);
            case Runtime.Go when GoFacts.For(c) is { MemLimitState: GoMemLimitState.Set } go:
                return ($"GOMEMLIMIT {MemoryText.MiBText(go.MemLimitBytes)}", go.MemLimitBytes, null);
            case Runtime.Go:
                return ("no GOMEMLIMIT", null, null);
            case Runtime.Node when NodeFacts.For(c) is { Options.HeapFlag: { IsValid: true } flag, LimitBytes: var limit }:
                return ($"old space {flag.Describe()}", NodeFacts.OldSpaceBytes(flag, limit), null);
            case Runtime.Node:
                return ("V8 default old space", null, null);
            default:
                return (string.Empty, null, null);
        }
    }
}
