namespace ManifestLint.Sarif.Model;

/// <summary>A suppression of a result (§3.35): ManifestLint's are all <c>inSource</c> (a comment or an annotation).</summary>
public sealed record Suppression
{
    /// <summary><c>inSource</c> or <c>external</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The reason written after <c>--</c>; null when none was given.</summary>
    public string? Justification { get; init; }

    /// <summary>Where the suppression is written.</summary>
    public Location? Location { get; init; }
}

/// <summary>A proposed fix (§3.55): a description and the changes to each file.</summary>
public sealed record Fix
{
    public Message? Description { get; init; }

    public required IReadOnlyList<ArtifactChange> ArtifactChanges { get; init; }
}

/// <summary>The replacements to make in one file (§3.56).</summary>
public sealed record ArtifactChange
{
    public required ArtifactLocation ArtifactLocation { get; init; }

    public required IReadOnlyList<Replacement> Replacements { get; init; }
}

/// <summary>Replace <see cref="DeletedRegion"/> (an empty region is an insertion point) with <see cref="InsertedContent"/> (§3.57).</summary>
public sealed record Replacement
{
    public required Region DeletedRegion { get; init; }

    public ArtifactContent? InsertedContent { get; init; }
}

/// <summary>Text content (§3.3).</summary>
public sealed record ArtifactContent
{
    public string? Text { get; init; }
}
