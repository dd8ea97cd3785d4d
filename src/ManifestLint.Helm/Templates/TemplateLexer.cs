namespace ManifestLint.Helm.Templates;

/// <summary>What a Go template action does to the output, as far as the line mapping cares.</summary>
internal enum ActionKind
{
    /// <summary>Prints its value: <c>{{ .Values.x }}</c>, <c>{{ include "x" . }}</c>.</summary>
    Output,

    /// <summary>Prints a value that starts with a newline: a pipeline ending in <c>nindent</c>.</summary>
    OutputNewline,

    /// <summary><c>if</c>, <c>else</c>, <c>range</c>, <c>with</c>, <c>break</c>, <c>continue</c>.</summary>
    Control,

    /// <summary><c>end</c>.</summary>
    End,

    /// <summary><c>define</c> or <c>block</c>: starts a named template.</summary>
    Define,

    /// <summary><c>{{/* ... */}}</c>.</summary>
    Comment,

    /// <summary><c>{{ $x := ... }}</c> or <c>{{ $x = ... }}</c>: prints nothing.</summary>
    Assignment,
}

/// <summary>A piece of a template: literal text, or an action between <c>{{</c> and <c>}}</c>.</summary>
/// <param name="Start">Offset of the first character (of <c>{{</c> for an action).</param>
/// <param name="End">Offset just after the last character (after <c>}}</c> for an action).</param>
/// <param name="Body">The action's text between the delimiters and trim markers, trimmed; the text itself for literal text.</param>
internal sealed record TemplateToken(bool IsAction, int Start, int End, string Body, bool TrimLeft, bool TrimRight, ActionKind Kind);

/// <summary>
/// Splits Go template text (text/template, as Helm uses it) into literal text and actions, following the
/// lexer's rules: <c>{{- </c> and <c> -}}</c> trim the adjacent whitespace, comments run from <c>/*</c> to
/// <c>*/</c>, and strings (<c>"…"</c>, <c>'…'</c>, and raw <c>`…`</c>, which may span lines) can hold
/// <c>}}</c>. An unterminated action runs to the end of the text; Helm reports that file, not us.
/// </summary>
internal static class TemplateLexer
{
    public static IReadOnlyList<TemplateToken> Lex(string text)
    {
        var tokens = new List<TemplateToken>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                tokens.Add(Text(text, position, text.Length));
                break;
            }

            if (open > position)
            {
                tokens.Add(Text(text, position, open));
            }

            var action = ReadAction(text, open);
            tokens.Add(action);
            position = action.End;
        }

        return tokens;
    }

    private static TemplateToken Text(string text, int start, int end) =>
        new(false, start, end, text[start..end], false, false, ActionKind.Output);

    private static TemplateToken ReadAction(string text, int open)
    {
        var bodyStart = open + 2;
        var trimLeft = bodyStart + 1 < text.Length && text[bodyStart] == '-' && IsSpace(text[bodyStart + 1]);
        if (trimLeft)
        {
            bodyStart += 2;
        }

        var i = bodyStart;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '/' && text[i + 1] == '*')
        {
            var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            var afterComment = close < 0 ? text.Length : close + 2;
            var end = afterComment;
            while (end < text.Length && IsSpace(text[end]))
            {
                end++;
            }

            var trimRight = end + 2 < text.Length && text[end] == '-' && text.AsSpan(end + 1).StartsWith("}}", StringComparison.Ordinal);
            var closeAt = trimRight ? end + 1 : end;
            var stop = text.AsSpan(closeAt).StartsWith("}}", StringComparison.Ordinal) ? closeAt + 2 : text.Length;
            return new TemplateToken(true, open, stop, text[i..afterComment], trimLeft, trimRight, ActionKind.Comment);
        }

        char? quote = null;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\' && q != '`')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'' or '`')
            {
                quote = c;
                continue;
            }

            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                var trimRight = i >= 2 && text[i - 1] == '-' && IsSpace(text[i - 2]);
                var bodyEnd = trimRight ? i - 1 : i;
                var body = text[bodyStart..Math.Max(bodyStart, bodyEnd)].Trim();
                return new TemplateToken(true, open, i + 2, body, trimLeft, trimRight, Classify(body));
            }
        }

        var rest = text[bodyStart..].Trim();
        return new TemplateToken(true, open, text.Length, rest, trimLeft, false, Classify(rest));
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    internal static ActionKind Classify(string body)
    {
        var word = FirstWord(body);
        switch (word)
        {
            case "if" or "else" or "range" or "with" or "break" or "continue":
                return ActionKind.Control;
            case "end":
                return ActionKind.End;
            case "define" or "block":
                return ActionKind.Define;
        }

        if (body.StartsWith('$'))
        {
            var afterName = 1;
            while (afterName < body.Length && (char.IsLetterOrDigit(body[afterName]) || body[afterName] == '_'))
            {
                afterName++;
            }

            var rest = body.AsSpan(afterName).TrimStart();
            if (rest.StartsWith(":=", StringComparison.Ordinal) || (rest.StartsWith("=", StringComparison.Ordinal) && !rest.StartsWith("==", StringComparison.Ordinal)))
            {
                return ActionKind.Assignment;
            }

            if (rest.StartsWith(",", StringComparison.Ordinal))
            {
                return ActionKind.Assignment;
            }
        }

        return EndsWithNindent(body) ? ActionKind.OutputNewline : ActionKind.Output;
    }

    private static string FirstWord(string body)
    {
        var end = 0;
        while (end < body.Length && char.IsAsciiLetter(body[end]))
        {
            end++;
        }

        return body[..end];
    }

    /// <summary>True when the last command of the pipeline is <c>nindent N</c>, whose result always starts with a newline.</summary>
    private static bool EndsWithNindent(string body)
    {
        var bar = body.LastIndexOf('|');
        if (bar < 0)
        {
            return false;
        }

        var last = body[(bar + 1)..].Trim();
        return last.StartsWith("nindent ", StringComparison.Ordinal) && !last.Contains(')', StringComparison.Ordinal) && !last.Contains('"', StringComparison.Ordinal);
    }
}
