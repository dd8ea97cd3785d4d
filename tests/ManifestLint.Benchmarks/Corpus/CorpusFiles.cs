using System.Text;

namespace ManifestLint.Benchmarks.Corpus;

/// <summary>Writes generated (path, text) files under a root directory.</summary>
public static class CorpusFiles
{
    /// <returns>The bytes written.</returns>
    public static long Write(string root, IEnumerable<(string Path, string Text)> files)
    {
        long bytes = 0;
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full) ?? root);
            var content = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(full, content);
            bytes += content.Length;
        }

        return bytes;
    }
}
