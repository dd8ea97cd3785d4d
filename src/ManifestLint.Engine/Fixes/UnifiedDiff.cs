using System.Text;

namespace ManifestLint.Engine.Fixes;

/// <summary>
/// A unified diff (<c>diff -u</c>, what <c>git apply</c> and <c>patch -p1</c> read) of two versions of a file, line
/// by line with Myers' algorithm and three lines of context. A last line without a line break is marked with
/// <c>\ No newline at end of file</c>.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/>; empty when they are equal.</summary>
    public static string Create(string path, string before, string after)
    {
        if (before == after)
        {
            return string.Empty;
        }

        var a = Split(before);
        var b = Split(after);
        var edits = Diff(a, b);
        var output = new StringBuilder();
        var label = path.Replace('\\', '/');
        output.Append("--- a/").Append(label).Append('\n');
        output.Append("+++ b/").Append(label).Append('\n');

        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            var lastChange = i;
            while (end < edits.Count && (edits[end].Kind != ' ' || end - lastChange <= Context * 2))
            {
                if (edits[end].Kind != ' ')
                {
                    lastChange = end;
                }

                end++;
            }

            end = Math.Min(edits.Count, lastChange + Context + 1);
            var hunk = edits.GetRange(start, end - start);
            var oldStart = hunk[0].OldLine;
            var newStart = hunk[0].NewLine;
            var oldCount = hunk.Count(e => e.Kind != '+');
            var newCount = hunk.Count(e => e.Kind != '-');
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            foreach (var edit in hunk)
            {
                output.Append(edit.Kind).Append(edit.Text.TrimEnd('\n')).Append('\n');
                if (!edit.Text.EndsWith('\n'))
                {
                    output.Append("\\ No newline at end of file\n");
                }
            }

            i = end;
        }

        return output.ToString();
    }

    private static string Range(int start, int count) => count == 1 ? $"{start}" : count == 0 ? $"{start - 1},0" : $"{start},{count}";

    /// <summary>Lines with their line breaks, so a change of the last line's break shows.</summary>
    private static List<string> Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>Myers' O(ND) shortest edit script, as a list of kept (' '), removed ('-') and added ('+') lines with 1-based line numbers.</summary>
    private static List<Line> Diff(List<string> a, List<string> b)
    {
        var n = a.Count;
        var m = b.Count;
        var max = n + m;
        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(a, b, trace, max, d);
                }
            }
        }

        throw new InvalidOperationException("Myers diff did not terminate.");
    }

    private static List<Line> Backtrack(List<string> a, List<string> b, List<int[]> trace, int max, int depth)
    {
        var result = new List<Line>();
        var x = a.Count;
        var y = b.Count;
        for (var d = depth; d >= 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
            var previousX = d == 0 ? 0 : v[max + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                result.Add(new Line(' ', a[x - 1], x, y));
                x--;
                y--;
            }

            if (d > 0)
            {
                if (x == previousX)
                {
                    result.Add(new Line('+', b[y - 1], x + 1, y));
                }
                else
                {
                    result.Add(new Line('-', a[x - 1], x, y + 1));
                }
            }

            x = previousX;
            y = previousY;
        }

        result.Reverse();
        return result;
    }

    /// <param name="OldLine">For kept and removed lines, the line in the old text; for an added line, the old line it comes before.</param>
    /// <param name="NewLine">For kept and added lines, the line in the new text; for a removed line, the new line it comes before.</param>
    private sealed record Line(char Kind, string Text, int OldLine, int NewLine);
}
