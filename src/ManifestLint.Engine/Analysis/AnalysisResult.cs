using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Engine.Analysis;

/// <summary>The outcome of a run: findings in a deterministic order, and what was looked at.</summary>
public sealed record AnalysisResult(IReadOnlyList<Diagnostic> Diagnostics, int FileCount, int ResourceCount)
{
    /// <summary>One row per container, when <see cref="AnalysisOptions.CollectMemorySummary"/> asked for it; in input order.</summary>
    public IReadOnlyList<Summary.MemorySummaryRow> MemorySummary { get; init; } = [];

    /// <summary>
    /// The findings that count: <see cref="Diagnostics"/> holds suppressed findings too (marked with their
    /// <see cref="Diagnostic.Suppression"/>, so they survive any mapping of the list), and every report leaves them out
    /// unless asked (<c>--show-suppressed</c>, <c>--include-suppressed</c>); they never count toward the exit code.
    /// </summary>
    public IEnumerable<Diagnostic> Active => Diagnostics.Where(d => d.Suppression is null);

    /// <summary>Findings silenced by an in-source suppression.</summary>
    public IEnumerable<Diagnostic> Suppressed => Diagnostics.Where(d => d.Suppression is not null);

    /// <summary>Orders by file, position, rule and message: the same input always gives the same output.</summary>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
        .ThenBy(d => d.Location.StartLine)
        .ThenBy(d => d.Location.StartColumn)
        .ThenBy(d => d.RuleId, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .ThenBy(d => d.FingerprintKey, StringComparer.Ordinal)
        .ToList();
}

/// <summary>
/// The findings of one file, handed on by <see cref="AnalysisEngine.Stream"/> once final: sorted, duplicates dropped,
/// suppressions applied (suppressed findings marked). <see cref="Path"/> is null for the run's last batch of
/// end-of-run notifications, whose findings may point anywhere.
/// </summary>
public sealed record AnalysisBatch(string? Path, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Summary.MemorySummaryRow> Summary);

/// <summary>What a streamed run looked at.</summary>
public sealed record AnalysisTotals(int FileCount, int ResourceCount);
