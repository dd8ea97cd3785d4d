using System.Diagnostics;
using System.Text;

namespace ManifestLint.Model.IO;

/// <summary>What one bounded run produced. On a timeout or an overflow the exit code is -1 and the output empty.</summary>
/// <param name="Overflow">Which stream passed its cap ("output" or "error output") and the cap, when one did.</param>
public sealed record BoundedProcessRun(int ExitCode, string Output, string Error, bool TimedOut, (string Stream, int Limit)? Overflow, TimeSpan Elapsed);

/// <summary>
/// Runs a renderer (helm, kustomize) so that it cannot hang or flood the run: standard input closed, both pipes read
/// to a cap, a deadline, and the whole process tree killed when the deadline or a cap is reached. The caller seals
/// the environment (each renderer has its own plugin and network variables) and words the errors.
/// </summary>
public static class BoundedProcess
{
    public static async Task<BoundedProcessRun> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        Action<IDictionary<string, string?>> sealEnvironment,
        TimeSpan timeout,
        int maxOutputCharacters,
        int maxErrorCharacters,
        CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(executable)
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

        sealEnvironment(start.Environment);
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.Start();
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var output = new CappedPipeReader(process.StandardOutput, maxOutputCharacters, deadline);
        var error = new CappedPipeReader(process.StandardError, maxErrorCharacters, deadline);
        try
        {
            // The output is awaited under the deadline too: a child that outlives the renderer can hold its pipes open.
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            var text = await output.Text.WaitAsync(deadline.Token).ConfigureAwait(false);
            var errors = await error.Text.WaitAsync(deadline.Token).ConfigureAwait(false);
            return new BoundedProcessRun(process.ExitCode, text, errors, false, null, stopwatch.Elapsed);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
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
                var overflow = output.Overflowed ? ("output", maxOutputCharacters) : ("error output", maxErrorCharacters);
                return new BoundedProcessRun(-1, string.Empty, string.Empty, false, overflow, stopwatch.Elapsed);
            }

            return new BoundedProcessRun(-1, string.Empty, await CappedPipeReader.SafeRead(error.Text).ConfigureAwait(false), true, null, stopwatch.Elapsed);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
