namespace ManifestLint.Benchmarks.Corpus;

/// <summary>
/// The N-copies corpus of issue 12: <c>N</c> copies of sample manifests (one file, or every YAML/JSON file of a
/// directory, e.g. <c>samples/manifests</c>), either all in one directory (<see cref="CopiesLayout.Flat"/>: one
/// cluster holding N copies of every object, the hostile case for cross-file rules) or one directory per copy
/// (<see cref="CopiesLayout.Environments"/>: <c>env-0001/</c> ..., like one directory per cluster). Byte-for-byte
/// copies, so the findings of the environments layout are exactly N times those of one copy.
/// </summary>
public static class CopiesGenerator
{
    /// <summary>Copies the files byte for byte (a sample may hold bytes that are not valid UTF-8 on purpose).</summary>
    /// <returns>The bytes written.</returns>
    public static long Write(string root, string source, int copies, CopiesLayout layout)
    {
        var sources = Directory.Exists(source)
            ? FloorCommand.Files([source]).Select(f => (Name: Path.GetRelativePath(source, f).Replace('\\', '/'), Full: f)).ToList()
            : [(Name: Path.GetFileName(source), Full: source)];
        long bytes = 0;
        for (var i = 1; i <= copies; i++)
        {
            foreach (var (name, full) in sources)
            {
                var target = Path.Combine(root, layout == CopiesLayout.Flat ? $"copy-{i:D4}-{name.Replace('/', '-')}" : $"env-{i:D4}/{name}");
                Directory.CreateDirectory(Path.GetDirectoryName(target) ?? root);
                File.Copy(full, target, overwrite: true);
                bytes += new FileInfo(full).Length;
            }
        }

        return bytes;
    }
}

public enum CopiesLayout
{
    Flat,
    Environments,
}
