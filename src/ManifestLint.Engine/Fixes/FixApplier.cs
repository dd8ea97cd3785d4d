using System.Text;

namespace ManifestLint.Engine.Fixes;

/// <summary>The text after applying fixes, with the fixes that were applied and those left out because they overlapped.</summary>
public sealed record FixResult(string Text, IReadOnlyList<Fix> Applied, IReadOnlyList<Fix> Skipped)
{
    public bool Changed => Applied.Count > 0;
}

/// <summary>
/// Applies fixes to one file's text at known positions: each edit replaces exactly its span, everything else is
/// kept byte for byte. A fix is all-or-nothing: when one of its edits overlaps an edit of a fix already taken (or
/// points outside the text), the whole fix is skipped, to be retried on the next pass. Insertions at the same point
/// are kept in the order of the fixes.
/// </summary>
public static class FixApplier
{
    public static FixResult Apply(string text, IEnumerable<Fix> fixes, string? path = null)
    {
        var lines = LineStarts(text);
        var crlf = text.Contains("\r\n", StringComparison.Ordinal);
        var taken = new List<(int Start, int End, int Order, string Text)>();
        var applied = new List<Fix>();
        var skipped = new List<Fix>();
        foreach (var fix in fixes)
        {
            var edits = new List<(int Start, int End, int Order, string Text)>();
            var ok = true;
            foreach (var edit in fix.Edits.Where(e => path is null || e.Span.Path == path))
            {
                if (!TryOffset(text, lines, edit.Span.StartLine, edit.Span.StartColumn, out var start)
                    || !TryOffset(text, lines, edit.Span.EndLine, edit.Span.EndColumn, out var end)
                    || end < start)
                {
                    ok = false;
                    break;
                }

                var inserted = edit.NewText;
                if (start == text.Length && text.Length > 0 && text[^1] != '\n' && edit.Span.StartColumn == 1 && edit.Span.StartLine > lines.Count)
                {
                    // Inserting a line after a last line that has no line break: give it one first.
                    inserted = "\n" + inserted;
                }

                if (crlf)
                {
                    inserted = inserted.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
                }

                edits.Add((start, end, taken.Count + edits.Count, inserted));
            }

            if (ok && edits.Count > 0 && !edits.Any(e => Overlaps(e, taken) || Overlaps(e, edits.Where(o => o.Order != e.Order))))
            {
                taken.AddRange(edits);
                applied.Add(fix);
            }
            else
            {
                skipped.Add(fix);
            }
        }

        var output = new StringBuilder(text.Length + taken.Sum(e => e.Text.Length));
        var position = 0;
        foreach (var (start, end, _, inserted) in taken.OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Order))
        {
            output.Append(text, position, start - position).Append(inserted);
            position = end;
        }

        output.Append(text, position, text.Length - position);
        return new FixResult(output.ToString(), applied, skipped);
    }

    /// <summary>Two edits overlap when they share a character, or an insertion falls strictly inside a replacement.</summary>
    private static bool Overlaps((int Start, int End, int Order, string Text) edit, IEnumerable<(int Start, int End, int Order, string Text)> others) =>
        others.Any(o => edit.Start < o.End && o.Start < edit.End);

    /// <summary>The offset of each line's first character; lines end at '\n' (a '\r' before it belongs to the line break).</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        if (starts.Count > 1 && starts[^1] == text.Length)
        {
            starts.RemoveAt(starts.Count - 1);
        }

        return starts;
    }

    private static bool TryOffset(string text, List<int> lines, int line, int column, out int offset)
    {
        offset = 0;
        if (line < 1 || column < 1)
        {
            return false;
        }

        if (line > lines.Count)
        {
            // The position just after the last line: the end of the text.
            offset = text.Length;
            return line == lines.Count + 1 && column == 1;
        }

        var lineStart = lines[line - 1];
        var contentEnd = line < lines.Count ? lines[line] - 1 : text.EndsWith('\n') ? text.Length - 1 : text.Length;
        if (contentEnd > lineStart && text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        offset = lineStart + column - 1;
        return offset <= contentEnd;
    }
}
