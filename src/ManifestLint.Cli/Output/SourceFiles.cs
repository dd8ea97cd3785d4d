using System.Text;
using ManifestLint.Engine.Analysis;

namespace ManifestLint.Cli.Output;

/// <summary>
/// The lines of the files findings point at, for the source excerpts of the text report: read again from disk on first
/// use (relative to the working directory, as findings name them), or the bytes that standard input gave. A file that
/// cannot be read, is not a regular file, or is larger than <see cref="MaxBytes"/>, simply has no excerpt.
/// Only the last file read is kept: the text report asks for one file's lines after another (it groups findings by
/// file), and keeping every file would hold the whole input in memory (100 MB more for a 100 MB repository).
/// </summary>
public sealed class SourceFiles(string workingDirectory, Func<byte[]?>? standardInput = null)
{
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(false);

    private string? cachedPath;
    private Lines? cachedLines;

    /// <summary>No excerpts at all (reports that do not show source, tests).</summary>
    public static SourceFiles None { get; } = new(string.Empty);

    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="path"/> without its line break, or null.</summary>
    public string? Line(string path, int line)
    {
        if (workingDirectory.Length == 0)
        {
            return null;
        }

        if (!string.Equals(cachedPath, path, StringComparison.Ordinal))
        {
            cachedLines = Lines.Of(Read(path));
            cachedPath = path;
        }

        return cachedLines?.Line(line);
    }

    private byte[]? Read(string path)
    {
        if (path == AnalysisInput.StandardInputPath)
        {
            return standardInput?.Invoke();
        }

        try
        {
            // Only a regular file, opened without blocking and read no further than the limit: never a FIFO or device.
            return Input.FileReader.ReadRegularFile(Path.GetFullPath(path, workingDirectory), MaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// A file's lines as <see cref="StreamReader.ReadLine"/> splits them ('\n', "\r\n" or '\r'), found by their byte offsets
    /// and decoded only when asked for: the report shows a few lines of each file, and decoding every line of every
    /// file into strings was most of an excerpt's cost. Files that start with a UTF-16 or UTF-32 byte order mark are
    /// decoded whole, as before.
    /// </summary>
    private sealed class Lines
    {
        private readonly byte[]? bytes;
        private readonly List<int> starts = [];
        private readonly List<string>? decoded;

        private Lines(byte[] bytes)
        {
            var text = bytes.AsSpan();
            if (text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || text.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            {
                decoded = Decode(bytes);
                return;
            }

            this.bytes = bytes;
            var at = text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            while (at < bytes.Length)
            {
                starts.Add(at);
                var end = text[at..].IndexOfAny((byte)'\n', (byte)'\r');
                if (end < 0)
                {
                    break;
                }

                at += end + (bytes[at + end] == (byte)'\r' && at + end + 1 < bytes.Length && bytes[at + end + 1] == (byte)'\n' ? 2 : 1);
            }
        }

        public static Lines? Of(byte[]? bytes) => bytes is null || bytes.Length > MaxBytes ? null : new Lines(bytes);

        public string? Line(int line)
        {
            if (decoded is not null)
            {
                return line >= 1 && line <= decoded.Count ? decoded[line - 1] : null;
            }

            if (line < 1 || line > starts.Count)
            {
                return null;
            }

            var start = starts[line - 1];
            var text = bytes.AsSpan(start, (line < starts.Count ? starts[line] : bytes!.Length) - start);
            var lineBreak = text.IndexOfAny((byte)'\n', (byte)'\r');
            return Utf8.GetString(lineBreak < 0 ? text : text[..lineBreak]);
        }

        private static List<string> Decode(byte[] bytes)
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Utf8, detectEncodingFromByteOrderMarks: true);
            var lines = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            return lines;
        }
    }
}
