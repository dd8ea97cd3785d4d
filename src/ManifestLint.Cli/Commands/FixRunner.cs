using System.Text;
using ManifestLint.Cli.Output;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Fixes;

namespace ManifestLint.Cli.Commands;

/// <summary>What <c>--fix</c> did: the findings left after fixing, and each changed file's text before and after.</summary>
public sealed record FixOutcome(AnalysisResult Result, IReadOnlyList<FixedFile> Files, int FixedCount);

/// <param name="Path">The file as findings name it (relative to the working directory).</param>
public sealed record FixedFile(string Path, string FullPath, string Before, string After, bool ByteOrderMark);

/// <summary>
/// <c>lint --fix</c>: applies the fixes of the findings to plain manifest files as text edits at known positions
/// (see <see cref="FixApplier"/>), re-analyses in memory, and repeats while fixes apply (a fix can uncover another:
/// a copied request of <c>512m</c> becomes a limit that ML1004 then fixes), at most <see cref="MaxPasses"/> times.
/// Only files read from disk as UTF-8 are edited: never standard input, and never a Helm template (findings in
/// rendered charts point at templates, which are not inputs here).
/// </summary>
public static class FixRunner
{
    public const int MaxPasses = 5;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="analyze">Runs the analysis (with the run's configuration and Helm charts) on the given inputs.</param>
    public static async Task<FixOutcome> RunAsync(IReadOnlyList<AnalysisInput> inputs, Func<IReadOnlyList<AnalysisInput>, Task<AnalysisResult>> analyze, string workingDirectory)
    {
        var bytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var current = inputs.Select(i => new AnalysisInput(i.Path, () => Cached(i, bytes))).ToList();
        var result = await analyze(current).ConfigureAwait(false);
        var texts = new Dictionary<string, (string Original, string Text, bool Bom)>(StringComparer.Ordinal);
        var fixedCount = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            var byFile = result.Active
                .Select(d => d.Fix)
                .OfType<Fix>()
                .Where(f => f.Edits.Count > 0 && f.Edits.All(e => e.Span.Path == f.Edits[0].Span.Path))
                .GroupBy(f => f.Edits[0].Span.Path, StringComparer.Ordinal);
            foreach (var file in byFile)
            {
                if (!texts.ContainsKey(file.Key) && Editable(file.Key, inputs, bytes, workingDirectory) is { } text)
                {
                    texts[file.Key] = (text.Text, text.Text, text.Bom);
                }

                if (!texts.TryGetValue(file.Key, out var entry))
                {
                    continue;
                }

                var applied = FixApplier.Apply(entry.Text, file, file.Key);
                if (applied.Changed)
                {
                    texts[file.Key] = entry with { Text = applied.Text };
                    fixedCount += applied.Applied.Count;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            current = [.. current.Select(i => texts.TryGetValue(i.Path, out var t) ? AnalysisInput.FromText(i.Path, t.Text) : i)];
            result = await analyze(current).ConfigureAwait(false);
        }

        var files = texts
            .Where(t => t.Value.Original != t.Value.Text)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new FixedFile(t.Key, Path.GetFullPath(t.Key, workingDirectory), t.Value.Original, t.Value.Text, t.Value.Bom))
            .ToList();
        return new FixOutcome(result, files, fixedCount);
    }

    /// <summary>Writes each changed file atomically, keeping a UTF-8 byte order mark when it had one.</summary>
    public static void Write(IEnumerable<FixedFile> files)
    {
        foreach (var file in files)
        {
            var body = StrictUtf8.GetBytes(file.After);
            AtomicFile.Write(file.FullPath, stream =>
            {
                if (file.ByteOrderMark)
                {
                    stream.Write([0xEF, 0xBB, 0xBF]);
                }

                stream.Write(body);
            });
        }
    }

    /// <summary>The unified diff of every changed file, in path order.</summary>
    public static string Diff(IEnumerable<FixedFile> files) =>
        string.Concat(files.Select(f => UnifiedDiff.Create(f.Path, f.Before, f.After)));

    private static byte[] Cached(AnalysisInput input, Dictionary<string, byte[]> bytes)
    {
        lock (bytes)
        {
            if (!bytes.TryGetValue(input.Path, out var read))
            {
                read = bytes[input.Path] = input.Read();
            }

            return read;
        }
    }

    /// <summary>The text of a plain input file on disk, decoded as UTF-8; null for standard input, other encodings, or paths that are not inputs.</summary>
    private static (string Text, bool Bom)? Editable(string path, IReadOnlyList<AnalysisInput> inputs, Dictionary<string, byte[]> bytes, string workingDirectory)
    {
        if (path == AnalysisInput.StandardInputPath || !inputs.Any(i => i.Path == path) || !File.Exists(Path.GetFullPath(path, workingDirectory)))
        {
            return null;
        }

        byte[]? content;
        lock (bytes)
        {
            content = bytes.GetValueOrDefault(path);
        }

        if (content is null)
        {
            return null;
        }

        var bom = content is [0xEF, 0xBB, 0xBF, ..];
        try
        {
            return (StrictUtf8.GetString(content, bom ? 3 : 0, content.Length - (bom ? 3 : 0)), bom);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
