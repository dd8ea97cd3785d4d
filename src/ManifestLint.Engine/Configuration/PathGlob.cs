using Microsoft.Extensions.FileSystemGlobbing;

namespace ManifestLint.Engine.Configuration;

/// <summary>
/// Globs of the configuration file (<c>charts/legacy/**</c>, <c>**/testdata/**</c>, <c>*.yaml</c>), matched on path
/// strings only (Microsoft.Extensions.FileSystemGlobbing on in-memory paths): '/' separates directories, <c>*</c>
/// matches within one name, <c>**</c> any number of directories. Patterns are relative to the configuration file's
/// directory, case-sensitive, and a file outside that directory never matches.
/// </summary>
internal sealed class PathGlob
{
    private readonly Matcher? matcher;

    public PathGlob(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            return;
        }

        matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in patterns)
        {
            matcher.AddInclude(pattern.Replace('\\', '/'));
        }
    }

    public bool IsMatch(string directory, string fullPath)
    {
        if (matcher is null)
        {
            return false;
        }

        var relative = Path.GetRelativePath(directory, fullPath).Replace('\\', '/');
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative) && matcher.Match(relative).HasMatches;
    }
}
