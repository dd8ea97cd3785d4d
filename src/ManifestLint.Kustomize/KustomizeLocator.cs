namespace ManifestLint.Kustomize;

/// <summary>
/// Finds kustomize: the executable given with <c>--kustomize</c> (or <c>kustomize.path</c>), else <c>kubectl</c> on
/// <c>PATH</c> (kubectl embeds kustomize), else a standalone <c>kustomize</c> on <c>PATH</c>.
/// </summary>
public static class KustomizeLocator
{
    public const string InstallHint =
        "Install kubectl (https://kubernetes.io/docs/tasks/tools/; it embeds kustomize) or kustomize and put it on PATH or pass --kustomize PATH, "
        + "or build the overlay yourself and pipe the output in: kubectl kustomize OVERLAY | manifestlint lint -";

    /// <param name="configured">The <c>--kustomize</c> option, relative to <paramref name="workingDirectory"/>; null to search <paramref name="searchPath"/>.</param>
    /// <returns>The absolute path of the executable, or null when there is none.</returns>
    public static string? Find(string? configured, string? searchPath, string workingDirectory)
    {
        if (configured is not null)
        {
            var full = Path.GetFullPath(configured, workingDirectory);
            return File.Exists(full) ? full : null;
        }

        foreach (var name in new[] { "kubectl", "kustomize" })
        {
            foreach (var directory in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate, workingDirectory);
                }
            }
        }

        return null;
    }

    /// <summary>Whether the executable is a standalone kustomize (<c>kustomize build DIR</c>) rather than kubectl (<c>kubectl kustomize DIR</c>).</summary>
    public static bool IsStandalone(string executable) =>
        Path.GetFileNameWithoutExtension(executable).StartsWith("kustomize", StringComparison.OrdinalIgnoreCase);
}
