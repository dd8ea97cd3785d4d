using System.Text;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// A POSIX shell tokenizer (XCU 2.2 Quoting, 2.3 Token Recognition). In plain mode it only splits words; in
/// script mode it also recognises control and redirection operators, comments and <c>$</c> expansions.
/// An unterminated quote ends the word at the end of the text and clears <see cref="IsComplete"/>.
/// </summary>
internal sealed class ShellLexer(string text, bool script)
{
    private const string ControlOperators = ";&|()\n";
    private int pos;

    public bool IsComplete { get; private set; } = true;

    public ShellToken? Next()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]) && !(script && text[pos] == '\n'))
        {
            pos++;
        }

        if (script && pos < text.Length && text[pos] == '#')
        {
            while (pos < text.Length && text[pos] != '\n')
            {
                pos++;
            }
        }

        if (pos >= text.Length)
        {
            return null;
        }

        if (script && ControlOperators.Contains(text[pos], StringComparison.Ordinal))
        {
            var two = pos + 1 < text.Length ? text.Substring(pos, 2) : string.Empty;
            var op = two is "&&" or "||" or ";;" ? two : text[pos].ToString();
            pos += op.Length;
            return new ShellToken([], op);
        }

        if (script && text[pos] is '<' or '>')
        {
            return new ShellToken([], ReadRedirection());
        }

        return ReadWord();
    }

    private string ReadRedirection()
    {
        var start = pos++;
        if (pos < text.Length && text[pos] is '>' or '&' or '|' or '<')
        {
            pos++;
        }

        return text[start..pos];
    }

    private ShellToken ReadWord()
    {
        var parts = new List<ShellPart>();
        var literal = new StringBuilder();
        void Flush(bool quoted)
        {
            if (literal.Length > 0)
            {
                parts.Add(new ShellPart(ShellPartKind.Literal, literal.ToString(), quoted));
                literal.Clear();
            }
        }

        while (pos < text.Length)
        {
            var c = text[pos];
            if (char.IsWhiteSpace(c) || (script && (ControlOperators.Contains(c, StringComparison.Ordinal) || c is '<' or '>')))
            {
                // "2>&1": an all-digit word right before a redirection is its file descriptor, not a word.
                if (script && c is '<' or '>' && parts.Count == 0 && literal.Length > 0 && literal.ToString().All(char.IsAsciiDigit))
                {
                    literal.Clear();
                    return new ShellToken([], ReadRedirection());
                }

                break;
            }

            if (c == '\\')
            {
                if (pos + 1 < text.Length && text[pos + 1] != '\n')
                {
                    literal.Append(text[pos + 1]);
                }

                pos = Math.Min(pos + 2, text.Length);
            }
            else if (c == '\'')
            {
                Flush(false);
                var end = text.IndexOf('\'', pos + 1);
                IsComplete &= end >= 0;
                end = end < 0 ? text.Length : end;
                parts.Add(new ShellPart(ShellPartKind.Literal, text[(pos + 1)..end], true));
                pos = Math.Min(end + 1, text.Length);
            }
            else if (c == '"')
            {
                Flush(false);
                pos++;
                ReadDoubleQuoted(parts);
            }
            else if (script && c is '$' or '`' && ReadExpansion(false) is { } part)
            {
                Flush(false);
                parts.Add(part);
            }
            else
            {
                literal.Append(c);
                pos++;
            }
        }

        Flush(false);
        return new ShellToken(parts, null);
    }

    private void ReadDoubleQuoted(List<ShellPart> parts)
    {
        var literal = new StringBuilder();
        var closed = false;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '"')
            {
                pos++;
                closed = true;
                break;
            }

            if (c == '\\' && pos + 1 < text.Length && text[pos + 1] is '$' or '`' or '"' or '\\' or '\n')
            {
                if (text[pos + 1] != '\n')
                {
                    literal.Append(text[pos + 1]);
                }

                pos += 2;
            }
            else if (script && c is '$' or '`' && ReadExpansion(true) is { } part)
            {
                parts.Add(new ShellPart(ShellPartKind.Literal, literal.ToString(), true));
                literal.Clear();
                parts.Add(part);
            }
            else
            {
                literal.Append(c);
                pos++;
            }
        }

        IsComplete &= closed;

        // Always add the literal, even empty: "" is an empty word, not no word.
        parts.Add(new ShellPart(ShellPartKind.Literal, literal.ToString(), true));
    }

    /// <summary>Reads <c>$NAME</c>, <c>${...}</c>, <c>$(...)</c> or a backquoted command at <see cref="pos"/>; null for a lone <c>$</c>.</summary>
    private ShellPart? ReadExpansion(bool quoted)
    {
        var start = pos;
        if (text[pos] == '`')
        {
            var end = text.IndexOf('`', pos + 1);
            IsComplete &= end >= 0;
            pos = end < 0 ? text.Length : end + 1;
            return new ShellPart(ShellPartKind.Opaque, text[start..pos], quoted);
        }

        var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
        if (next == '(')
        {
            pos = MatchingClose(pos + 1, '(', ')');
            return new ShellPart(ShellPartKind.Opaque, text[start..pos], quoted);
        }

        if (next == '{')
        {
            pos = MatchingClose(pos + 1, '{', '}');
            return Braced(text[(start + 2)..Math.Max(start + 2, pos - 1)], text[start..pos], quoted);
        }

        if (char.IsAsciiLetter(next) || next == '_')
        {
            pos++;
            while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }

            return new ShellPart(ShellPartKind.Parameter, text[(start + 1)..pos], quoted);
        }

        if (char.IsAsciiDigit(next) || next is '@' or '*')
        {
            pos += 2;
            return new ShellPart(ShellPartKind.Positional, text[(start + 1)..pos], quoted);
        }

        if (next is '#' or '?' or '$' or '!' or '-')
        {
            pos += 2;
            return new ShellPart(ShellPartKind.Opaque, text[start..pos], quoted);
        }

        return null;
    }

    private static ShellPart Braced(string inner, string source, bool quoted)
    {
        var nameLength = 0;
        while (nameLength < inner.Length && (char.IsAsciiLetterOrDigit(inner[nameLength]) || inner[nameLength] == '_'))
        {
            nameLength++;
        }

        var name = inner[..nameLength];
        var rest = inner[nameLength..];
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return new ShellPart(ShellPartKind.Opaque, source, quoted);
        }

        return rest switch
        {
            "" => new ShellPart(ShellPartKind.Parameter, name, quoted),
            [':', '-', ..] => new ShellPart(ShellPartKind.Parameter, name, quoted, rest[2..], DefaultIfEmpty: true),
            ['-', ..] => new ShellPart(ShellPartKind.Parameter, name, quoted, rest[1..]),
            _ => new ShellPart(ShellPartKind.Opaque, source, quoted),
        };
    }

    /// <summary>The position after the bracket closing the one at <paramref name="open"/>, or the end of the text.</summary>
    private int MatchingClose(int open, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == opening)
            {
                depth++;
            }
            else if (text[i] == closing && --depth == 0)
            {
                return i + 1;
            }
        }

        IsComplete = false;
        return text.Length;
    }
}
