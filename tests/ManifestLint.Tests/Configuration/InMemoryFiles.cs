using System.Text;
using ManifestLint.Engine.Configuration;

namespace ManifestLint.Tests.Configuration;

/// <summary>A file system in a dictionary, for configuration lookup without touching the disk.</summary>
internal sealed class InMemoryFiles
{
    public static readonly string Root = OperatingSystem.IsWindows() ? @"C:\repo" : "/repo";

    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);
    private readonly HashSet<string> directories = new(StringComparer.Ordinal);

    public List<string> Reads { get; } = [];

    public InMemoryFiles Add(string relativePath, string content)
    {
        files[Full(relativePath)] = content;
        return this;
    }

    public InMemoryFiles AddDirectory(string relativePath)
    {
        directories.Add(Full(relativePath));
        return this;
    }

    public ConfigurationFileAccess Access => new(
        files.ContainsKey,
        directories.Contains,
        path =>
        {
            Reads.Add(path);
            return Encoding.UTF8.GetBytes(files[path]);
        },
        path => Path.GetRelativePath(Root, path));

    public static string Full(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));
}
