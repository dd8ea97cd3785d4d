using System.Text;

namespace ManifestLint.Helm.Templates;

/// <summary>
/// Turns the output of a marked render back into the output of the chart itself, by removing the markers exactly as
/// <see cref="MarkedChart"/> inserts them: a space and <c>#@ml:&lt;file&gt;:&lt;line&gt;</c> (one or more) at the end
/// of a line, before any blanks. Where the markers ended up only there, what is left is the plain render byte for byte.
/// </summary>
internal static class MarkedOutput
{
    private const string Marker = " " + MarkedChart.MarkerStart;

    /// <summary>Helm prints each document as <c>---\n# Source: path\n</c>, its content trimmed, and a newline.</summary>
    private const string DocumentStart = "---\n";

    /// <returns>
    /// The output without markers; null when marker text is left anywhere else (moved off a line's end by a trim,
    /// quoted, re-cased, or at the start of a document whose leading space Helm trimmed): the markers changed the
    /// output there, and only a plain render tells what it would have been.
    /// </returns>
    public static string? Strip(string output)
    {
        if (!output.Contains(MarkedChart.MarkerStart, StringComparison.Ordinal))
        {
            return output.Contains("#@ml", StringComparison.OrdinalIgnoreCase) ? null : output;
        }

        var text = new StringBuilder(output.Length);
        var kept = new Stack<(int Start, int End)>();
        var emptied = false;
        for (var position = 0; ;)
        {
            var newline = output.IndexOf('\n', position);
            var end = newline < 0 ? output.Length : newline;
            var contentEnd = end > position && output[end - 1] == '\r' ? end - 1 : end;

            // From the line's end back: markers, each maybe followed by blanks that the template printed after its
            // line's end (the indentation of an include whose text starts on a new line); the blanks stay.
            var cut = contentEnd;
            kept.Clear();
            while (true)
            {
                var blanks = cut;
                while (blanks > position && output[blanks - 1] is ' ' or '\t')
                {
                    blanks--;
                }

                var start = MarkerEndingAt(output, position, blanks);
                if (start < 0)
                {
                    break;
                }

                kept.Push((blanks, cut));
                cut = start;
            }

            text.Append(output, position, cut - position);
            foreach (var (start, stop) in kept)
            {
                text.Append(output, start, stop - start);
            }

            // A line that was blank but for its marker: at the end of a document Helm trimmed it in the plain render.
            emptied |= kept.Count > 0 && output.AsSpan(position, cut - position).IsWhiteSpace();
            text.Append(output, contentEnd, end - contentEnd);
            if (newline < 0)
            {
                break;
            }

            text.Append('\n');
            position = newline + 1;
        }

        var result = emptied ? TrimDocumentEnds(text.ToString()) : text.ToString();
        return result.Contains("#@ml", StringComparison.OrdinalIgnoreCase) ? null : result;
    }

    /// <summary>Where the marker <c> #@ml:N:N</c> that ends just before <paramref name="end"/> starts, or -1.</summary>
    private static int MarkerEndingAt(string text, int lineStart, int end)
    {
        var colon = SkipDigitsBack(text, lineStart, end);
        if (colon == end || colon <= lineStart || text[colon - 1] != ':')
        {
            return -1;
        }

        var prefixEnd = SkipDigitsBack(text, lineStart, colon - 1);
        if (prefixEnd == colon - 1 || prefixEnd - lineStart < Marker.Length)
        {
            return -1;
        }

        var start = prefixEnd - Marker.Length;
        return text.AsSpan(start, Marker.Length).SequenceEqual(Marker) ? start : -1;
    }

    private static int SkipDigitsBack(string text, int lineStart, int end)
    {
        while (end > lineStart && char.IsAsciiDigit(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// Removes the whitespace at the end of each document's content, as Helm does (it trims every document): in the
    /// marked render a marker on a blank last line kept that whitespace in.
    /// </summary>
    private static string TrimDocumentEnds(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var start = 0; start < text.Length;)
        {
            var next = text.IndexOf("\n" + DocumentStart, start, StringComparison.Ordinal);
            var end = next < 0 ? text.Length : next + 1;
            var contentEnd = end > start && text[end - 1] == '\n' ? end - 1 : end;
            var contentStart = ContentStart(text, start, contentEnd);
            var trimmed = contentEnd;
            while (trimmed > contentStart && char.IsWhiteSpace(text[trimmed - 1]))
            {
                trimmed--;
            }

            result.Append(text, start, trimmed - start).Append(text, contentEnd, end - contentEnd);
            start = end;
        }

        return result.ToString();
    }

    /// <summary>The first character after the document's <c>---</c> line and its <c># Source:</c> line.</summary>
    private static int ContentStart(string text, int start, int end)
    {
        var position = start;
        if (text.AsSpan(position, end - position).StartsWith(DocumentStart, StringComparison.Ordinal))
        {
            position += DocumentStart.Length;
        }

        if (text.AsSpan(position, end - position).StartsWith(Rendering.RenderedOutput.SourcePrefix, StringComparison.Ordinal))
        {
            var newline = text.IndexOf('\n', position, end - position);
            position = newline < 0 ? end : newline + 1;
        }

        return position;
    }
}
