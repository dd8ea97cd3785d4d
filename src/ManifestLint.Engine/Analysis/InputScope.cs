using ManifestLint.Engine.Configuration;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Where an input sits among the clusters of a repository, which decides what its objects relate to.
/// <list type="bullet">
/// <item>With <c>scopes:</c> configured, a file under a directory a scope glob matches belongs to that cluster: its
/// objects relate only to objects of the same cluster, and an object defined twice in the cluster is a duplicate.</item>
/// <item>Without (the default, and for files outside every configured scope), objects of any file may relate, but
/// copies of one object (same kind, namespace and name) in several files are several clusters' copies: a workload
/// relates to the copy nearest to it in the directory tree (<see cref="ScopedTable{T}"/>), a copy in its own file
/// first, then the one with the longest common directory. Two copies in one file are one object defined twice.</item>
/// </list>
/// </summary>
/// <param name="Key">The partition objects relate within: the scope directory, or empty for the default.</param>
/// <param name="Name">The scope's name for messages (its directory relative to the configuration file); null by default.</param>
/// <param name="Place">
/// Where the input is in the tree: its path ('/' separators), the deepest level of nearness, or the directory a Helm
/// render counts as being in (<see cref="AnalysisInput.Place"/>).
/// </param>
/// <param name="Unit">Where defining an object twice makes a duplicate: the scope, or by default the file.</param>
public sealed record InputScope(string Key, string? Name, string Place, string Unit)
{
    public static InputScope Default { get; } = new(string.Empty, null, string.Empty, "file:");

    /// <summary>The scope of an input: its configuration's scope directory, if one matches; else the default by its place.</summary>
    public static InputScope Of(AnalysisInput input, ConfigurationSet? configuration)
    {
        var place = PlaceOf(input);
        if (configuration?.For(input.Path) is { ScopeDirectory: { } directory, ScopeName: var name })
        {
            var key = "scope:" + directory;
            return new InputScope(key, name, place, key);
        }

        return new InputScope(string.Empty, null, place, "file:" + input.Path);
    }

    /// <summary>Where an input counts as being: its own <see cref="AnalysisInput.Place"/>, else its path.</summary>
    public static string PlaceOf(AnalysisInput input) => Normalize(input.Place ?? input.Path);

    /// <summary>The place and every directory above it, nearest first, ending with the empty root.</summary>
    public static IEnumerable<string> Ancestors(string place)
    {
        var current = place;
        while (true)
        {
            yield return current;
            if (current.Length == 0)
            {
                yield break;
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current[..slash];
        }
    }

    private static string Normalize(string directory)
    {
        var normalized = directory.Replace('\\', '/').TrimEnd('/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized == "." ? string.Empty : normalized;
    }
}

/// <summary>
/// Copies of objects by identity, found by the nearest-definition rule: for a place, the copy whose directory shares
/// the longest common directory with it, the first in path order on a tie. Each copy is registered under every
/// directory above it, so a lookup costs the depth of the place, whatever the number of copies.
/// </summary>
internal sealed class ScopedTable<T>
    where T : class
{
    private readonly Dictionary<(string Scope, string Identity, string Directory), T> byDirectory = [];

    /// <summary>Registers a copy; copies must be added in path order (the first one under a directory wins there).</summary>
    public void Add(string scope, string identity, string place, T copy)
    {
        foreach (var directory in InputScope.Ancestors(place))
        {
            if (!byDirectory.TryAdd((scope, identity, directory), copy))
            {
                // Every directory further up already holds an earlier copy.
                return;
            }
        }
    }

    public T? Nearest(string scope, string identity, string place)
    {
        foreach (var directory in InputScope.Ancestors(place))
        {
            if (byDirectory.TryGetValue((scope, identity, directory), out var copy))
            {
                return copy;
            }
        }

        return null;
    }
}
