namespace ManifestLint.Helm;

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
