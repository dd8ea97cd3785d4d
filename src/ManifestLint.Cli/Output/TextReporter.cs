using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Output;

/// <summary>
/// The compiler-style text format: <c>path(line,col): warning ML1001: message</c>, one line per finding,
/// then one summary line. Editors and CI log parsers already understand this shape.
/// </summary>
public static class TextReporter
{
    public static void Write(AnalysisResult result, TextWriter writer)
    {
        foreach (var d in result.Diagnostics)
        {
            writer.WriteLine($"{Escape(d.Location.Path)}({d.Location.StartLine},{d.Location.StartColumn}): {d.Severity.ToName()} {d.RuleId}: {Escape(d.Message)}");
        }

        writer.WriteLine(Summary(result));
    }

    public static string Summary(AnalysisResult result)
    {
        var files = Count(result.FileCount, "file");
        var objects = Count(result.ResourceCount, "object");
        if (result.Diagnostics.Count == 0)
        {
            return $"No findings in {files} ({objects}).";
        }

        var counts = new[] { Severity.Error, Severity.Warning, Severity.Note }
            .Select(s => (Severity: s, Count: result.Diagnostics.Count(d => d.Severity == s)))
            .Where(c => c.Count > 0)
            .Select(c => Count(c.Count, c.Severity.ToName()));
        return $"{string.Join(", ", counts)} in {files} ({objects}).";
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

    /// <summary>One finding is one line: a newline in a file name or message must not start a fake one.</summary>
    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
