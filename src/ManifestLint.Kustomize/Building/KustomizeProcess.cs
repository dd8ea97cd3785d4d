using ManifestLint.Model.IO;

namespace ManifestLint.Kustomize.Building;

/// <summary>What one kustomize run produced.</summary>
/// <param name="Overflowed">The output passed the bound and the run was stopped (its output is then empty).</param>
internal sealed record KustomizeRun(int ExitCode, string Output, string Error, bool TimedOut, bool Overflowed, TimeSpan Elapsed)
{
    public bool Succeeded => !TimedOut && !Overflowed && ExitCode == 0;
}

/// <summary>
/// Runs the real kustomize (<c>kubectl kustomize DIR</c>, or a standalone <c>kustomize build DIR</c>) sealed: no
/// network (proxies point at a closed local port and <c>PATH</c> is an empty directory, so neither an HTTP fetch nor
/// the <c>git</c> that remote bases need can reach out), no plugins (the plugin homes are empty private directories,
/// and the caller never passes <c>--enable-alpha-plugins</c> or <c>--enable-exec</c>), no kubeconfig, a timeout, a
/// bound on the output, and the whole process tree killed when a bound is reached.
/// </summary>
internal sealed class KustomizeProcess
{
    /// <summary>The most of kustomize's output that is read: as much as the largest file ManifestLint reads (the Helm output bound).</summary>
    public static readonly int MaxOutputCharacters = (int)Math.Min(int.MaxValue / 2, Model.Yaml.LoadLimits.Default.MaxFileBytes);

    /// <summary>kustomize's error output is a message, not a manifest.</summary>
    private const int MaxErrorCharacters = 1024 * 1024;

    /// <summary>A local port nothing listens on: every proxied connection is refused at once.</summary>
    private const string ClosedProxy = "http://127.0.0.1:9";

    private readonly string sandbox;

    private KustomizeProcess(string executable, string sandbox, int maxOutputCharacters)
    {
        Executable = executable;
        this.sandbox = sandbox;
        MaxOutput = maxOutputCharacters;
    }

    public string Executable { get; }

    public int MaxOutput { get; }

    /// <summary>Creates the sandbox directories once; they are shared by every run.</summary>
    public static KustomizeProcess Create(string executable, string sandbox, int? maxOutputCharacters = null)
    {
        foreach (var sub in new[] { "home", "config", "plugins", "empty-path" })
        {
            Directory.CreateDirectory(Path.Combine(sandbox, sub));
        }

        return new KustomizeProcess(executable, sandbox, maxOutputCharacters ?? MaxOutputCharacters);
    }

    public async Task<KustomizeRun> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellation)
    {
        var run = await BoundedProcess.RunAsync(Executable, arguments, workingDirectory, Seal, timeout, MaxOutput, MaxErrorCharacters, cancellation).ConfigureAwait(false);
        return run.Overflow is { } overflow
            ? new KustomizeRun(-1, string.Empty, $"kustomize printed more than {overflow.Limit:N0} characters of {overflow.Stream} and was stopped; ManifestLint reads no more of a build than of a file.", false, true, run.Elapsed)
            : new KustomizeRun(run.ExitCode, run.Output, run.Error, run.TimedOut, false, run.Elapsed);
    }

    /// <summary>
    /// The environment of every run: nothing of the caller's that could reach the network, load a plugin or read a
    /// cluster configuration survives.
    /// </summary>
    private void Seal(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(k => k.StartsWith("KUSTOMIZE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("XDG_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("GIT_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("HELM_", StringComparison.OrdinalIgnoreCase) || k.EndsWith("_PROXY", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(name);
        }

        environment["PATH"] = Path.Combine(sandbox, "empty-path");
        environment["HOME"] = Path.Combine(sandbox, "home");
        environment["XDG_CONFIG_HOME"] = Path.Combine(sandbox, "config");
        environment["KUSTOMIZE_PLUGIN_HOME"] = Path.Combine(sandbox, "plugins");
        environment["KUBECONFIG"] = Path.Combine(sandbox, "no-kubeconfig");
        environment["HTTP_PROXY"] = environment["HTTPS_PROXY"] = environment["http_proxy"] = environment["https_proxy"] = ClosedProxy;
        environment["NO_PROXY"] = environment["no_proxy"] = string.Empty;
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["NO_COLOR"] = "1";
    }
}
