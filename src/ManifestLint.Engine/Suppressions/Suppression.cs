using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Suppressions;

/// <summary>How a finding was suppressed in source.</summary>
public enum SuppressionKind
{
    /// <summary><c># manifestlint-disable-next-line ML1001 -- reason</c> on the line above the finding.</summary>
    NextLineComment,

    /// <summary><c># manifestlint-disable ML1001 -- reason</c>: from the comment to the end of the YAML document.</summary>
    DocumentComment,

    /// <summary>The annotation <c>manifestlint.io/suppress: "ML1001 -- reason"</c> on the object the finding is about.</summary>
    Annotation,
}

/// <summary>The in-source suppression that silences a finding: its kind, its reason (null when none was given) and where it is written.</summary>
public sealed record Suppression(SuppressionKind Kind, string? Justification, SourceSpan Location);
