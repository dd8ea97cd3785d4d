using System.Diagnostics;
using System.Text;

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
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
            return new HelmRun(-1, string.Empty, await SafeRead(error).ConfigureAwait(false), true, stopwatch.Elapsed);
        }

        return new HelmRun(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false), false, stopwatch.Elapsed);
    }

    private static async Task<string> SafeRead(Task<string> read)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            return string.Empty;
        }
    }
}
