using System.Globalization;
using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Output;

/// <summary>How <see cref="TextReporter"/> writes: what to include, colours, and where source lines come from.</summary>
public sealed record TextReportOptions
{
    /// <summary>Also list suppressed findings, marked <c>[suppressed: reason]</c>.</summary>
    public bool ShowSuppressed { get; init; }

    /// <summary>Only the finding lines: no file headers, source excerpts or summary.</summary>
    public bool Quiet { get; init; }

    public Ansi Ansi { get; init; } = Ansi.Plain;

    /// <summary>The files to take source excerpts from; <see cref="SourceFiles.None"/> leaves them out.</summary>
    public SourceFiles Sources { get; init; } = SourceFiles.None;
}

/// <summary>
/// The text format, grouped by file under a <c>==&gt; path &lt;==</c> header. Each finding is one compiler-style line,
/// <c>path(line,col): warning ML1001: message</c>, which editors, CI log parsers and problem matchers already
/// understand, followed by the offending source line with carets under the span; one summary line ends the report.
/// </summary>
public static class TextReporter
{
    /// <summary>Source lines longer than this are shown as a window around the span.</summary>
    public const int MaxExcerptWidth = 120;

    private const int ContextBeforeSpan = 24;

    public static void Write(AnalysisResult result, TextWriter writer, TextReportOptions? options = null)
    {
        var report = new TextReportWriter(writer, options ?? new TextReportOptions());
        report.Add(result.Diagnostics);
        report.Finish(FindingCounts.Of(result));
    }

    /// <summary>
    /// "2 warnings in 3 files (5 objects)." Suppressed findings are not counted but mentioned ("1 suppressed"), and
    /// against a baseline the new findings are ("1 new").
    /// </summary>
    public static string Summary(AnalysisResult result) => Summary(FindingCounts.Of(result));

    public static string Summary(FindingCounts counts)
    {
        var files = Count(counts.Files, "file");
        var objects = Count(counts.Objects, "object");
        var extra = new List<string>();
        if (counts.New is { } fresh)
        {
            extra.Add($"{fresh} new since the baseline");
        }

        if (counts.Suppressed > 0)
        {
            extra.Add($"{counts.Suppressed} suppressed");
        }

        var suffix = extra.Count == 0 ? string.Empty : $"; {string.Join(", ", extra)}";
        if (counts.Active == 0)
        {
            return $"No findings in {files} ({objects}){suffix}.";
        }

        var parts = new[] { (Severity.Error, counts.Errors), (Severity.Warning, counts.Warnings), (Severity.Note, counts.Notes) }
            .Where(c => c.Item2 > 0)
            .Select(c => Count(c.Item2, c.Item1.ToName()));
        return $"{string.Join(", ", parts)} in {files} ({objects}){suffix}.";
    }

    /// <summary>Writes one file's findings (consecutive findings of one path share a header).</summary>
    internal static void WriteFile(TextWriter writer, IReadOnlyList<Diagnostic> file, TextReportOptions options, bool first)
    {
        if (!options.Quiet)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            writer.WriteLine(options.Ansi.Bold($"==> {Printable(file[0].Location.Path)} <=="));
        }

        var gutter = file.Max(d => d.Location.StartLine).ToString(CultureInfo.InvariantCulture).Length;
        foreach (var d in file)
        {
            writer.WriteLine(Headline(d, options.Ansi));
            if (!options.Quiet && Excerpt(d, options.Sources, gutter, options.Ansi) is { } excerpt)
            {
                writer.WriteLine(excerpt.Source);
                writer.WriteLine(excerpt.Carets);
            }
        }
    }

    /// <summary>
    /// Text from a file or finding made safe for one terminal line: line breaks as <c>\n</c>/<c>\r</c> (a newline must
    /// not start a fake finding), and other control characters and bidirectional overrides as <c>\u001B</c>, so a hostile
    /// manifest cannot send escape sequences to the terminal or reorder what is shown. Tabs are kept.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                _ when NeedsEscape(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        (char.IsControl(c) && c != '\t') || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string Headline(Diagnostic d, Ansi ansi)
    {
        var suppressed = d.Suppression is { } s ? $" [suppressed{(s.Justification is { } reason ? $": {reason}" : string.Empty)}]" : string.Empty;
        // Against a baseline, the findings this change brought are the ones to look at.
        var fresh = d.BaselineState == BaselineState.New ? " [new]" : string.Empty;
        var where = $"{Printable(d.Location.Path)}({d.Location.StartLine},{d.Location.StartColumn}):";
        return $"{ansi.Bold(where)} {ansi.Severity(d.Severity, d.Severity.ToName())} {d.RuleId}: {Printable(d.Message)}{ansi.Bold(fresh)}{ansi.Dim(Printable(suppressed))}";
    }

    /// <summary>The source line and a caret line under the span (to the end of the line when the span goes on), or null.</summary>
    private static (string Source, string Carets)? Excerpt(Diagnostic d, SourceFiles sources, int gutter, Ansi ansi)
    {
        var span = d.Location;
        if (sources.Line(span.Path, span.StartLine) is not { } line)
        {
            return null;
        }

        var start = Math.Clamp(span.StartColumn - 1, 0, line.Length);
        var end = span.EndLine == span.StartLine ? Math.Clamp(span.EndColumn - 1, start, line.Length) : line.Length;
        var from = line.Length <= MaxExcerptWidth ? 0 : Math.Clamp(start - ContextBeforeSpan, 0, line.Length - MaxExcerptWidth);
        var to = Math.Min(line.Length, from + MaxExcerptWidth);
        var before = (from > 0 ? "…" : string.Empty) + Printable(line[from..start]);
        var marked = Printable(line[start..Math.Max(start, Math.Min(end, to))]);
        var after = Printable(line[Math.Min(Math.Max(end, start), to)..to]) + (to < line.Length ? "…" : string.Empty);
        var indent = new string([.. before.Select(c => c == '\t' ? '\t' : ' ')]);
        var carets = new string('^', Math.Max(1, marked.Length));
        var number = span.StartLine.ToString(CultureInfo.InvariantCulture).PadLeft(gutter);
        var blank = new string(' ', gutter);
        return ($"  {ansi.Gutter($"{number} |")} {before}{marked}{after}".TrimEnd(), $"  {ansi.Gutter($"{blank} |")} {indent}{ansi.Severity(d.Severity, carets, bold: false)}");
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
