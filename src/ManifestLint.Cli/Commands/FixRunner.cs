using System.Collections.Concurrent;
using System.Text;
using ManifestLint.Cli.Output;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Model.IO;

namespace ManifestLint.Cli.Commands;

/// <summary>What <c>--fix</c> did: the findings left after fixing, and each changed file's text before and after.</summary>
public sealed record FixOutcome(AnalysisResult Result, IReadOnlyList<FixedFile> Files, int FixedCount);

/// <param name="Path">The file as findings name it (relative to the working directory).</param>
public sealed record FixedFile(string Path, string FullPath, string Before, string After, bool ByteOrderMark);

/// <summary>
/// <c>lint --fix</c>: applies the fixes of the findings as text edits at known positions (see <see cref="FixApplier"/>)
/// and repeats while fixes apply (a fix can uncover another: a copied request of <c>512m</c> becomes a limit that
/// ML1004 then fixes), at most <see cref="MaxPasses"/> times.
/// <list type="bullet">
/// <item>The first pass analyses everything, charts included. Later passes re-analyse only the files a fix edited
/// (with the files that may hold a LimitRange, which change what those files' findings are); the findings of every
/// other file, and of the charts, are kept. Charts are therefore rendered once (the caller's analysis keeps its renders).</item>
/// <item>Plain manifest files are edited, never standard input, and never a Helm template. A chart finding's fix
/// edits the values file behind it (see ManifestLint.Helm's ValuesFixes): applied once, in the pass that first
/// offers it (the renders are not redone, so the same finding would offer it again), and the finding it fixes is
/// then not reported as left. A kustomization finding's fix edits the base or patch file it is on, the same way
/// (the builds are not redone: the findings left are those of the builds before the fixes).</item>
/// <item>Files are read from disk when a fix first edits them, outside any lock; only edited files stay in memory.</item>
/// </list>
/// </summary>
public static class FixRunner
{
    public const int MaxPasses = 5;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="analyze">Runs the analysis (with the run's configuration and Helm charts) on the given inputs.</param>
    public static async Task<FixOutcome> RunAsync(IReadOnlyList<AnalysisInput> inputs, Func<IReadOnlyList<AnalysisInput>, Task<AnalysisResult>> analyze, string workingDirectory)
    {
        var result = await analyze(inputs).ConfigureAwait(false);
        var inputPaths = inputs.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        var texts = new ConcurrentDictionary<string, (string Original, string Text, bool Bom)>(StringComparer.Ordinal);
        var valuesFixed = new HashSet<string>(StringComparer.Ordinal);
        var fixedFindings = new HashSet<Diagnostic>();
        var fixedCount = 0;
        List<AnalysisInput>? context = null;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var edited = new HashSet<string>(StringComparer.Ordinal);
            var byFile = result.Active
                .Where(d => d.Fix is { Edits.Count: > 0 } f && f.Edits.All(e => e.Span.Path == f.Edits[0].Span.Path))
                .GroupBy(d => d.Fix!.Edits[0].Span.Path, StringComparer.Ordinal);
            foreach (var file in byFile)
            {
                var isInput = inputPaths.Contains(file.Key);
                if ((!isInput && valuesFixed.Contains(file.Key)) || Editable(file.Key, isInput, texts, workingDirectory) is not { } entry)
                {
                    continue;
                }

                var applied = FixApplier.Apply(entry.Text, file.Select(d => d.Fix!), file.Key);
                if (applied.Changed)
                {
                    texts[file.Key] = entry with { Text = applied.Text };
                    if (isInput)
                    {
                        fixedCount += applied.Applied.Count;
                        edited.Add(file.Key);
                    }
                    else
                    {
                        valuesFixed.Add(file.Key);
                        // Findings of several renders or overlays on one line offer the same edit: it is applied once, and fixes them all.
                        var made = applied.Applied.SelectMany(f => f.Edits).ToHashSet();
                        var done = file.Where(d => applied.Applied.Contains(d.Fix!) || d.Fix!.Edits.All(made.Contains)).ToList();
                        fixedFindings.UnionWith(done);
                        fixedCount += done.Count;
                    }
                }
            }

            if (edited.Count == 0)
            {
                break;
            }

            context ??= [.. inputs.Where(i => MayHoldLimitRange(i))];
            var partial = await analyze([.. inputs.Where(i => edited.Contains(i.Path)).Select(i => AnalysisInput.FromText(i.Path, texts[i.Path].Text)), .. context.Where(c => !edited.Contains(c.Path)).Select(c => texts.TryGetValue(c.Path, out var t) ? AnalysisInput.FromText(c.Path, t.Text) : c)]).ConfigureAwait(false);
            result = Replace(result, partial, edited);
        }

        var files = texts
            .Where(t => t.Value.Original != t.Value.Text)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new FixedFile(t.Key, Path.GetFullPath(t.Key, workingDirectory), t.Value.Original, t.Value.Text, t.Value.Bom))
            .ToList();
        var left = fixedFindings.Count == 0 ? result : result with { Diagnostics = [.. result.Diagnostics.Where(d => !fixedFindings.Contains(d))] };
        return new FixOutcome(left, files, fixedCount);
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

    /// <summary>The findings of <paramref name="partial"/> for the edited files, and of <paramref name="whole"/> for every other file.</summary>
    private static AnalysisResult Replace(AnalysisResult whole, AnalysisResult partial, HashSet<string> edited) =>
        whole with
        {
            Diagnostics = AnalysisResult.Sort([.. whole.Diagnostics.Where(d => !edited.Contains(d.Location.Path)), .. partial.Diagnostics.Where(d => edited.Contains(d.Location.Path))]),
            MemorySummary = [.. whole.MemorySummary.Where(r => !edited.Contains(r.Location.Path)), .. partial.MemorySummary.Where(r => edited.Contains(r.Location.Path))],
        };

    /// <summary>Only files that mention LimitRange change another file's findings through defaults: they join the re-analysis.</summary>
    private static bool MayHoldLimitRange(AnalysisInput input)
    {
        if (input.Path == AnalysisInput.StandardInputPath)
        {
            return false;
        }

        try
        {
            return input.Read().AsSpan().IndexOf("LimitRange"u8) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The text of a file a fix edits, decoded as UTF-8 and read on first use: a plain input file on disk, or (for a
    /// chart finding) the values file behind it; null for standard input, other encodings, or files that cannot be read.
    /// </summary>
    private static (string Original, string Text, bool Bom)? Editable(string path, bool isInput, ConcurrentDictionary<string, (string Original, string Text, bool Bom)> texts, string workingDirectory)
    {
        if (texts.TryGetValue(path, out var known))
        {
            return known;
        }

        var full = Path.GetFullPath(path, workingDirectory);
        if (path == AnalysisInput.StandardInputPath || !File.Exists(full) || (!isInput && !IsValuesFile(path)))
        {
            return null;
        }

        byte[] content;
        try
        {
            content = BoundedFile.ReadWhole(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var bom = content is [0xEF, 0xBB, 0xBF, ..];
        try
        {
            var text = StrictUtf8.GetString(content, bom ? 3 : 0, content.Length - (bom ? 3 : 0));
            return texts.GetOrAdd(path, (text, text, bom));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A YAML file that is not an input: only a chart finding's values fix names one.</summary>
    private static bool IsValuesFile(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);
}
