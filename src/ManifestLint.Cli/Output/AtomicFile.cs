namespace ManifestLint.Cli.Output;

/// <summary>
/// Writes a file all-or-nothing: into a temporary file beside the target, then renamed over it, so a
/// killed run never leaves half a SARIF log for the upload step to choke on.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        using var pending = Open(path);
        write(pending.Stream);
        pending.Commit();
    }

    /// <summary>
    /// A file being written under a temporary name beside its destination: <see cref="Pending.Commit"/> moves it into
    /// place; disposing it uncommitted deletes it, so a failed or cancelled run leaves no partial report.
    /// </summary>
    public static Pending Open(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        // A random name: a killed run's leftover (containers reuse process IDs) must not make the next run fail.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        return new Pending(full, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
    }

    public sealed class Pending(string destination, string temporary, FileStream stream) : IDisposable
    {
        private bool committed;

        public Stream Stream => stream;

        public void Commit()
        {
            stream.Flush(flushToDisk: true);
            stream.Dispose();
            File.Move(temporary, destination, overwrite: true);
            committed = true;
        }

        public void Dispose()
        {
            stream.Dispose();
            if (!committed && File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
