using ManifestLint.Model.IO;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ManifestLint.Helm.Charts;

namespace ManifestLint.Helm.Templates;

/// <summary>A template file of the chart (or a vendored subchart), parsed once and shared by every render and mapping.</summary>
/// <param name="FullPath">The file in the user's chart.</param>
/// <param name="Chart">The (sub)chart the file belongs to, whose values its <c>.Values</c> reads.</param>
internal sealed record ChartTemplate(int Id, string FullPath, ChartNode Chart, TemplateFile Template);

/// <summary>The template files of a chart, parsed once.</summary>
internal sealed class TemplateCache
{
    private readonly ConcurrentDictionary<string, TemplateFile?> files = new(StringComparer.Ordinal);

    /// <summary>The parsed file, or null when it cannot be read.</summary>
    public TemplateFile? Get(string fullPath) => files.GetOrAdd(fullPath, path =>
    {
        try
        {
            return File.Exists(path) ? TemplateFile.Parse(new System.Text.UTF8Encoding(false).GetString(BoundedFile.ReadWhole(path))) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });
}

/// <summary>
/// A temporary copy of a chart whose YAML templates and helpers carry a line marker, a YAML comment
/// <c>#@ml:&lt;file&gt;:&lt;line&gt;</c>, at the end of each line that can safely hold one (see
/// <see cref="TemplateFile.WithMarkers"/>). Rendering the copy with the same values gives the same documents with
/// comments saying which template line wrote the end of each rendered line.
/// </summary>
internal sealed partial class MarkedChart
{
    private readonly HashSet<string> unmarked = new(StringComparer.Ordinal);
    private readonly string source;

    private MarkedChart(string source, string directory, IReadOnlyList<ChartTemplate> templates)
    {
        this.source = source;
        Directory = directory;
        Templates = templates;
    }

    /// <summary>The chart directory of the copy.</summary>
    public string Directory { get; }

    /// <summary>The marked files, indexed by the marker's file number.</summary>
    public IReadOnlyList<ChartTemplate> Templates { get; }

    public static MarkedChart Create(ChartNode root, string copyRoot, TemplateCache cache)
    {
        var target = Path.Combine(copyRoot, Path.GetFileName(Path.TrimEndingDirectorySeparator(root.Directory)));
        var templates = new List<ChartTemplate>();
        foreach (var (file, chart) in TemplateFilesWithCharts(root))
        {
            if (IsMarked(file) && cache.Get(file) is { } template)
            {
                templates.Add(new ChartTemplate(templates.Count, file, chart, template));
            }
        }

        Mirror(root.Directory, target, templates.Select(t => t.FullPath));

        // In parallel: creating a file costs more than writing it (half a millisecond each on a busy disk).
        Parallel.ForEach(templates, template =>
        {
            var copy = Path.Combine(target, Path.GetRelativePath(root.Directory, template.FullPath));

            // Never through a link into the chart itself (Mirror links no marked file; this is the guard).
            if (new FileInfo(copy).LinkTarget is not null)
            {
                File.Delete(copy);
            }

            File.WriteAllText(copy, template.Template.WithMarkers(line => Marker(template.Id, line)));
        });

        return new MarkedChart(root.Directory, target, templates);
    }

    /// <summary>
    /// Puts a template file back without markers (when its markers broke the render: a marker Helm's YAML parser
    /// or a template function choked on); false when it was not marked or is already back.
    /// </summary>
    public bool Unmark(string originalFile)
    {
        lock (unmarked)
        {
            if (!Templates.Any(t => t.FullPath == originalFile) || !unmarked.Add(originalFile))
            {
                return false;
            }

            var copy = Path.Combine(Directory, Path.GetRelativePath(source, originalFile));
            var temporary = copy + ".unmarking";
            File.Copy(originalFile, temporary, overwrite: true);
            File.Move(temporary, copy, overwrite: true);
            return true;
        }
    }

    /// <summary>The markers on one rendered line, in order: (file number, template line).</summary>
    public static IEnumerable<(int File, int Line)> Markers(string renderedLine)
    {
        if (!renderedLine.Contains(MarkerStart, StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match match in MarkerPattern().Matches(renderedLine))
        {
            yield return (int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>How every marker starts; <see cref="Marker"/> is the whole format.</summary>
    public const string MarkerStart = "#@ml:";

    private static string Marker(int file, int line) => string.Create(CultureInfo.InvariantCulture, $"{MarkerStart}{file}:{line}");

    /// <summary>Whether <see cref="Create"/> marks a template file (YAML templates and helpers; not NOTES.txt or other text).</summary>
    public static bool IsMarked(string file) => Path.GetExtension(file) is ".yaml" or ".yml" or ".tpl";

    /// <summary>Every file under the templates/ directories of the chart and its vendored subcharts, with the chart it belongs to.</summary>
    public static IEnumerable<(string File, ChartNode Chart)> TemplateFilesWithCharts(ChartNode chart)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<ChartNode>();
        pending.Enqueue(chart);
        while (pending.Count > 0)
        {
            var node = pending.Dequeue();
            if (!seen.Add(node.Directory))
            {
                continue;
            }

            var templates = Path.Combine(node.Directory, "templates");
            if (System.IO.Directory.Exists(templates))
            {
                foreach (var file in System.IO.Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return (file, node);
                }
            }

            foreach (var sub in node.Subcharts)
            {
                pending.Enqueue(sub);
            }
        }
    }

    /// <summary>
    /// Lays out the copy Helm renders: real directories down to every file that is written marked, and symbolic links
    /// to everything else, which Helm only reads (values, README, files/, ci/, subchart archives). Copying all of a
    /// chart took longer than rendering it on a busy disk. Where a link cannot be made, the entry is copied.
    /// </summary>
    private static void Mirror(string source, string target, IEnumerable<string> marked)
    {
        var written = marked.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var top = Normalize(source);
        var real = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in written)
        {
            for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length > top.Length && real.Add(directory); directory = Path.GetDirectoryName(directory))
            {
            }
        }

        MirrorDirectory(source, target, written, real);
    }

    private static void MirrorDirectory(string source, string target, HashSet<string> written, HashSet<string> real)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(source))
        {
            var name = Path.GetFileName(entry);
            var full = Normalize(entry);
            var destination = Path.Combine(target, name);
            if (name == ".git" || written.Contains(full))
            {
                continue;
            }

            if (real.Contains(full))
            {
                MirrorDirectory(entry, destination, written, real);
                continue;
            }

            var isDirectory = System.IO.Directory.Exists(entry);
            try
            {
                if (isDirectory)
                {
                    System.IO.Directory.CreateSymbolicLink(destination, full);
                }
                else
                {
                    File.CreateSymbolicLink(destination, full);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                if (isDirectory)
                {
                    Copy(entry, destination);
                }
                else
                {
                    File.Copy(entry, destination);
                }
            }
        }
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static void Copy(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in System.IO.Directory.GetDirectories(source))
        {
            if (Path.GetFileName(directory) != ".git")
            {
                Copy(directory, Path.Combine(target, Path.GetFileName(directory)));
            }
        }
    }

    [GeneratedRegex(@"\s?#@ml:(\d+):(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();
}
