using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Summary;

/// <summary>
/// One container of the per-workload memory table (<c>lint --summary</c>): what the container asks for and how its
/// runtime will use it. Empty strings mean "not applicable or unknown".
/// </summary>
public sealed record MemorySummaryRow(
    string Workload,
    string Container,
    string Runtime,
    string Request,
    string Limit,
    string Qos,
    string Heap,
    string Footprint,
    string Headroom,
    SourceSpan Location);
