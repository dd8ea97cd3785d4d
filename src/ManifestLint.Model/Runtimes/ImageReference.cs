namespace ManifestLint.Model.Runtimes;

/// <summary>
/// A container image reference, <c>[registry/]repository[:tag][@digest]</c>, split as the distribution reference
/// grammar does: the first path component is a registry when it contains a dot or a colon or is <c>localhost</c>.
/// </summary>
/// <param name="Registry">e.g. <c>ghcr.io</c>; null when not written (Docker Hub).</param>
/// <param name="Repository">The path as written, e.g. <c>library/openjdk</c> or <c>bellsoft/liberica-openjdk-alpine</c>.</param>
public sealed record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>The repository without Docker Hub's <c>library/</c> prefix, lower case: <c>openjdk</c>, <c>azul/zulu-openjdk</c>.</summary>
    public string Path => (Repository.StartsWith("library/", StringComparison.Ordinal) ? Repository["library/".Length..] : Repository).ToLowerInvariant();

    /// <summary>The last path component, lower case: <c>zulu-openjdk</c>.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    public static ImageReference? Parse(string? image)
    {
        var text = image?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        string? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
        }

        string? registry = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && (text[..slash].Contains('.', StringComparison.Ordinal) || text[..slash].Contains(':', StringComparison.Ordinal) || text[..slash] == "localhost"))
        {
            registry = text[..slash];
            text = text[(slash + 1)..];
        }

        // The tag follows the last colon of the last path component (a registry port was removed above).
        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }

        return text.Length == 0 ? null : new ImageReference(registry, text, tag, digest);
    }

    public override string ToString() =>
        $"{(Registry is null ? string.Empty : Registry + "/")}{Repository}{(Tag is null ? string.Empty : ":" + Tag)}{(Digest is null ? string.Empty : "@" + Digest)}";
}
