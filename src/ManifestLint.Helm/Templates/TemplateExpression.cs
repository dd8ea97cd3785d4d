using System.Text;

namespace ManifestLint.Helm.Templates;

/// <summary>An operand of a template command.</summary>
internal abstract record TemplateOperand;

/// <summary>A function (or <c>include</c>, <c>template</c>, <c>tpl</c>) named as a command's first word.</summary>
internal sealed record FunctionOperand(string Name) : TemplateOperand;

/// <summary>A string (unquoted), number, boolean or nil.</summary>
internal sealed record LiteralOperand(string Value, bool IsString) : TemplateOperand;

/// <summary><c>.</c> or a field chain of it (<c>.Values.x</c>).</summary>
internal sealed record FieldOperand(string Text) : TemplateOperand;

/// <summary><c>$name.field</c>; <c>$</c> alone has the empty name.</summary>
internal sealed record VariableOperand(string Name) : TemplateOperand
{
    /// <summary>The operand as written, fields included (<c>$root.Values</c>).</summary>
    public string Text { get; init; } = "$" + Name;
}

/// <summary>A parenthesised pipeline.</summary>
internal sealed record PipelineOperand(TemplatePipeline Pipeline) : TemplateOperand;

/// <summary>Space-separated operands; the first is the function when it is one.</summary>
internal sealed record TemplateCommand(IReadOnlyList<TemplateOperand> Operands);

/// <summary><c>[$a, $b :=] command | command …</c>: each command gets the previous one's value as its last argument.</summary>
internal sealed record TemplatePipeline(IReadOnlyList<string> Declared, IReadOnlyList<TemplateCommand> Commands);

/// <summary>
/// Parses the pipeline of a Go template action (<c>include "x" . | sha256sum</c>), enough to tell which functions
/// are applied to which values. The keywords <c>if</c>, <c>range</c>, <c>with</c> and <c>else</c> are dropped (<c>block</c> and <c>template</c> stay, as functions); what
/// cannot be parsed is kept as operands as far as it goes: the reader of the tree must stay conservative.
/// </summary>
internal static class TemplateExpression
{
    public static TemplatePipeline Parse(string body)
    {
        var tokens = Tokenize(body);
        var position = 0;
        while (position < tokens.Count && tokens[position] is { Kind: TokenKind.Word, Text: "if" or "else" or "range" or "with" })
        {
            position++;
        }

        return ParsePipeline(tokens, ref position);
    }

    private enum TokenKind
    {
        Word,
        String,
        Open,
        Close,
        Pipe,
        Comma,
        Declare,
    }

    private sealed record Token(TokenKind Kind, string Text);

    private static TemplatePipeline ParsePipeline(List<Token> tokens, ref int position)
    {
        var declared = new List<string>();
        var at = position;
        var names = new List<string>();
        while (at < tokens.Count && tokens[at] is { Kind: TokenKind.Word } word && word.Text.StartsWith('$'))
        {
            names.Add(VariableName(word.Text));
            at++;
            if (at < tokens.Count && tokens[at].Kind == TokenKind.Comma)
            {
                at++;
                continue;
            }

            break;
        }

        if (names.Count > 0 && at < tokens.Count && tokens[at].Kind == TokenKind.Declare)
        {
            declared.AddRange(names);
            position = at + 1;
        }

        var commands = new List<TemplateCommand>();
        var operands = new List<TemplateOperand>();
        for (; position < tokens.Count; position++)
        {
            var token = tokens[position];
            if (token.Kind == TokenKind.Close)
            {
                break;
            }

            switch (token.Kind)
            {
                case TokenKind.Pipe:
                    if (operands.Count > 0)
                    {
                        commands.Add(new TemplateCommand(operands));
                        operands = [];
                    }

                    break;
                case TokenKind.Open:
                    position++;
                    operands.Add(new PipelineOperand(ParsePipeline(tokens, ref position)));
                    break;
                case TokenKind.String:
                    operands.Add(new LiteralOperand(token.Text, IsString: true));
                    break;
                case TokenKind.Word:
                    operands.Add(Operand(token.Text));
                    break;
            }
        }

        if (operands.Count > 0)
        {
            commands.Add(new TemplateCommand(operands));
        }

        return new TemplatePipeline(declared, commands);
    }

    private static TemplateOperand Operand(string word)
    {
        if (word.StartsWith('$'))
        {
            return new VariableOperand(VariableName(word)) { Text = word };
        }

        if (word.StartsWith('.'))
        {
            return new FieldOperand(word);
        }

        if (word is "true" or "false" or "nil" || char.IsDigit(word[0]) || word[0] is '-' or '+')
        {
            return new LiteralOperand(word, IsString: false);
        }

        // A function name; as an argument rather than first in its command, a call without arguments (`now`).
        return new FunctionOperand(word);
    }

    private static string VariableName(string word)
    {
        var dot = word.IndexOf('.', 1);
        return dot < 0 ? word[1..] : word[1..dot];
    }

    private static List<Token> Tokenize(string body)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < body.Length;)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '`' or '\'')
            {
                var value = new StringBuilder();
                var j = i + 1;
                for (; j < body.Length && body[j] != c; j++)
                {
                    if (body[j] == '\\' && c != '`' && j + 1 < body.Length)
                    {
                        j++;
                    }

                    value.Append(body[j]);
                }

                tokens.Add(new Token(TokenKind.String, value.ToString()));
                i = j + 1;
            }
            else if (c is '(' or ')' or '|' or ',')
            {
                tokens.Add(new Token(c switch { '(' => TokenKind.Open, ')' => TokenKind.Close, '|' => TokenKind.Pipe, _ => TokenKind.Comma }, c.ToString()));
                i++;
            }
            else if (c == ':' && i + 1 < body.Length && body[i + 1] == '=')
            {
                tokens.Add(new Token(TokenKind.Declare, ":="));
                i += 2;
            }
            else if (c == '=' && (i + 1 >= body.Length || body[i + 1] != '='))
            {
                tokens.Add(new Token(TokenKind.Declare, "="));
                i++;
            }
            else
            {
                var j = i;
                while (j < body.Length && !char.IsWhiteSpace(body[j]) && body[j] is not ('(' or ')' or '|' or ',' or '"' or '`' or '\'')
                       && !(body[j] == ':' && j + 1 < body.Length && body[j + 1] == '=') && !(body[j] == '=' && j > i && body[i] == '$'))
                {
                    j++;
                }

                tokens.Add(new Token(TokenKind.Word, body[i..j]));
                i = j;
            }
        }

        return tokens;
    }
}
