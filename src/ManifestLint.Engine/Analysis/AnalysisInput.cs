namespace ManifestLint.Engine.Analysis;

/// <summary>
/// One file to analyse. <see cref="Path"/> is what findings show (relative to the working directory);
/// <see cref="Read"/> supplies the bytes, so the engine itself never touches the file system. The engine calls it
/// more than once (see <see cref="AnalysisEngine"/>), and keeps no file's bytes longer than it needs them: it must give
/// the same bytes each time.
/// </summary>
public sealed record AnalysisInput(string Path, Func<byte[]> Read)
{
    /// <summary>The path findings show for standard input (<c>lint -</c>).</summary>
    public const string StandardInputPath = "<stdin>";

    /// <summary>
    /// The directory the input counts as being in when objects of different files are related (see
    /// <see cref="InputScope"/>); null for its path's directory. A Helm render takes its chart's directory.
    /// </summary>
    public string? Place { get; init; }

    public static AnalysisInput FromText(string path, string text) => new(path, () => System.Text.Encoding.UTF8.GetBytes(text));
}
