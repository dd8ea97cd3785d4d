using ManifestLint.Sarif.Model;

namespace ManifestLint.Sarif;

/// <summary>
/// Turns the paths findings carry into SARIF artifact locations. A path under the source root becomes a
/// relative URI reference resolved against <c>%SRCROOT%</c>: '/'-separated, each segment percent-encoded
/// per RFC 3986 (everything but unreserved characters, non-ASCII as UTF-8 bytes), never starting with
/// "./". A path outside the source root becomes an absolute <c>file://</c> URI without a base ID.
/// </summary>
internal sealed class ArtifactUris
{
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>
    /// Standard input (the engine calls it <see cref="Engine.Analysis.AnalysisInput.StandardInputPath"/>) is written as the relative reference
    /// <c>"-"</c> without a <c>uriBaseId</c>: it is a valid URI reference (unlike "&lt;stdin&gt;"), it does
    /// not pretend to be a file under the source root (with <c>%SRCROOT%</c> it would resolve to a file
    /// named "-" there), it is what the user typed on the command line, and it is not a made-up URI scheme
    /// ("stdin:") that consumers would try to interpret. Consumers such as GitHub cannot map it onto a file,
    /// which is the truth for standard input.
    /// </summary>
    public const string StandardInputUri = "-";

    private static readonly char[] Separators = OperatingSystem.IsWindows() ? ['\\', '/'] : ['/'];

    private readonly string sourceRoot;
    private readonly string workingDirectory;
    private readonly Dictionary<string, ArtifactLocation> cache = new(StringComparer.Ordinal);

    public ArtifactUris(string sourceRoot, string workingDirectory)
    {
        this.sourceRoot = FullDirectory(sourceRoot, nameof(sourceRoot));
        this.workingDirectory = FullDirectory(workingDirectory, nameof(workingDirectory));
        var rootUri = FileUri(Path.TrimEndingDirectorySeparator(this.sourceRoot));
        SourceRootUri = rootUri.EndsWith('/') ? rootUri : rootUri + "/";
    }

    /// <summary>The absolute <c>file://</c> URI of the source root, ending in '/' as SARIF requires of a base URI.</summary>
    public string SourceRootUri { get; }

    public ArtifactLocation Locate(string path)
    {
        if (!cache.TryGetValue(path, out var location))
        {
            location = cache[path] = Create(path);
        }

        return location;
    }

    /// <summary>The absolute <c>file://</c> URI of an absolute path: <c>file:///home/a%20b/x.yaml</c>, <c>file:///C:/x.yaml</c>, <c>file://server/share/x.yaml</c>.</summary>
    public static string FileUri(string fullPath)
    {
        if (OperatingSystem.IsWindows() && fullPath.StartsWith(@"\\", StringComparison.Ordinal))
        {
            // UNC path \\server\share\dir: the server is the URI's authority.
            var parts = fullPath[2..].Split(Separators);
            return $"file://{Uri.EscapeDataString(parts[0])}/{Encode(parts.Skip(1))}";
        }

        var segments = fullPath.Split(Separators);
        if (OperatingSystem.IsWindows() && segments[0] is [_, ':'] drive && char.IsAsciiLetter(drive[0]))
        {
            // C:\dir -> file:///C:/dir; the drive's colon stays as written.
            return $"file:///{drive}/{Encode(segments.Skip(1))}";
        }

        // Unix: "/a/b" splits into "", "a", "b"; the leading empty segment gives "file:///a/b".
        return $"file://{Encode(segments)}";
    }

    /// <summary>Percent-encodes each segment (RFC 3986 unreserved characters kept) and joins them with '/'.</summary>
    public static string Encode(IEnumerable<string> segments) => string.Join('/', segments.Select(Uri.EscapeDataString));

    private ArtifactLocation Create(string path)
    {
        if (path is Engine.Analysis.AnalysisInput.StandardInputPath or StandardInputUri)
        {
            return new ArtifactLocation { Uri = StandardInputUri };
        }

        var full = Path.GetFullPath(path, workingDirectory);
        var relative = Path.GetRelativePath(sourceRoot, full);
        var outside = relative == "."
            || Path.IsPathRooted(relative)
            || relative == ".."
            || Separators.Any(s => relative.StartsWith(".." + s, StringComparison.Ordinal));
        return outside
            ? new ArtifactLocation { Uri = FileUri(full) }
            : new ArtifactLocation { Uri = Encode(relative.Split(Separators)), UriBaseId = SourceRootId };
    }

    private static string FullDirectory(string directory, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory, name);
        if (!Path.IsPathFullyQualified(directory))
        {
            throw new ArgumentException($"'{directory}' is not an absolute path.", name);
        }

        return Path.GetFullPath(directory);
    }
}
