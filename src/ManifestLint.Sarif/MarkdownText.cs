using System.Text;
using System.Text.RegularExpressions;

namespace ManifestLint.Sarif;

/// <summary>
/// A plain-text rendering of a rule page for SARIF's <c>help.text</c>, shown by viewers that do not render
/// <c>help.markdown</c>. Deliberately small: it removes the syntax that reads badly as text (heading
/// markers, code fences, link and emphasis syntax) and leaves everything else, code included, as written.
/// </summary>
internal static partial class MarkdownText
{
    public static string ToPlainText(string markdown)
    {
        var output = new StringBuilder(markdown.Length);
        string? fence = null;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim('`', '~', ' ').Length == 0)
                {
                    fence = null;
                }
                else
                {
                    output.Append(line).Append('\n');
                }

                continue;
            }

            var text = Heading().Replace(line, "$1");
            text = Image().Replace(text, "$1");
            text = Link().Replace(text, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[1].Value : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
            text = Strong().Replace(text, "$2");
            output.Append(text).Append('\n');
        }

        return output.ToString().Trim('\n') + "\n";
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)\s]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(\S(?:.*?\S)?)\1")]
    private static partial Regex Strong();
}
