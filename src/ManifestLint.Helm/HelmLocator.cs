namespace ManifestLint.Helm;

/// <summary>Finds the <c>helm</c> executable: the one given with <c>--helm</c>, else the first on <c>PATH</c>.</summary>
public static class HelmLocator
{
    public const string InstallHint =
        "Install Helm (https://helm.sh/docs/intro/install/) and put it on PATH or pass --helm PATH, "
        + "or render the chart yourself and pipe the output in: helm template release CHART | manifestlint lint -";

    /// <param name="configured">The <c>--helm</c> option, relative to <paramref name="workingDirectory"/>; null to search <paramref name="searchPath"/>.</param>
    /// <param name="searchPath">The <c>PATH</c> value.</param>
    /// <returns>The absolute path of the executable, or null when there is none.</returns>
    public static string? Find(string? configured, string? searchPath, string workingDirectory)
    {
        if (configured is not null)
        {
            var full = Path.GetFullPath(configured, workingDirectory);
            return File.Exists(full) ? full : null;
        }

        var names = OperatingSystem.IsWindows() ? new[] { "helm.exe", "helm" } : ["helm"];
        foreach (var directory in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate, workingDirectory);
                }
            }
        }

        return null;
    }
}
