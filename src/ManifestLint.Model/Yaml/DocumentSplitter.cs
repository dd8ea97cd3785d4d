namespace ManifestLint.Model.Yaml;

/// <summary>One document's text and the 1-based file line it starts on.</summary>
public readonly record struct DocumentText(string Text, int StartLine);

/// <summary>
/// Splits a stream into documents the way Kubernetes' YAMLReader does (k8s.io/apimachinery
/// pkg/util/yaml): a line that starts with <c>---</c> followed by nothing, blanks or a comment ends one
/// document and begins the next. Each document is then parsed on its own, so a syntax error in one
/// cannot hide the others. The separator line stays at the top of the next document, which keeps the
/// parser's line numbers a plain offset from the file's.
/// </summary>
public static class DocumentSplitter
{
    public static IEnumerable<DocumentText> Split(string text)
    {
        var start = 0;
        var startLine = 1;
        foreach (var (separator, line) in Separators(text))
        {
            // Directives (%YAML, %TAG) belong to the document after them: they end the text before its separator.
            var (end, endLine) = DirectivesBefore(text, start, separator, line, atStreamStart: start == 0);
            if (end > start)
            {
                yield return new DocumentText(text[start..end], startLine);
            }

            start = end;
            startLine = endLine;
        }

        if (start < text.Length || start == 0)
        {
            yield return new DocumentText(text[start..], startLine);
        }
    }

    /// <summary>
    /// Where the directives that end a document's text start (offset and line), or the separator when there are none.
    /// YAML allows directives at the start of the stream and after a document end marker (<c>...</c>), with comments
    /// and blank lines around them.
    /// </summary>
    private static (int Offset, int Line) DirectivesBefore(string text, int start, int separator, int separatorLine, bool atStreamStart)
    {
        var result = (separator, separatorLine);
        var end = separator;
        var line = separatorLine;
        while (end > start)
        {
            var lineStart = end - 1 > start ? text.LastIndexOf('\n', end - 2, end - 1 - start) + 1 : start;
            lineStart = Math.Max(lineStart, start);
            var content = text.AsSpan(lineStart, end - lineStart).TrimEnd("\r\n");
            line--;
            if (content.StartsWith("%"))
            {
                result = (lineStart, line);
            }
            else if (content.StartsWith("...") && (content.Length == 3 || content[3] is ' ' or '\t'))
            {
                return result;
            }
            else if (!content.TrimStart(" \t").IsEmpty && !content.TrimStart(" \t").StartsWith("#"))
            {
                return (separator, separatorLine);
            }

            end = lineStart;
        }

        return atStreamStart ? result : (separator, separatorLine);
    }

    /// <summary>The 1-based lines of the separators that start a second, third ... document (no text is copied).</summary>
    public static IEnumerable<int> SeparatorLines(string text) => Separators(text).Select(s => s.Line);

    /// <summary>Each separator line after the start of the text: its offset and its 1-based line.</summary>
    private static IEnumerable<(int Offset, int Line)> Separators(string text)
    {
        var line = 1;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            if (position > 0 && IsSeparator(text.AsSpan(position, (end < 0 ? text.Length : end) - position)))
            {
                yield return (position, line);
            }

            position = next;
            line++;
        }
    }

    private static bool IsSeparator(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith("---", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line[3..];
        return rest.IsEmpty || rest[0] is ' ' or '\t' or '\r';
    }
}
