using ManifestLint.Model.IO;
using System.Globalization;
using System.Text.RegularExpressions;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Helm.Charts;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Rendering;

/// <summary>Turns a failed <c>helm template</c> run into a message, and the template position Helm names into a related location.</summary>
internal static partial class HelmErrors
{
    private const int MaxLength = 800;

    public static (string Message, IReadOnlyList<RelatedLocation> Related) Describe(HelmRun run, TimeSpan timeout, ChartNode chart, Func<string, string> display)
    {
        if (run.TimedOut)
        {
            return ($"helm template did not finish within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was stopped (raise --helm-timeout if the chart is just slow).", []);
        }

        // Helm prints warnings (level=WARN …) before the error; the error is the "Error:" line and what follows it
        // (a schema failure lists the offending values on the next lines).
        var lines = run.Error.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var first = lines.FindIndex(l => l.StartsWith("Error:", StringComparison.Ordinal));
        var errors = first >= 0
            ? lines.Skip(first).Select(l => l.StartsWith("Error:", StringComparison.Ordinal) ? l["Error:".Length..].Trim() : l).ToList()
            : lines.TakeLast(1).ToList();

        var text = errors.Count == 0
            ? $"helm exited with code {run.ExitCode.ToString(CultureInfo.InvariantCulture)} without a message."
            : string.Join(" ", errors).Replace("Use --debug flag to render out invalid YAML", string.Empty, StringComparison.Ordinal).Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength] + "…";
        }

        if (!text.EndsWith('.'))
        {
            text += ".";
        }

        var related = new List<RelatedLocation>();
        foreach (Match match in TemplatePositionPattern().Matches(text))
        {
            if (ChartLayout.Resolve(chart, match.Groups["path"].Value) is { } resolved && File.Exists(resolved.File))
            {
                var line = int.TryParse(match.Groups["line"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
                var column = int.TryParse(match.Groups["column"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 1;
                related.Add(new RelatedLocation(new SourceSpan(display(resolved.File), line, column, line, column + 1), "Helm reports the error here"));
                break;
            }
        }

        return (text, related);
    }

    /// <summary>The template files a Helm error names (<c>web/templates/x.yaml</c>, <c>web/charts/db/templates/_helpers.tpl</c>), resolved in the chart.</summary>
    public static IEnumerable<string> TemplateFiles(string error, ChartNode chart)
    {
        foreach (Match match in TemplatePathPattern().Matches(error))
        {
            if (ChartLayout.Resolve(chart, match.Value) is { } resolved)
            {
                yield return resolved.File;
            }
        }
    }

    /// <summary>
    /// The values file and line of a values parse error, as Helm reports it: <c>cannot load values.yaml: … yaml: line
    /// 4: …</c> (the chart's own file, or a subchart's <c>charts/db/values.yaml</c>) or <c>failed to parse
    /// /abs/prod.yaml: … yaml: line 1: …</c> (a <c>-f</c> or <c>ci/</c> file); null for any other error.
    /// </summary>
    public static (string File, int Line)? ValuesFileError(string message, string chartDirectory)
    {
        if (ValuesErrorPattern().Match(message) is not { Success: true } match)
        {
            return null;
        }

        var file = Path.GetFullPath(match.Groups["file"].Value, chartDirectory);
        var line = int.TryParse(match.Groups["line"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Max(1, n) : 1;
        return File.Exists(file) ? (file, line) : null;
    }

    /// <summary>The <c>name:</c> entry of Chart.yaml, else its first line.</summary>
    public static SourceSpan ChartNameSpan(string chartFile, string displayPath)
    {
        try
        {
            var file = YamlFileLoader.Load(displayPath, BoundedFile.ReadWhole(chartFile));
            if (file.Documents.Count > 0 && file.Documents[0].Root is MappingNode root && root.Entry("name") is { } name)
            {
                return name.Key.Span.Through(name.Value.Span);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return SourceSpan.FileStart(displayPath) with { EndColumn = 2 };
    }

    [GeneratedRegex(@"(?:cannot load|failed to parse) (?<file>[^\s:]+\.ya?ml):.*?\byaml: line (?<line>\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex ValuesErrorPattern();

    /// <summary><c>web/templates/deployment.yaml:12:5</c> or <c>(web/templates/NOTES.txt:2:3)</c> in a Go template error.</summary>
    [GeneratedRegex(@"(?<path>[\w.@-]+(?:/[\w.@-]+)+):(?<line>\d+)(?::(?<column>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex TemplatePositionPattern();

    [GeneratedRegex(@"[\w.@-]+(?:/[\w.@-]+)*/templates/(?:[\w.@-]+/)*[\w.@-]+\.(?:yaml|yml|tpl)", RegexOptions.CultureInvariant)]
    private static partial Regex TemplatePathPattern();
}
