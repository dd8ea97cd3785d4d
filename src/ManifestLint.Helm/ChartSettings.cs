using ManifestLint.Engine.Configuration;

namespace ManifestLint.Helm;

/// <summary>
/// The settings one chart renders with: the run's (command line) settings, with the <c>helm:</c> section of the
/// chart's own configuration file applied (the nearest <c>.manifestlint.yaml</c> above its Chart.yaml, or
/// <c>--config</c>). Values files and set values from the file come first, so the command line's win in Helm's
/// merge; the release name, namespace, Kubernetes version and timeout from the file apply where the command line
/// left the default.
/// </summary>
internal static class ChartSettings
{
    public static HelmSettings For(HelmSettings run, ChartInput chart, ConfigurationSet? configuration)
    {
        if (configuration is null)
        {
            return run;
        }

        var effective = configuration.For(Path.Combine(chart.DisplayPath, Charts.ChartLayout.ChartFileName));
        var helm = effective.Helm;
        var directory = effective.Config.Directory;
        var files = helm.Values
            .Where(v => SameDirectory(Path.GetFullPath(v.Key, directory), chart.Directory))
            .SelectMany(v => v.Value.Select(f => Path.GetFullPath(f, directory)))
            .ToList();
        return run with
        {
            ValuesFiles = [.. files, .. run.ValuesFiles],
            SetValues = [.. helm.Set, .. run.SetValues],
            ReleaseName = run.ReleaseName == HelmSettings.DefaultReleaseName && helm.ReleaseName is { } release ? release : run.ReleaseName,
            Namespace = run.Namespace == HelmSettings.DefaultNamespace && helm.Namespace is { } ns ? ns : run.Namespace,
            KubeVersion = run.KubeVersion ?? helm.KubeVersion,
            Timeout = run.Timeout == HelmSettings.DefaultTimeout && helm.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : run.Timeout,
            IncludeTests = run.IncludeTests || helm.IncludeTests == true,
            Variants = run.Variants && helm.Variants != false,
        };
    }

    private static bool SameDirectory(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
