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

/// <summary>Which directories are Helm charts, and which chart a file inside one belongs to.</summary>
public static class ChartDirectories
{
    public static bool IsChart(string directory) => Charts.ChartLayout.IsChart(directory);

    /// <summary>
    /// The chart a path (file or directory) lies in, absolute: the nearest directory holding <c>Chart.yaml</c>,
    /// climbing out of vendored subcharts (<c>web/charts/redis/…</c> belongs to <c>web</c>, which renders it);
    /// null when the path is in no chart.
    /// </summary>
    public static string? EnclosingChart(string fullPath)
    {
        var directory = Directory.Exists(fullPath) ? new DirectoryInfo(fullPath) : new FileInfo(fullPath).Directory;
        while (directory is not null && !IsChart(directory.FullName))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            return null;
        }

        var chart = directory.FullName;
        while (Path.GetDirectoryName(chart) is { } folder && Path.GetFileName(folder) == "charts"
            && Path.GetDirectoryName(folder) is { } parent && IsChart(parent))
        {
            chart = parent;
        }

        return chart;
    }
}
