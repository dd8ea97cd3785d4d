using ManifestLint.Model.IO;

namespace ManifestLint.Helm.Rendering;

/// <summary>What one <c>helm</c> run produced.</summary>
internal sealed record HelmRun(int ExitCode, string Output, string Error, bool TimedOut, TimeSpan Elapsed)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;
}

/// <summary>
/// Runs the real <c>helm</c> binary with a timeout and a sealed environment: <c>HELM_PLUGINS</c> points at an
/// empty directory (so no plugin, and no post-renderer plugin, can run), Helm's config, cache and data homes are
/// private temporary directories (no repository configuration is read or needed), and <c>KUBECONFIG</c> points at
/// a file that does not exist. On timeout the whole process tree is killed.
/// </summary>
internal sealed class HelmProcess(string helmPath, string sandbox)
{
    /// <summary>The most of helm's output that is read: as much as the largest file ManifestLint reads.</summary>
    private static readonly int MaxOutputCharacters = (int)Math.Min(int.MaxValue / 2, Model.Yaml.LoadLimits.Default.MaxFileBytes);

    /// <summary>Helm's error output is a message, not a manifest.</summary>
    private const int MaxErrorCharacters = 1024 * 1024;

    public string HelmPath { get; } = helmPath;

    /// <summary>Creates the sandbox directories once; they are shared by every run.</summary>
    public static HelmProcess Create(string helmPath, string sandbox)
    {
        foreach (var sub in new[] { "plugins", "config", "cache", "data" })
        {
            Directory.CreateDirectory(Path.Combine(sandbox, sub));
        }

        return new HelmProcess(helmPath, sandbox);
    }

    public async Task<HelmRun> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellation)
    {
        var run = await BoundedProcess.RunAsync(HelmPath, arguments, workingDirectory, Seal, timeout, MaxOutputCharacters, MaxErrorCharacters, cancellation).ConfigureAwait(false);
        return run.Overflow is { } overflow
            ? new HelmRun(-1, string.Empty, $"Error: helm printed more than {overflow.Limit:N0} characters of {overflow.Stream} and was stopped; ManifestLint reads no more of a chart than of a file.", false, run.Elapsed)
            : new HelmRun(run.ExitCode, run.Output, run.Error, run.TimedOut, run.Elapsed);
    }

    /// <summary>No HELM_ variable of the caller's survives; plugins, config, cache and data are the sandbox's.</summary>
    private void Seal(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(k => k.StartsWith("HELM_", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(name);
        }

        environment["HELM_PLUGINS"] = Path.Combine(sandbox, "plugins");
        environment["HELM_CONFIG_HOME"] = Path.Combine(sandbox, "config");
        environment["HELM_CACHE_HOME"] = Path.Combine(sandbox, "cache");
        environment["HELM_DATA_HOME"] = Path.Combine(sandbox, "data");
        environment["KUBECONFIG"] = Path.Combine(sandbox, "no-kubeconfig");
        environment["NO_COLOR"] = "1";
    }
}
