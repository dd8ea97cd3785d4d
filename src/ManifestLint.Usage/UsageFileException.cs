namespace ManifestLint.Usage;

/// <summary>A usage file that cannot be read or is not a usage export: the CLI prints the message and exits 2.</summary>
public sealed class UsageFileException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner)
{
    /// <summary>The file as the user named it.</summary>
    public string FilePath { get; } = path;
}
