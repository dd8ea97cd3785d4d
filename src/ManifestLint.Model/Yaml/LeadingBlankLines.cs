using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace ManifestLint.Model.Yaml;

/// <summary>
/// Works around a YamlDotNet scanner bug: it rejects a block scalar (<c>|</c>, <c>&gt;</c>) whose first lines hold only
/// spaces ("found extra spaces in first line", "found more spaces in lines above first content line"). Helm renders that
/// shape constantly (<c>args: - |</c> followed by a line left blank by a template action), and YAML, go-yaml (libyaml)
/// and kubectl read it. Such lines are empty lines of the scalar, so they are rewritten to empty in the text given to
/// YamlDotNet, and the scalar's value is then made what libyaml reads: unchanged, or (with an indentation indicator)
/// with the spaces beyond the indentation as text. No line or column of any token moves: only spaces on lines that hold
/// nothing else are removed.
/// <para>
/// A candidate is found by its header line (<c>key: |</c>); whether it really is a block scalar's header (and not text
/// inside another scalar) is confirmed by the parser, through <see cref="Apply"/>: a candidate the parser never reports
/// is dropped and the text parsed again without it (see <see cref="Unconfirmed"/>).
/// </para>
/// </summary>
internal sealed partial class LeadingBlankLines
{
    private readonly Dictionary<int, Candidate> candidates;
    private readonly HashSet<int> confirmed = [];

    private LeadingBlankLines(string text, Dictionary<int, Candidate> candidates)
    {
        this.candidates = candidates;
        Text = Rewrite(text, candidates.Values);
    }

    /// <summary>The text with the leading space-only lines of every candidate made empty.</summary>
    public string Text { get; }

    /// <summary>Header lines of candidates that no block scalar started on in the last parse.</summary>
    public IReadOnlyList<int> Unconfirmed => [.. candidates.Keys.Where(line => !confirmed.Contains(line))];

    public bool IsEmpty => candidates.Count == 0;

    /// <summary>The two errors of YamlDotNet's that this class works around.</summary>
    public static bool IsWorkedAround(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        return message.Contains("found extra spaces in first line", StringComparison.Ordinal)
            || message.Contains("found more spaces in lines above first content line", StringComparison.Ordinal);
    }

    /// <summary>Every candidate block scalar of <paramref name="text"/> (lines are 1-based, relative to the text).</summary>
    public static LeadingBlankLines Find(string text) => new(text, FindCandidates(text));

    /// <summary>The same rewrite without the candidates at <paramref name="headerLines"/>.</summary>
    public LeadingBlankLines Without(string originalText, IEnumerable<int> headerLines)
    {
        var kept = new Dictionary<int, Candidate>(candidates);
        foreach (var line in headerLines)
        {
            kept.Remove(line);
        }

        return new LeadingBlankLines(originalText, kept);
    }

    /// <summary>
    /// For text that is only scanned for tokens (comments): every candidate's space-only lines made empty, without the
    /// parser's confirmation, which no token's kind or place depends on.
    /// </summary>
    public static string ForScanning(string text) => FindCandidates(text) is { Count: > 0 } found ? Rewrite(text, found.Values) : text;

    /// <summary>
    /// The value libyaml reads for the block scalar whose header is on <paramref name="headerLine"/>, given the value
    /// YamlDotNet read from the rewritten text. Throws where libyaml (and so Go and kubectl) rejects the scalar.
    /// </summary>
    public string Apply(long headerLine, string value, Mark start)
    {
        if (!candidates.TryGetValue((int)headerLine, out var candidate))
        {
            return value;
        }

        confirmed.Add(candidate.HeaderLine);
        var lines = candidate.Lines.Where(l => !l.IsComment).ToList();
        var contentAt = value.AsSpan().IndexOfAnyExcept('\n');
        if (candidate.Indicator is not { } indicator)
        {
            // Without an indicator the indentation is that of the first line of text, or deeper if a leading empty line
            // is deeper (libyaml: yaml_parser_scan_block_scalar_breaks). A deeper empty line then ends the scalar before
            // that text, which YAML forbids when the text belongs to the scalar (YAML 1.2, 8.1.1.1): go-yaml rejects it.
            var deeper = lines.FirstOrDefault(l => l.Spaces > candidate.TextIndentation);
            if (contentAt < 0)
            {
                // No text: the value is the line breaks kept by the chomping indicator, one per line of the scalar (the
                // comments after it, made empty for YamlDotNet, are not its lines).
                return candidate.Chomping == '+' ? new string('\n', lines.Count) : string.Empty;
            }

            if (deeper.Line == 0)
            {
                return value;
            }

            throw new YamlException(new Mark(0, deeper.Line, 1), new Mark(0, deeper.Line, deeper.Spaces + 1),
                "A leading empty line of this block scalar holds more spaces than its first line of text; remove them.");
        }

        // With an indentation indicator, spaces beyond the indentation are text (YAML 1.2, 8.1.1.1).
        int indentation;
        if (contentAt == lines.Count)
        {
            var firstText = value.AsSpan(contentAt);
            var textSpaces = firstText.Length - firstText.TrimStart(' ').Length;
            indentation = candidate.TextIndentation - textSpaces;
        }
        else if (lines.All(l => l.Spaces <= indicator))
        {
            return value;
        }
        else if (candidate.ParentIndentation is { } parent)
        {
            // libyaml: the indentation is the parent block's plus the indicator (yaml_parser_scan_block_scalar).
            indentation = Math.Max(parent, 0) + indicator;
            var kept = lines.Select(l => new string(' ', Math.Max(0, l.Spaces - indentation))).ToList();
            var last = kept.FindLastIndex(k => k.Length > 0);
            if (last < 0)
            {
                return value;
            }

            var text = string.Join('\n', kept.Take(last + 1));
            return candidate.Chomping switch
            {
                '-' => text,
                '+' => text + new string('\n', lines.Count - last),
                _ => text + "\n",
            };
        }
        else
        {
            throw new YamlException(start, start,
                "ManifestLint cannot read this block scalar: its indentation indicator is followed only by lines of spaces deeper than it; write the value on one line or quote it.");
        }

        var prefix = new StringBuilder();
        foreach (var line in lines)
        {
            prefix.Append(' ', Math.Max(0, line.Spaces - indentation)).Append('\n');
        }

        return prefix.Append(value.AsSpan(lines.Count)).ToString();
    }

    private static Dictionary<int, Candidate> FindCandidates(string text)
    {
        var result = new Dictionary<int, Candidate>();
        if (text.AsSpan().IndexOfAny('|', '>') < 0)
        {
            return result;
        }

        var lines = text.Split('\n');
        if (lines[^1].Length == 0)
        {
            // The text ends with a line break: the empty string after it is no line.
            lines = lines[..^1];
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var header = Header().Match(lines[i].TrimEnd('\r'));
            if (!header.Success)
            {
                continue;
            }

            var leading = new List<LeadingLine>();
            var j = i + 1;
            for (; j < lines.Length && SpacesOnly(lines[j]) is { } spaces; j++)
            {
                leading.Add(new LeadingLine(j + 1, spaces));
            }

            // A leading line deeper than the next line ends the scalar before it (libyaml), so that a line of text there
            // and after it is no longer the scalar's: "#" lines are comments, which are dropped from the parser's text.
            var deepest = leading.Count == 0 ? 0 : leading.Max(l => l.Spaces);
            for (; j < lines.Length && deepest > Indentation(lines[j]); j++)
            {
                if (SpacesOnly(lines[j]) is not null)
                {
                    continue;
                }

                if (!lines[j].AsSpan().TrimStart(' ').StartsWith("#"))
                {
                    break;
                }

                leading.Add(new LeadingLine(j + 1, 0, IsComment: true));
            }

            if (leading.Exists(l => l.Spaces > 0))
            {
                var indicators = header.Groups["indicator"].Value;
                var indicator = indicators.FirstOrDefault(char.IsAsciiDigit);
                var chomping = indicators.FirstOrDefault(c => c is '+' or '-');
                var textIndentation = j < lines.Length ? Indentation(lines[j]) : -1;
                result[i + 1] = new Candidate(i + 1, indicator == default ? null : indicator - '0', chomping, leading, textIndentation, ParentIndentation(lines[i], header.Index));
            }
        }

        return result;
    }

    /// <summary>
    /// The indentation of the block collection a header's scalar belongs to, read from the header line: the column of the
    /// last key or sequence entry before it, -1 at the top of a document (<c>--- |2</c>); null when the line holds the
    /// header alone (the parent is on a line above) or anything this reading does not know.
    /// </summary>
    private static int? ParentIndentation(string line, int headerAt)
    {
        var before = line[..headerAt];
        if (before.StartsWith("---", StringComparison.Ordinal) && before[3..].Trim().Length == 0)
        {
            return -1;
        }

        int? parent = null;
        var position = 0;
        while (position < before.Length)
        {
            while (position < before.Length && before[position] == ' ')
            {
                position++;
            }

            if (position < before.Length && before[position] == '-' && (position + 1 == before.Length || before[position + 1] == ' '))
            {
                parent = position++;
                continue;
            }

            var colon = before.IndexOf(": ", position, StringComparison.Ordinal);
            if (colon < 0 && before.EndsWith(':'))
            {
                colon = before.Length - 1;
            }

            var key = colon < 0 ? string.Empty : before[position..colon].TrimEnd();
            if (key.Length >= 2 && key[0] is '"' or '\'' && key[^1] == key[0])
            {
                key = key[1..^1];
            }

            return colon > position && !key.Contains('"') && !key.Contains('\'') && !key.Contains('#') && before[(colon + 1)..].Trim().All(c => c is not ('"' or '\'' or '[' or '{'))
                ? position
                : null;
        }

        return parent;
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>How many spaces a line holds when it holds nothing else (a CR of a CRLF aside), else null.</summary>
    private static int? SpacesOnly(string line)
    {
        var content = line.AsSpan().TrimEnd('\r');
        return content.IndexOfAnyExcept(' ') < 0 ? content.Length : null;
    }

    private static string Rewrite(string text, IEnumerable<Candidate> found)
    {
        var blank = found.SelectMany(c => c.Lines).Where(l => l.Spaces > 0 || l.IsComment).Select(l => l.Line).ToHashSet();
        if (blank.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var lineNumber = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var lineEnd = end < 0 ? text.Length : end;
            if (blank.Contains(lineNumber))
            {
                builder.Append(text.AsSpan(start, lineEnd - start).EndsWith("\r") ? "\r" : string.Empty);
            }
            else
            {
                builder.Append(text, start, lineEnd - start);
            }

            if (end < 0)
            {
                break;
            }

            builder.Append('\n');
            start = end + 1;
            lineNumber++;
        }

        return builder.ToString();
    }

    /// <summary>A line that can end with a block scalar's header: <c>|</c> or <c>&gt;</c>, indicators, a comment.</summary>
    [GeneratedRegex(@"(?:^|[ \t])[|>](?<indicator>[1-9][+-]?|[+-][1-9]?)?(?:[ \t]+#.*|[ \t]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    /// <param name="IsComment">A comment after the scalar's end (see <see cref="FindCandidates"/>), not one of its lines.</param>
    private readonly record struct LeadingLine(int Line, int Spaces, bool IsComment = false);

    /// <param name="TextIndentation">The indentation of the first line after the space-only ones; -1 at the end of the text.</param>
    /// <param name="ParentIndentation">The indentation of the collection the scalar belongs to, when the header line tells it.</param>
    private sealed record Candidate(int HeaderLine, int? Indicator, char Chomping, List<LeadingLine> Lines, int TextIndentation, int? ParentIndentation);
}
