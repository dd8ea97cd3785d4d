using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Output;

/// <summary>
/// The compiler-style text format: <c>path(line,col): warning ML1001: message</c>, one line per finding,
/// then one summary line. Editors and CI log parsers already understand this shape.
/// </summary>
public static class TextReporter
{
    /// <param name="showSuppressed">Also list suppressed findings, marked <c>[suppressed: reason]</c>.</param>
    public static void Write(AnalysisResult result, TextWriter writer, bool showSuppressed = false)
    {
        foreach (var d in showSuppressed ? result.Diagnostics : result.Active)
        {
            var suppressed = d.Suppression is { } s ? $" [suppressed{(s.Justification is { } reason ? $": {reason}" : string.Empty)}]" : string.Empty;
            writer.WriteLine($"{Escape(d.Location.Path)}({d.Location.StartLine},{d.Location.StartColumn}): {d.Severity.ToName()} {d.RuleId}: {Escape(d.Message)}{Escape(suppressed)}");
        }

        writer.WriteLine(Summary(result));
    }

    /// <summary>
    /// "2 warnings in 3 files (5 objects)." Suppressed findings are not counted but mentioned ("1 suppressed"), and
    /// against a baseline the new findings are ("1 new").
    /// </summary>
    public static string Summary(AnalysisResult result)
    {
        var files = Count(result.FileCount, "file");
        var objects = Count(result.ResourceCount, "object");
        var active = result.Active.ToList();
        var extra = new List<string>();
        if (active.Any(d => d.BaselineState is not null))
        {
            extra.Add($"{active.Count(d => d.BaselineState == BaselineState.New)} new since the baseline");
        }

        if (result.Suppressed.Count() is > 0 and var suppressed)
        {
            extra.Add($"{suppressed} suppressed");
        }

        var suffix = extra.Count == 0 ? string.Empty : $"; {string.Join(", ", extra)}";
        if (active.Count == 0)
        {
            return $"No findings in {files} ({objects}){suffix}.";
        }

        var counts = new[] { Severity.Error, Severity.Warning, Severity.Note }
            .Select(s => (Severity: s, Count: active.Count(d => d.Severity == s)))
            .Where(c => c.Count > 0)
            .Select(c => Count(c.Count, c.Severity.ToName()));
        return $"{string.Join(", ", counts)} in {files} ({objects}){suffix}.";
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

    /// <summary>One finding is one line: a newline in a file name or message must not start a fake one.</summary>
    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
