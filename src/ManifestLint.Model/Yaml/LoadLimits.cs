namespace ManifestLint.Model.Yaml;

/// <summary>
/// Bounds that keep hostile input from exhausting memory or the stack. Breaching one is an ML0001
/// finding on the document, never an exception that escapes the loader.
/// </summary>
public sealed record LoadLimits
{
    public static LoadLimits Default { get; } = new();

    /// <summary>Files larger than this are not parsed. Real manifests are far smaller; 50 MB scalars must still load.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Nesting depth of mappings and sequences. Kubernetes objects rarely nest deeper than 30.</summary>
    public int MaxDepth { get; init; } = 500;

    /// <summary>Nodes a document may stand for once aliases are expanded (the "billion laughs" bound).</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;
}
