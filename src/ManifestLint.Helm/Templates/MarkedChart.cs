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
        Copy(root.Directory, target);
        var templates = new List<ChartTemplate>();
        foreach (var (file, chart) in TemplateFilesWithCharts(root))
        {
            var extension = Path.GetExtension(file);
            if (extension is not (".yaml" or ".yml" or ".tpl") || cache.Get(file) is not { } template)
            {
                continue;
            }

            var id = templates.Count;
            templates.Add(new ChartTemplate(id, file, chart, template));
            var copy = Path.Combine(target, Path.GetRelativePath(root.Directory, file));
            File.WriteAllText(copy, template.WithMarkers(line => Marker(id, line)));
        }

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

    /// <summary>The line with every marker removed, as the unmarked render would have it.</summary>
    public static string WithoutMarkers(string renderedLine) =>
        renderedLine.Contains(MarkerStart, StringComparison.Ordinal) ? MarkerPattern().Replace(renderedLine, string.Empty).TrimEnd() : renderedLine;

    private const string MarkerStart = "#@ml:";

    private static string Marker(int file, int line) => string.Create(CultureInfo.InvariantCulture, $"{MarkerStart}{file}:{line}");

    private static IEnumerable<(string File, ChartNode Chart)> TemplateFilesWithCharts(ChartNode chart)
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
