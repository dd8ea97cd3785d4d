using System.Text.RegularExpressions;

namespace ManifestLint.Model.Runtimes.Catalog;

/// <summary>Whether a Go program sets GOMEMLIMIT itself (from the cgroup limit), as the catalog states it.</summary>
public enum GoMemLimitSource
{
    /// <summary>Not established, or the container shares its limit with another program: ML3004 stays quiet.</summary>
    Unknown,

    /// <summary>The program leaves GOMEMLIMIT to the user.</summary>
    None,

    /// <summary>The program sets a limit from the cgroup itself (Prometheus 3's --auto-gomemlimit).</summary>
    Self,
}

/// <summary>What the catalog says about a Go program.</summary>
/// <param name="Since">For <see cref="GoMemLimitSource.Self"/>: the first version of the program that does it, read from the tag.</param>
public sealed record GoImageFacts(GoMemLimitSource GoMemLimit, RuntimeVersion? Since);

/// <summary>What the catalog says about a Node.js application: whether its entrypoint may set a heap flag.</summary>
/// <param name="HeapUnknown">True when the start script may pass <c>--max-old-space-size</c> itself.</param>
public sealed record NodeImageFacts(bool HeapUnknown);

/// <summary>What the catalog says about a Python server: which server its entrypoint starts, and how many workers by default.</summary>
public sealed record PythonImageFacts(string? Server, int? Workers, string? WorkersVariable);

/// <summary>One JVM process of an image that starts several (SonarQube: web, compute engine, search).</summary>
public sealed record JvmProcess(string Name, JvmLauncher Launcher);

/// <summary>
/// One image family of the image catalog (<c>rules/images.yaml</c>, or <c>images:</c> in <c>.manifestlint.yaml</c>):
/// the repositories it matches, the runtime they run, and how their entrypoints pass memory settings to it.
/// </summary>
/// <param name="Name">"Kafka", for messages.</param>
/// <param name="Source">Where the facts were read (a URL), or for a user entry the configuration file.</param>
/// <param name="Origin">"the image catalog" or "images: in .manifestlint.yaml": how messages name where a fact comes from.</param>
public sealed record ImageCatalogEntry(
    string Name,
    IReadOnlyList<string> Match,
    IReadOnlyList<string> Except,
    IReadOnlyList<string> Tags,
    Runtime Runtime,
    bool VersionFromTag,
    string Source,
    string Origin)
{
    private PathPattern[]? matchers;
    private PathPattern[]? exceptions;
    private Regex[]? tagMatchers;

    /// <summary>The single JVM's start script; null when the entry starts several (see <see cref="Processes"/>) or is not a JVM.</summary>
    public JvmLauncher? Launcher { get; init; }

    /// <summary>The JVMs of an image that starts more than one; empty otherwise.</summary>
    public IReadOnlyList<JvmProcess> Processes { get; init; } = [];

    public GoImageFacts? Go { get; init; }

    public NodeImageFacts? Node { get; init; }

    public PythonImageFacts? Python { get; init; }

    /// <summary>True when the image's repository (and tag, if the entry names tags) matches.</summary>
    public bool Matches(ImageReference image) => Matches(image.Path, image.Tag);

    /// <summary>The same, for an image's <see cref="ImageReference.Path"/> and tag (the catalog computes the path once for all entries).</summary>
    internal bool Matches(string path, string? tag)
    {
        matchers ??= Match.Select(PathPattern.Of).ToArray();
        exceptions ??= Except.Select(PathPattern.Of).ToArray();
        tagMatchers ??= Tags.Select(t => new Regex($"^{Glob(t)}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)).ToArray();
        return AnyMatches(matchers, path) && !AnyMatches(exceptions, path)
            && (tagMatchers.Length == 0 || (tag is not null && tagMatchers.Any(m => m.IsMatch(tag))));
    }

    private static bool AnyMatches(PathPattern[] patterns, string path)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(path))
            {
                return true;
            }
        }

        return false;
    }

    private static string Glob(string pattern) => Regex.Escape(pattern.ToLowerInvariant()).Replace(@"\*", ".*", StringComparison.Ordinal);

    /// <summary>
    /// A repository pattern: a pattern without '/' matches the last path component under any owner; with '/', the end of
    /// the path. Its longest literal part is checked first: most images match no entry of the catalog, and a substring
    /// search rules them out without running the expression (every container's image is looked up).
    /// </summary>
    private sealed record PathPattern(Regex Regex, string Literal)
    {
        public static PathPattern Of(string pattern) => new(
            new Regex(
                pattern.Contains('/', StringComparison.Ordinal) ? $"(?:^|/){Glob(pattern)}$" : $"(?:^|/){Glob(pattern).Replace(".*", "[^/]*", StringComparison.Ordinal)}$",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase),
            pattern.ToLowerInvariant().Split('*').MaxBy(part => part.Length) ?? string.Empty);

        /// <summary>Paths are lower case (<see cref="ImageReference.Path"/>), as the literal is.</summary>
        public bool IsMatch(string path) => path.Contains(Literal, StringComparison.Ordinal) && Regex.IsMatch(path);
    }
}
