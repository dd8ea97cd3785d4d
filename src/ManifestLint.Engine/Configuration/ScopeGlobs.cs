namespace ManifestLint.Engine.Configuration;

/// <summary>Checks the <c>scopes:</c> globs of a run against its files: a glob that matches no directory holding a linted file is probably a typo.</summary>
public static class ScopeGlobs
{
    /// <returns>Each configuration file's globs that match no directory above any of <paramref name="paths"/>, in file order.</returns>
    public static IReadOnlyList<(string ConfigurationPath, string Glob)> Unmatched(ConfigurationSet configuration, IEnumerable<string> paths)
    {
        var globs = new Dictionary<ManifestLintConfig, bool[]>(ReferenceEqualityComparer.Instance);
        var compiled = new Dictionary<ManifestLintConfig, PathGlob[]>(ReferenceEqualityComparer.Instance);
        var visited = new HashSet<(ManifestLintConfig, string)>();
        foreach (var path in paths)
        {
            var effective = configuration.For(path);
            var config = effective.Config;
            if (config.Scopes.Count == 0 || config.Path is null)
            {
                continue;
            }

            if (!globs.TryGetValue(config, out var matched))
            {
                globs[config] = matched = new bool[config.Scopes.Count];
                compiled[config] = [.. config.Scopes.Select(g => new PathGlob([g]))];
            }

            var each = compiled[config];

            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(config.Directory));
            var full = configuration.FullPathOf(path);
            for (var directory = Path.GetDirectoryName(full); directory is not null && directory.Length > root.Length && visited.Add((config, directory)); directory = Path.GetDirectoryName(directory))
            {
                for (var i = 0; i < matched.Length; i++)
                {
                    matched[i] |= !matched[i] && each[i].IsMatch(root, directory);
                }
            }
        }

        return [.. globs.SelectMany(g => g.Key.Scopes.Where((_, i) => !g.Value[i]).Select(glob => (g.Key.Path!, glob)))];
    }
}
