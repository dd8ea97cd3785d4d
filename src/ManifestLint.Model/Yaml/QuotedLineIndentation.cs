using System.Text;
using YamlDotNet.Core;

namespace ManifestLint.Model.Yaml;

/// <summary>
/// Works around a YamlDotNet check that libyaml (and so go-yaml and kubectl) does not make: a line that continues a
/// double-quoted scalar must be indented deeper than the block around it ("found wrong indentation"). The leading
/// spaces of such a line are not part of the value, so spaces are added at its start in the text given to YamlDotNet,
/// and every position on it is moved back (<see cref="Unshift"/>), so that lines and columns stay the file's.
/// </summary>
internal sealed class QuotedLineIndentation
{
    private readonly Dictionary<int, int> shifts = [];

    public bool IsEmpty => shifts.Count == 0;

    public static bool IsWorkedAround(YamlException e) =>
        (e.InnerException?.Message ?? e.Message).Contains("multi-line double-quoted scalar, found wrong indentation", StringComparison.Ordinal);

    /// <summary>
    /// Indents the continuation lines of the double-quoted scalar that opens at <paramref name="quote"/> (a position in
    /// <paramref name="text"/>, before any shift) to the quote's column. False when there was nothing left to indent.
    /// </summary>
    public bool Add(string text, Mark quote)
    {
        var lineStarts = LineStarts(text);
        var line = (int)quote.Line;
        if (line < 1 || line > lineStarts.Count)
        {
            return false;
        }

        var start = lineStarts[line - 1] + (int)quote.Column - 1;
        if (start >= text.Length || text[start] != '"')
        {
            return false;
        }

        var column = (int)quote.Column;
        var added = false;
        for (var i = start + 1; i < text.Length && text[i] != '"'; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n')
            {
                i++;
            }
            else if (text[i] == '\n')
            {
                line++;
                var indentation = text.AsSpan(i + 1).IndexOfAnyExcept(' ', '\t');
                if (indentation >= 0 && indentation < column && shifts.GetValueOrDefault(line) < column - indentation)
                {
                    shifts[line] = column - indentation;
                    added = true;
                }
            }
        }

        return added;
    }

    /// <summary>The text with the added indentation.</summary>
    public string Apply(string text)
    {
        if (shifts.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + shifts.Values.Sum());
        var line = 1;
        var start = 0;
        while (true)
        {
            if (shifts.TryGetValue(line, out var spaces))
            {
                builder.Append(' ', spaces);
            }

            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                builder.Append(text, start, text.Length - start);
                return builder.ToString();
            }

            builder.Append(text, start, end + 1 - start);
            start = end + 1;
            line++;
        }
    }

    /// <summary>A position in the indented text, as a position in the original one.</summary>
    public Mark Unshift(Mark mark) =>
        shifts.TryGetValue((int)mark.Line, out var spaces) && mark.Column > spaces ? new Mark(mark.Index, mark.Line, mark.Column - spaces) : mark;

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return starts;
    }
}
