namespace ManifestLint.Model.Yaml;

/// <summary>
/// Bounds that keep hostile input from exhausting memory, time or the stack (README, "Limits"). Breaching one is an
/// ML0001 finding on the file or document, never an exception that escapes the loader. Each bound is per file, so the
/// memory one file can take is bounded whatever it holds: at most about ten times <see cref="MaxFileBytes"/>.
/// </summary>
public sealed record LoadLimits
{
    public static LoadLimits Default { get; } = new();

    /// <summary>Files larger than this are not parsed. Real manifests are far smaller; a 50 MB embedded blob must still load.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Nesting depth of mappings and sequences. Kubernetes objects rarely nest deeper than 30.</summary>
    public int MaxDepth { get; init; } = 500;

    /// <summary>Nodes a document may stand for once aliases and merge keys are expanded (the "billion laughs" bound).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>
    /// Characters of scalar text a document may stand for once aliases are expanded: an alias of a long string costs
    /// no memory, but every rule that reads it pays its length again. Without aliases a document is within it.
    /// </summary>
    public long MaxExpandedCharacters { get; init; } = 64L * 1024 * 1024;

    /// <summary>Documents read from one file; the rest of the file is reported and not analysed.</summary>
    public int MaxDocuments { get; init; } = 100_000;

    /// <summary>YAML nodes (as written, aliases counted once) read from one file; the rest of the file is reported and not analysed.</summary>
    public long MaxNodes { get; init; } = 2_000_000;
}
