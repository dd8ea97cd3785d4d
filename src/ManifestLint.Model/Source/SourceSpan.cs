namespace ManifestLint.Model.Source;

/// <summary>
/// A range in a source file. Lines and columns are 1-based, as in YamlDotNet marks and SARIF regions,
/// so they are copied across unchanged; the end column is the column just after the last character.
/// </summary>
public sealed record SourceSpan(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A span for a whole file, used when nothing more precise is known.</summary>
    public static SourceSpan FileStart(string path) => new(path, 1, 1, 1, 1);

    /// <summary>The span from the start of this one to the end of <paramref name="other"/>.</summary>
    public SourceSpan Through(SourceSpan other) => this with { EndLine = other.EndLine, EndColumn = other.EndColumn };

    public override string ToString() => $"{Path}({StartLine},{StartColumn})";
}
