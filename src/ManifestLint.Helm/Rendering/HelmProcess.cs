using System.Diagnostics;
using System.Text;
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
        var start = new ProcessStartInfo(HelmPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("HELM_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HELM_PLUGINS"] = Path.Combine(sandbox, "plugins");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(sandbox, "config");
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(sandbox, "cache");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(sandbox, "data");
        start.Environment["KUBECONFIG"] = Path.Combine(sandbox, "no-kubeconfig");
        start.Environment["NO_COLOR"] = "1";

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.Start();
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var output = new CappedPipeReader(process.StandardOutput, MaxOutputCharacters, deadline);
        var error = new CappedPipeReader(process.StandardError, MaxErrorCharacters, deadline);
        try
        {
            // The output is awaited under the deadline too: a child that outlives helm can hold its pipes open.
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            var (text, errors) = (await output.Text.WaitAsync(deadline.Token).ConfigureAwait(false), await error.Text.WaitAsync(deadline.Token).ConfigureAwait(false));
            return new HelmRun(process.ExitCode, text, errors, false, stopwatch.Elapsed);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }

            try
            {
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Killed but not yet reaped: nothing more to wait for.
            }

            cancellation.ThrowIfCancellationRequested();
            if (output.Overflowed || error.Overflowed)
            {
                var (stream, max) = output.Overflowed ? ("output", MaxOutputCharacters) : ("error output", MaxErrorCharacters);
                return new HelmRun(-1, string.Empty, $"Error: helm printed more than {max:N0} characters of {stream} and was stopped; ManifestLint reads no more of a chart than of a file.", false, stopwatch.Elapsed);
            }

            return new HelmRun(-1, string.Empty, await CappedPipeReader.SafeRead(error.Text).ConfigureAwait(false), true, stopwatch.Elapsed);
        }
    }
}
