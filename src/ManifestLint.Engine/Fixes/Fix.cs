using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Fixes;

/// <summary>
/// A safe mechanical fix for one finding: what it does, in words, and the exact text edits that do it. Edits are
/// positions in the analysed file (or, for rendered charts, the values file a value came from), so applying them
/// changes nothing else: comments, key order, quoting and indentation stay as written.
/// </summary>
public sealed record Fix(string Description, IReadOnlyList<TextEdit> Edits)
{
    public Fix(string description, params TextEdit[] edits)
        : this(description, (IReadOnlyList<TextEdit>)edits)
    {
    }

    /// <summary>
    /// The values the fix writes into one container, by path below it (<c>resources.limits.memory</c> = <c>512Mi</c>),
    /// when that is all it does; empty otherwise. A chart's mapping writes the same values into the values file that
    /// decides them (ManifestLint.Helm), since a rendered manifest is not what a chart user edits.
    /// </summary>
    public IReadOnlyList<ContainerValue> ContainerValues { get; init; } = [];
}

/// <summary>A value a fix sets at <see cref="Path"/> below a container (<c>["resources", "requests", "memory"]</c>).</summary>
public sealed record ContainerValue(IReadOnlyList<string> Path, string Value);

/// <summary>
/// Replaces the text of <see cref="Span"/> (1-based lines and columns, end exclusive) with <see cref="NewText"/>.
/// A span whose start equals its end is an insertion point. <see cref="NewText"/> uses '\n' line breaks; the
/// applier writes the file's own line ending.
/// </summary>
public sealed record TextEdit(SourceSpan Span, string NewText)
{
    public bool IsInsertion => Span.StartLine == Span.EndLine && Span.StartColumn == Span.EndColumn;

    public static TextEdit Insert(string path, int line, int column, string text) => new(new SourceSpan(path, line, column, line, column), text);
}
