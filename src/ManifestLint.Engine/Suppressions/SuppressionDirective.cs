using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Suppressions;

/// <summary>
/// One suppression written in a file: a directive comment or a <c>manifestlint.io/suppress</c> annotation, the rule
/// IDs it names, its reason, and the part of the file it covers (positions, inclusive).
/// </summary>
/// <param name="Span">The comment or the annotation's value: where findings about the directive itself point.</param>
/// <param name="RuleIds">The known rule IDs it names, upper case, in order.</param>
/// <param name="Problems">What is wrong with it beyond a missing reason (unknown directive or rule, no rule named).</param>
/// <param name="Scope">What it covers, for messages: "the next line", "the rest of the document", "Deployment shop/web".</param>
/// <param name="WholeLine">True for a comment alone on its line, which a fix can delete.</param>
internal sealed record SuppressionDirective(
    SuppressionKind Kind,
    SourceSpan Span,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<string> Problems,
    string? Reason,
    (int Line, int Column) From,
    (int Line, int Column) To,
    string Scope,
    bool WholeLine)
{
    public const string AnnotationKey = "manifestlint.io/suppress";
    public const string NextLineKeyword = "manifestlint-disable-next-line";
    public const string DocumentKeyword = "manifestlint-disable";

    public bool Covers(SourceSpan at) =>
        at.Path == Span.Path
        && (at.StartLine, at.StartColumn).CompareTo(From) >= 0
        && (at.StartLine, at.StartColumn).CompareTo(To) <= 0;
}
