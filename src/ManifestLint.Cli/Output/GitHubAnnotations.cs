using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Output;

/// <summary>
/// <c>--format github</c>: one GitHub Actions workflow command per finding,
/// <c>::warning file=k8s/web.yaml,line=31,col=13,endLine=31,endColumn=19,title=ML1001::message</c>, which the runner
/// turns into an annotation on the file (and on the pull request diff) without code scanning. Paths are relative to
/// the repository root, as GitHub resolves them. Notes become <c>::notice</c>. Values are escaped as the Actions
/// toolkit does: <c>%</c>, CR and LF in the message, and also <c>:</c> and <c>,</c> in properties, so no text from a
/// manifest can end a command early or start another.
/// </summary>
public static class GitHubAnnotations
{
    /// <param name="repositoryPath">Maps a finding's path (relative to the working directory) to the repository-relative one.</param>
    public static void Write(AnalysisResult result, TextWriter writer, Func<string, string> repositoryPath, bool quiet = false)
    {
        foreach (var d in result.Active)
        {
            writer.WriteLine(Command(d, repositoryPath));
        }

        if (!quiet)
        {
            writer.WriteLine(TextReporter.Summary(result));
        }
    }

    public static string Command(Diagnostic d, Func<string, string> repositoryPath)
    {
        var command = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var span = d.Location;
        var properties = new List<(string Key, string Value)>();
        if (span.Path != AnalysisInput.StandardInputPath)
        {
            properties.Add(("file", repositoryPath(span.Path)));
            properties.Add(("line", Number(span.StartLine)));
            properties.Add(("col", Number(span.StartColumn)));
            properties.Add(("endLine", Number(Math.Max(span.StartLine, span.EndLine))));
            if (span.EndLine == span.StartLine)
            {
                properties.Add(("endColumn", Number(Math.Max(span.StartColumn, span.EndColumn))));
            }
        }

        properties.Add(("title", d.RuleId));
        var message = $"{d.Message} ({d.Rule.HelpUri})";
        return $"::{command} {string.Join(',', properties.Select(p => $"{p.Key}={EscapeProperty(p.Value)}"))}::{EscapeData(message)}";
    }

    /// <summary>As the Actions toolkit's <c>escapeData</c>: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string text) => new StringBuilder(text)
        .Replace("%", "%25")
        .Replace("\r", "%0D")
        .Replace("\n", "%0A")
        .ToString();

    /// <summary>As the Actions toolkit's <c>escapeProperty</c>: <c>%</c>, CR, LF, <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string text) => new StringBuilder(EscapeData(text))
        .Replace(":", "%3A")
        .Replace(",", "%2C")
        .ToString();

    private static string Number(int n) => Math.Max(1, n).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
