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
}
