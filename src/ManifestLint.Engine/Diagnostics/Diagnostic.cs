using ManifestLint.Engine.Fixes;
using ManifestLint.Engine.Suppressions;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Diagnostics;

/// <summary>A secondary place that explains a finding, such as the LimitRange a default came from.</summary>
public sealed record RelatedLocation(SourceSpan Span, string Message);

/// <summary>
/// One finding. <see cref="FingerprintKey"/> identifies it across runs independently of line numbers
/// (rule, kind, namespace, name, container and a rule-chosen detail), so moving unrelated lines does not
/// turn it into a new alert in code scanning.
/// </summary>
public sealed record Diagnostic(
    RuleDescriptor Rule,
    Severity Severity,
    string Message,
    SourceSpan Location,
    IReadOnlyList<RelatedLocation> RelatedLocations,
    IReadOnlyDictionary<string, string> Properties,
    string FingerprintKey)
{
    public string RuleId => Rule.Id;

    /// <summary>The in-source suppression (comment or annotation) that silences this finding; null when it is active.</summary>
    public Suppression? Suppression { get; init; }

    /// <summary>A safe mechanical fix: exact text replacements that make the finding go away.</summary>
    public Fix? Fix { get; init; }

    /// <summary>Whether the finding was in the baseline given with <c>--baseline</c>; null without one.</summary>
    public BaselineState? BaselineState { get; init; }
}
