using ManifestLint.Model.IO;

namespace ManifestLint.Cli.Input;

/// <summary>The CLI's file reads, all bounded and never blocking on a FIFO: see <see cref="BoundedFile"/>.</summary>
internal static class FileReader
{
    /// <inheritdoc cref="BoundedFile.ReadRegularFile"/>
    public static byte[] ReadRegularFile(string path, long maxBytes) => BoundedFile.ReadRegularFile(path, maxBytes);

    /// <inheritdoc cref="BoundedFile.ReadWhole"/>
    public static byte[] ReadWhole(string path) => BoundedFile.ReadWhole(path);

    /// <inheritdoc cref="BoundedFile.ReadNamedFile"/>
    public static byte[] ReadNamedFile(string path, long maxBytes) => BoundedFile.ReadNamedFile(path, maxBytes);

    /// <inheritdoc cref="BoundedFile.ReadBounded"/>
    public static byte[] ReadBounded(Stream stream, long maxBytes) => BoundedFile.ReadBounded(stream, maxBytes);

    /// <inheritdoc cref="BoundedFile.RealPath"/>
    public static string? RealPath(string path, out string? error) => BoundedFile.RealPath(path, out error);
}
