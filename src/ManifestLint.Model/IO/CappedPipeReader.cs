using System.Text;

namespace ManifestLint.Model.IO;

/// <summary>
/// Reads a child process's pipe to its end or to a cap, for the sealed helm and kustomize runs: past the cap it cancels the
/// run (whose owner then kills the process tree), so a renderer that floods its output cannot run the machine out of
/// memory. Beside <see cref="BoundedFile"/> because it is the same bound for a different source.
/// </summary>
public sealed class CappedPipeReader
{
    public CappedPipeReader(StreamReader reader, int max, CancellationTokenSource run) => Text = ReadAsync(reader, max, run);

    /// <summary>Everything read, up to the cap.</summary>
    public Task<string> Text { get; }

    /// <summary>Whether the pipe held more than the cap (the run was then cancelled).</summary>
    public bool Overflowed { get; private set; }

    /// <summary>What a stopped process wrote, if its pipe has closed within a second; otherwise nothing.</summary>
    public static async Task<string> SafeRead(Task<string> read)
    {
        try
        {
            return await read.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            return string.Empty;
        }
    }

    private async Task<string> ReadAsync(StreamReader reader, int max, CancellationTokenSource run)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        while (true)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (read == 0)
            {
                return text.ToString();
            }

            if (text.Length + read > max)
            {
                Overflowed = true;
                await run.CancelAsync().ConfigureAwait(false);
                return text.ToString();
            }

            text.Append(buffer, 0, read);
        }
    }
}
