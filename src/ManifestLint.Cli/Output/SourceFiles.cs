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

    private string? cachedPath;
    private IReadOnlyList<string>? cachedLines;

    /// <summary>No excerpts at all (reports that do not show source, tests).</summary>
    public static SourceFiles None { get; } = new(string.Empty);

    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="path"/> without its line break, or null.</summary>
    public string? Line(string path, int line)
    {
        var lines = Lines(path);
        return lines is not null && line >= 1 && line <= lines.Count ? lines[line - 1] : null;
    }

    private IReadOnlyList<string>? Lines(string path)
    {
        if (workingDirectory.Length == 0)
        {
            return null;
        }

        if (!string.Equals(cachedPath, path, StringComparison.Ordinal))
        {
            cachedLines = Split(Read(path));
            cachedPath = path;
        }

        return cachedLines;
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

    private static List<string>? Split(byte[]? bytes)
    {
        if (bytes is null || bytes.Length > MaxBytes)
        {
            return null;
        }

        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
