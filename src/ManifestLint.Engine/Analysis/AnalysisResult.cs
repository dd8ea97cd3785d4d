using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Engine.Analysis;

/// <summary>The outcome of a run: findings in a deterministic order, and what was looked at.</summary>
public sealed record AnalysisResult(IReadOnlyList<Diagnostic> Diagnostics, int FileCount, int ResourceCount)
{
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
