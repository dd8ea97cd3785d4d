namespace ManifestLint.Sarif.Model;

/// <summary>One finding (§3.27).</summary>
public sealed record Result
{
    public required string RuleId { get; init; }

    /// <summary>The index of the rule in <c>tool.driver.rules</c>.</summary>
    public int? RuleIndex { get; init; }

    /// <summary><c>none</c>, <c>note</c>, <c>warning</c> or <c>error</c>.</summary>
    public string? Level { get; init; }

    public required Message Message { get; init; }

    public IReadOnlyList<Location>? Locations { get; init; }

    public IReadOnlyList<Location>? RelatedLocations { get; init; }

    /// <summary>Line-independent identities, keyed by a versioned name such as <c>manifestlint/v1</c>.</summary>
    public IReadOnlyDictionary<string, string>? PartialFingerprints { get; init; }

    /// <summary>
    /// In-source suppressions (§3.27.23). Written only with <c>--include-suppressed</c>, and then on every result:
    /// empty when the result is not suppressed, since an absent array means "suppression state unknown".
    /// </summary>
    public IReadOnlyList<Suppression>? Suppressions { get; init; }

    /// <summary><c>new</c>, <c>unchanged</c> or <c>absent</c> against a baseline log (§3.27.24); null without one.</summary>
    public string? BaselineState { get; init; }

    /// <summary>Safe mechanical fixes as exact text replacements (§3.27.30).</summary>
    public IReadOnlyList<Fix>? Fixes { get; init; }

    public PropertyBag? Properties { get; init; }
}

/// <summary>A message (§3.11); ManifestLint writes plain text only.</summary>
public sealed record Message
{
    public string? Text { get; init; }

    public string? Markdown { get; init; }
}

/// <summary>A place in an artifact (§3.28); related locations carry an <see cref="Id"/> and a <see cref="Message"/>.</summary>
public sealed record Location
{
    public int? Id { get; init; }

    public PhysicalLocation? PhysicalLocation { get; init; }

    public Message? Message { get; init; }
}

/// <summary>A file and a region in it (§3.29).</summary>
public sealed record PhysicalLocation
{
    public ArtifactLocation? ArtifactLocation { get; init; }

    public Region? Region { get; init; }
}

/// <summary>
/// A URI reference to a file (§3.4); relative references are resolved against the base named by
/// <see cref="UriBaseId"/> (a key of <see cref="Run.OriginalUriBaseIds"/>).
/// </summary>
public sealed record ArtifactLocation
{
    public string? Uri { get; init; }

    public string? UriBaseId { get; init; }
}

/// <summary>A text region (§3.30): 1-based lines and columns, the end column just after the last character.</summary>
public sealed record Region
{
    public int? StartLine { get; init; }

    public int? StartColumn { get; init; }

    public int? EndLine { get; init; }

    public int? EndColumn { get; init; }
}
