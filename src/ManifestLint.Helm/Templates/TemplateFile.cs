using System.Text;
using System.Text.RegularExpressions;

namespace ManifestLint.Helm.Templates;

/// <summary>What the mapping needs to know about one line of a template file.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="LogicalStart">The line a multi-line action that ends on this line started on (else <see cref="Line"/>): the line an author reads as the statement.</param>
/// <param name="Key">The YAML key the line writes as literal text (<c>resources</c> for <c>  resources: {{- toYaml … }}</c>), or null.</param>
/// <param name="HasOutputAction">The line prints the value of an action (<c>{{ .Values.x }}</c>, <c>{{ include … }}</c>), so its output is not fully visible in the template.</param>
/// <param name="InDefine">The line is inside <c>{{ define }}</c>: a helper, executed wherever it is included.</param>
/// <param name="References">Reads <see cref="ValueReferences"/> on first use: only the mapping of a finding needs them, after the marking needed the rest.</param>
/// <param name="Indent">The column of the line's first character that is not a space (0-based).</param>
/// <param name="InBlockScalar">The line is content of a YAML block scalar (<c>key: |</c>), not structure.</param>
internal sealed record TemplateLine(int Line, int LogicalStart, string? Key, bool HasOutputAction, bool InDefine, Lazy<IReadOnlyList<string>> References, int Indent, bool InBlockScalar)
{
    /// <summary>The <c>.Values</c> paths the line's actions read (<c>resources.limits</c>; an item of a list ranged over as <c>containers[]</c>).</summary>
    public IReadOnlyList<string> ValueReferences => References.Value;

    /// <summary>The line starts a list item (<c>- name: x</c>).</summary>
    public bool IsListItem { get; init; }

    /// <summary>The line is a document separator (<c>---</c>).</summary>
    public bool IsDocumentSeparator { get; init; }

    /// <summary>The line has literal text outside its actions (not only whitespace).</summary>
    public bool HasText { get; init; }

    /// <summary>
    /// The values path that decided whether the line is printed at all, where it starts: the dot of the innermost
    /// <c>with</c> (<c>{{- with .Values.server.autoscaling.targetMemory }}</c>) or the path a plain <c>if</c> tests; null when none.
    /// </summary>
    public string? Guard { get; init; }

    /// <summary>The name of the helper (<c>{{ define "x.pod" }}</c>) the line is in, or null outside one.</summary>
    public string? Define { get; init; }
}

/// <summary>
/// A template file read as lines of YAML text with Go template actions in them: which lines can carry a line
/// marker without changing what Helm renders, and, per line, the literal YAML key and the <c>.Values</c> it reads.
/// </summary>
internal sealed partial class TemplateFile
{
    private readonly string text;
    private readonly IReadOnlyList<TemplateToken> tokens;
    private readonly int[] lineStarts;
    private readonly TemplateLine[] lines;
    private readonly bool[] markable;
    private Scope[] scopeAt = [];
    private string?[] defineAt = [];

    private TemplateFile(string text)
    {
        this.text = text;
        tokens = TemplateLexer.Lex(text);
        lineStarts = LineStarts(text);
        lines = new TemplateLine[lineStarts.Length];
        markable = new bool[lineStarts.Length];
        Analyse();
    }

    public int LineCount => lineStarts.Length;

    /// <summary>The file's literal text and actions, in order.</summary>
    public IReadOnlyList<TemplateToken> Tokens => tokens;

    public static TemplateFile Parse(string text) => new(text);

    /// <summary>The line, 1-based; null outside the file.</summary>
    public TemplateLine? this[int line] => line >= 1 && line <= lines.Length ? lines[line - 1] : null;

    /// <summary>The text of a line without its newline.</summary>
    public string LineText(int line)
    {
        var start = lineStarts[line - 1];
        var end = line < lineStarts.Length ? lineStarts[line] - 1 : text.Length;
        return text[start..end].TrimEnd('\r');
    }

    /// <summary>
    /// The template with <paramref name="marker"/>(line) (the 1-based line ending there) appended to every line that can safely carry it as a
    /// trailing YAML comment (before the line's trailing blanks): the line's end is literal text, the next output after the newline is not glued onto
    /// it by a trim marker, and the line is neither inside a block scalar nor (in a helper) a line whose text could
    /// be compared or used as a scalar.
    /// </summary>
    public string WithMarkers(Func<int, string> marker)
    {
        var output = new StringBuilder(text.Length + (lines.Length * 12));
        var position = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!markable[i])
            {
                continue;
            }

            // Before the line's trailing blanks: a {{- on the next line trims them from the plain render, and must
            // trim them from the marked one too, or removing the marker would not give the plain render back.
            var end = NewlineOffset(i);
            while (end > lineStarts[i] && text[end - 1] is ' ' or '\t')
            {
                end--;
            }

            output.Append(text, position, end - position).Append(' ').Append(marker(i + 1));
            position = end;
        }

        output.Append(text, position, text.Length - position);
        return output.ToString();
    }

    /// <summary>Whether <see cref="WithMarkers"/> marks this 1-based line.</summary>
    public bool IsMarkable(int line) => markable[line - 1];

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && i + 1 < text.Length)
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    /// <summary>Offset of the line's end: its '\n' (or '\r' of "\r\n"), or the end of the text.</summary>
    private int NewlineOffset(int index)
    {
        var end = index + 1 < lineStarts.Length ? lineStarts[index + 1] - 1 : text.Length;
        if (end == text.Length && (text.Length == 0 || text[^1] != '\n'))
        {
            return end;
        }

        return end > lineStarts[index] && text[end - 1] == '\r' ? end - 1 : end;
    }

    private int TokenAt(int offset)
    {
        var low = 0;
        var high = tokens.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (tokens[mid].End <= offset)
            {
                low = mid + 1;
            }
            else if (tokens[mid].Start > offset)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The 1-based line an offset of the text is on.</summary>
    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private void Analyse()
    {
        var defineDepthAt = new int[tokens.Count + 1];
        var defineDepth = 0;
        var blocks = new Stack<(ActionKind Kind, Scope Scope, string? Define)>();
        var root = new Scope(null, new Dictionary<string, string>(StringComparer.Ordinal)) { Root = true };
        scopeAt = new Scope[tokens.Count + 1];
        defineAt = new string?[tokens.Count + 1];
        for (var t = 0; t < tokens.Count; t++)
        {
            var current = blocks.Count > 0 ? blocks.Peek().Scope : root;
            var define = blocks.Count > 0 ? blocks.Peek().Define : null;
            defineDepthAt[t] = defineDepth;
            scopeAt[t] = current;
            defineAt[t] = define;
            var token = tokens[t];
            if (!token.IsAction)
            {
                continue;
            }

            switch (token.Kind)
            {
                case ActionKind.Define:
                    // Inside a helper, the dot is the helper's argument: its paths are written @… (see HelperArgument).
                    blocks.Push((ActionKind.Define, new Scope(HelperArgument.Helper, new Dictionary<string, string>(StringComparer.Ordinal)) { InHelper = true }, DefineName(token.Body) ?? define));
                    defineDepth++;
                    break;
                case ActionKind.Control when StartsWithWord(token.Body, "with"):
                    blocks.Push((ActionKind.Control, current.Enter(token.Body[4..].Trim(), isRange: false), define));
                    break;
                case ActionKind.Control when StartsWithWord(token.Body, "range"):
                    blocks.Push((ActionKind.Control, current.Enter(token.Body[5..].Trim(), isRange: true), define));
                    break;
                case ActionKind.Control when StartsWithWord(token.Body, "if"):
                    blocks.Push((ActionKind.Control, current with
                    {
                        Variables = new Dictionary<string, string>(current.Variables, StringComparer.Ordinal),
                        Guard = current.PathOf(token.Body[2..].Trim()) ?? current.Guard,
                    }, define));
                    break;
                case ActionKind.End when blocks.Count > 0:
                    defineDepth -= blocks.Pop().Kind == ActionKind.Define ? 1 : 0;
                    break;
                case ActionKind.Assignment:
                    current.Assign(token.Body);
                    break;
            }
        }

        defineDepthAt[tokens.Count] = defineDepth;
        scopeAt[tokens.Count] = root;

        var plainText = new bool[lines.Length];
        var blank = new bool[lines.Length];
        var blockScalarIndent = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var start = lineStarts[i];
            var newline = NewlineOffset(i);
            var startToken = TokenAt(start);
            var logicalStart = i + 1;
            if (startToken >= 0 && tokens[startToken].IsAction && tokens[startToken].Start < start)
            {
                logicalStart = lines[LineOf(tokens[startToken].Start) - 1].LogicalStart;
            }

            var logicalOffset = lineStarts[logicalStart - 1];
            var literal = Literal(logicalOffset, newline, out var actionIndexes);
            var actions = actionIndexes.Select(a => tokens[a]).ToList();
            var endToken = newline < text.Length ? TokenAt(newline) : tokens.Count;
            var endsInAction = endToken >= 0 && endToken < tokens.Count && tokens[endToken].IsAction;
            var inDefine = defineDepthAt[Math.Clamp(endToken < 0 ? tokens.Count : endToken, 0, tokens.Count)] > 0;
            var key = KeyPattern().Match(literal) is { Success: true } m ? m.Groups["key"].Value : null;
            var hasOutput = actions.Any(a => a.Kind is ActionKind.Output or ActionKind.OutputNewline);
            var references = new Lazy<IReadOnlyList<string>>(() => actionIndexes.SelectMany(a => References(tokens[a].Body, scopeAt[a])).Distinct(StringComparer.Ordinal).ToList());
            var trimmed = literal.Trim();
            var indent = literal.Length - literal.TrimStart().Length;
            var startsWithAction = literal.TrimStart().StartsWith(Placeholder);
            var inBlockScalar = false;
            if (blockScalarIndent >= 0)
            {
                if (trimmed.Length == 0 || startsWithAction || indent > blockScalarIndent)
                {
                    inBlockScalar = true;
                }
                else
                {
                    blockScalarIndent = -1;
                }
            }

            // The pattern backtracks on long lines; a header has an indicator, which most lines do not.
            if (!inBlockScalar && !endsInAction && literal.AsSpan().IndexOfAny('|', '>') >= 0 && BlockScalarPattern().IsMatch(literal))
            {
                blockScalarIndent = indent;
            }

            lines[i] = new TemplateLine(i + 1, logicalStart, key, hasOutput, inDefine, references, indent, inBlockScalar)
            {
                IsListItem = ListItemPattern().IsMatch(literal),
                IsDocumentSeparator = literal.TrimEnd().StartsWith("---", StringComparison.Ordinal) && literal.Trim().Trim('-').Length == 0,
                HasText = trimmed.Replace(Placeholder.ToString(), string.Empty, StringComparison.Ordinal).Trim().Length > 0,
                Guard = scopeAt[Math.Clamp(startToken, 0, tokens.Count)]?.Guard,
                Define = inDefine ? defineAt[Math.Clamp(endToken < 0 ? tokens.Count : endToken, 0, tokens.Count)] ?? defineAt[Math.Clamp(startToken, 0, tokens.Count)] : null,
            };

            markable[i] = !endsInAction && !inBlockScalar && IsMarkableText(trimmed, key, actions, inDefine)
                && !TrimsTheNewline(start, newline) && NewlineSurvives(newline);
            blank[i] = trimmed.Length == 0;
            plainText[i] = !blank[i] && !startsWithAction && key is null && !lines[i].IsListItem && !lines[i].IsDocumentSeparator && !trimmed.StartsWith('#');
        }

        // A comment ends a multi-line plain or flow scalar ("description: a long\n  sentence"): a line followed by
        // a more indented line of plain text stays unmarked.
        for (var i = 0; i < lines.Length; i++)
        {
            var next = i + 1;
            while (next < lines.Length && blank[next])
            {
                next++;
            }

            if (markable[i] && next < lines.Length && plainText[next] && (lines[next].Indent > lines[i].Indent || plainText[i]))
            {
                markable[i] = false;
            }
        }
    }

    private const char Placeholder = '\u0001';

    /// <summary>The literal text between two offsets with each action replaced by one placeholder character.</summary>
    private string Literal(int from, int to, out List<int> actions)
    {
        actions = [];
        var builder = new StringBuilder();
        var t = Math.Max(0, TokenAt(from));
        for (; t < tokens.Count && tokens[t].Start < to; t++)
        {
            var token = tokens[t];
            if (token.IsAction)
            {
                actions.Add(t);
                if (token.Kind is not (ActionKind.Comment or ActionKind.Control or ActionKind.End or ActionKind.Define or ActionKind.Assignment))
                {
                    builder.Append(Placeholder);
                }
            }
            else
            {
                var start = Math.Max(from, token.Start);
                var end = Math.Min(to, token.End);
                if (end > start)
                {
                    builder.Append(text, start, end - start);
                }
            }
        }

        return builder.ToString().Replace('\n', ' ').Replace('\r', ' ');
    }

    private static bool IsMarkableText(string trimmed, string? key, List<TemplateToken> actions, bool inDefine)
    {
        var literalText = trimmed.Replace(Placeholder.ToString(), string.Empty, StringComparison.Ordinal).Trim();
        if (literalText.StartsWith('#') || literalText.StartsWith("---", StringComparison.Ordinal))
        {
            return false;
        }

        if (!inDefine)
        {
            return literalText.Length > 0 || actions.Any(a => a.Kind is ActionKind.Output or ActionKind.OutputNewline);
        }

        // A helper's output may be compared, trimmed or used as a name; only YAML structure lines are marked
        // there: an unquoted key, a list item, or a line that only prints YAML (nindent, or a toYaml pipeline).
        return (key is not null && !key.StartsWith('"') && !key.StartsWith('\''))
            || ListItemPattern().IsMatch(trimmed)
            || (literalText.Length == 0 && actions.Count > 0
                && (actions[^1].Kind == ActionKind.OutputNewline || (actions[^1].Kind == ActionKind.Output && actions[^1].Body.StartsWith("toYaml ", StringComparison.Ordinal))));
    }

    /// <summary>True when the action just before the line's end has a right trim marker, which eats the newline.</summary>
    private bool TrimsTheNewline(int lineStart, int newline)
    {
        var t = TokenAt(Math.Max(lineStart, newline - 1));
        if (t < 0)
        {
            return false;
        }

        var token = tokens[t];
        if (!token.IsAction)
        {
            // Backwards from the newline: a text token can start many lines up (a file without actions is one token).
            if (text.AsSpan(token.Start, newline - token.Start).TrimEnd().Length > 0 || t == 0)
            {
                return false;
            }

            token = tokens[t - 1];
        }

        return token.IsAction && token.TrimRight && token.End > lineStart;
    }

    /// <summary>
    /// Walks the template after a line's end (approximately: straight through <c>if</c>/<c>range</c>, whatever the
    /// condition) and tells whether a newline reaches the output before the next printed text. A marker put before a
    /// newline that a following <c>{{-</c> removes would otherwise turn the next line's text into part of the comment.
    /// </summary>
    private bool NewlineSurvives(int newline)
    {
        if (newline >= text.Length)
        {
            return true;
        }

        var t = TokenAt(newline);
        var hasNewline = false;
        var trimNext = false;
        for (var first = true; t < tokens.Count; t++, first = false)
        {
            var token = tokens[t];
            if (token.IsAction)
            {
                if (token.TrimLeft)
                {
                    hasNewline = false;
                }
                else if (hasNewline)
                {
                    return true;
                }

                switch (token.Kind)
                {
                    case ActionKind.Output:
                        return false;
                    case ActionKind.OutputNewline:
                        return true;
                }

                trimNext = token.TrimRight;
                continue;
            }

            var from = first ? newline : token.Start;
            var span = text.AsSpan(from, token.End - from);
            if (trimNext)
            {
                span = span.TrimStart();
                trimNext = false;
            }

            foreach (var c in span)
            {
                if (c == '\n')
                {
                    hasNewline = true;
                }
                else if (!char.IsWhiteSpace(c))
                {
                    return hasNewline;
                }
            }
        }

        return true;
    }

    private static bool StartsWithWord(string body, string word) =>
        body.StartsWith(word, StringComparison.Ordinal) && (body.Length == word.Length || !char.IsLetterOrDigit(body[word.Length]));

    /// <summary>Every <c>.Values</c> path an action reads, with <c>.x</c> and <c>$var.x</c> resolved against the enclosing <c>with</c>/<c>range</c>.</summary>
    private static IEnumerable<string> References(string body, Scope scope)
    {
        if (TemplateLexer.Classify(body) is ActionKind.Comment or ActionKind.End or ActionKind.Define)
        {
            yield break;
        }

        // Each pattern needs text most bodies lack: looking for it is cheaper than running the pattern.
        if (body.Contains(".Values", StringComparison.Ordinal))
        {
            var paths = ValuesReferencePattern().Matches(body).Select(m => m.Groups["path"].Value.TrimStart('.')).Where(p => p.Length > 0).ToList();

            // The mapping found first wins a tie in the values lookup: merge keeps its first argument's keys, but
            // mergeOverwrite lets each later argument overwrite them, so its last argument is the one that decides.
            if (body.Contains("ergeOverwrite", StringComparison.Ordinal))
            {
                paths.Reverse();
            }

            foreach (var path in paths)
            {
                yield return path;
            }
        }

        if (body.Contains('$', StringComparison.Ordinal) && scope.Variables.Count > 0)
        {
            foreach (Match match in VariableReferencePattern().Matches(body))
            {
                if (scope.Variables.TryGetValue(match.Groups["name"].Value, out var bound) && bound != RootVariable)
                {
                    yield return Join(bound, match.Groups["path"].Value);
                }
            }
        }

        if (scope.Dot is not { } dot)
        {
            yield break;
        }

        foreach (Match match in RelativeReferencePattern().Matches(body))
        {
            var path = match.Groups["path"].Value.TrimStart('.');
            if (path.Split('.')[0] is "Values" or "Release" or "Chart" or "Capabilities" or "Template" or "Files")
            {
                continue;
            }

            yield return Join(dot, path);
        }
    }

    private static string Join(string path, string field)
    {
        field = field.TrimStart('.');
        return field.Length == 0 ? path : $"{path}.{field}";
    }

    /// <summary>What a variable holding the root context (<c>$root := .</c> at a template's top) is bound to.</summary>
    private const string RootVariable = "$";

    /// <summary>The name in <c>define "x.pod"</c>.</summary>
    private static string? DefineName(string body) =>
        TemplateExpression.Parse(body).Commands is [{ Operands: [FunctionOperand { Name: "define" or "block" }, LiteralOperand { IsString: true } name, ..] }] ? name.Value : null;

    /// <summary>
    /// The helpers the actions of a (logical) line call with <c>include</c> or <c>template</c>, each with what its
    /// argument stands for in the line's scope (null when that is not known: a computed name's call is left out).
    /// </summary>
    public IReadOnlyList<(string Name, HelperArgument? Argument)> Includes(int line)
    {
        var calls = new List<(string, HelperArgument?)>();
        if (this[line] is not { } last)
        {
            return calls;
        }

        var from = lineStarts[last.LogicalStart - 1];
        var to = NewlineOffset(line - 1);
        for (var t = Math.Max(0, TokenAt(from)); t < tokens.Count && tokens[t].Start < to; t++)
        {
            if (!tokens[t].IsAction || !tokens[t].Body.Contains("include", StringComparison.Ordinal) && !tokens[t].Body.Contains("template", StringComparison.Ordinal))
            {
                continue;
            }

            var scope = scopeAt[t];
            foreach (var command in Commands(TemplateExpression.Parse(tokens[t].Body)))
            {
                if (command.Operands is [FunctionOperand { Name: "include" or "template" }, LiteralOperand { IsString: true } name, ..] operands)
                {
                    calls.Add((name.Value, operands.Count == 3 ? scope.ArgumentOf(operands[2]) : null));
                }
            }
        }

        return calls;
    }

    /// <summary>Every command of a pipeline, those of parenthesised pipelines included.</summary>
    private static IEnumerable<TemplateCommand> Commands(TemplatePipeline pipeline)
    {
        foreach (var command in pipeline.Commands)
        {
            yield return command;
            foreach (var nested in command.Operands.OfType<PipelineOperand>().SelectMany(p => Commands(p.Pipeline)))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The 1-based lines of the helper <paramref name="name"/> in this file (empty when it defines none).</summary>
    public IEnumerable<int> DefineLines(string name) =>
        Enumerable.Range(1, lines.Length).Where(n => lines[n - 1].Define == name);

    /// <summary>What <c>.</c> and the template variables stand for, as <c>.Values</c> paths (null: not a values path).</summary>
    private sealed record Scope(string? Dot, Dictionary<string, string> Variables)
    {
        /// <summary>The dot is the root context: a template's top, outside any helper, <c>with</c> or <c>range</c>.</summary>
        public bool Root { get; init; }

        /// <summary>The scope is inside a helper, where <c>$</c> is the helper's argument.</summary>
        public bool InHelper { get; init; }

        /// <summary>What an operand of an <c>include</c> passes (<c>.</c>, <c>$</c>, <c>.Values.x</c>, <c>$var</c>, <c>(dict …)</c>, <c>(list …)</c>), or null.</summary>
        public HelperArgument? ArgumentOf(TemplateOperand operand)
        {
            switch (operand)
            {
                case FieldOperand { Text: "." }:
                    return Root ? new HelperArgument.Root() : Argument(Dot);
                case VariableOperand { Name.Length: 0, Text: "$" }:
                    return InHelper ? Argument(HelperArgument.Helper) : new HelperArgument.Root();
                case VariableOperand variable when variable.Text == "$" + variable.Name && Variables.GetValueOrDefault(variable.Name) == RootVariable:
                    return new HelperArgument.Root();
                case FieldOperand or VariableOperand:
                    return Argument(PathOf(operand is FieldOperand f ? f.Text : ((VariableOperand)operand).Text));
                case PipelineOperand { Pipeline.Commands: [{ Operands: [FunctionOperand { Name: "dict" }, ..] pairs }] }:
                    var entries = new Dictionary<string, HelperArgument>(StringComparer.Ordinal);
                    for (var i = 1; i + 1 < pairs.Count; i += 2)
                    {
                        if (pairs[i] is LiteralOperand { IsString: true } key && ArgumentOf(pairs[i + 1]) is { } value)
                        {
                            entries[key.Value] = value;
                        }
                    }

                    return new HelperArgument.Dict(entries);
                case PipelineOperand { Pipeline.Commands: [{ Operands: [FunctionOperand { Name: "list" }, ..] items }] }:
                    return new HelperArgument.List([.. items.Skip(1).Select(ArgumentOf)]);
                case PipelineOperand { Pipeline.Commands: [{ Operands: [var single] }] }:
                    return ArgumentOf(single);
                default:
                    return null;
            }
        }

        private static HelperArgument? Argument(string? path) => path switch
        {
            null => null,
            _ when HelperArgument.IsHelperReference(path) => new HelperArgument.Symbolic(path),
            _ => new HelperArgument.ValuesArgument(path),
        };

        /// <summary>The values path that decided the innermost block: a <c>with</c>'s dot, or what a plain <c>if .Values.x</c> tests.</summary>
        public string? Guard { get; init; }

        /// <summary>The scope inside <c>with EXPR</c> or <c>range [$k,] [$v :=] EXPR</c>.</summary>
        public Scope Enter(string clause, bool isRange)
        {
            var variables = new Dictionary<string, string>(Variables, StringComparer.Ordinal);
            var names = new List<string>();
            var assignment = clause.IndexOf(":=", StringComparison.Ordinal);
            if (assignment >= 0)
            {
                names.AddRange(clause[..assignment].Split(',').Select(n => n.Trim().TrimStart('$')).Where(n => n.Length > 0));
                clause = clause[(assignment + 2)..].Trim();
            }

            var path = PathOf(clause);
            var item = path is null ? null : isRange ? $"{path}[]" : path;
            if (item is not null && names.Count > 0)
            {
                variables[names[^1]] = item;
            }

            return new Scope(item, variables) { Guard = item ?? Guard, InHelper = InHelper };
        }

        /// <summary>Records <c>$x := EXPR</c> when EXPR is a values path.</summary>
        public void Assign(string body)
        {
            var at = body.IndexOf('=', StringComparison.Ordinal);
            var name = body[..at].TrimEnd(':', ' ').TrimStart('$');
            var value = body[(at + 1)..].Trim();
            if (Root && value is "." or "$")
            {
                Variables[name] = RootVariable;
            }
            else if (PathOf(value) is { } path)
            {
                Variables[name] = path;
            }
            else
            {
                Variables.Remove(name);
            }
        }

        /// <summary>The values path an expression names (<c>.Values.a.b</c>, <c>$.Values.a</c>, <c>.b</c> under a values dot, <c>$v.b</c>), or null.</summary>
        public string? PathOf(string expression)
        {
            var pipeline = expression.Split('|')[0].Trim();
            if (pipeline.StartsWith('(') && pipeline.EndsWith(')'))
            {
                pipeline = pipeline[1..^1].Trim();
            }

            // `index . 1` and `index .list 0` (a list argument's items, see HelperArgument.List).
            if (IndexPattern().Match(pipeline) is { Success: true } index && PathOf(index.Groups["of"].Value) is { } list)
            {
                return $"{list}[{index.Groups["at"].Value}]";
            }

            if (ValuesReferencePattern().Match(pipeline) is { Success: true } absolute && absolute.Index == 0 && absolute.Length == pipeline.Length)
            {
                return absolute.Groups["path"].Value.TrimStart('.');
            }

            if (VariableReferencePattern().Match(pipeline) is { Success: true } variable && variable.Index == 0 && variable.Length == pipeline.Length
                && Variables.TryGetValue(variable.Groups["name"].Value, out var bound) && bound != RootVariable)
            {
                return Join(bound, variable.Groups["path"].Value);
            }

            if (Dot is not null && RelativeReferencePattern().Match(pipeline) is { Success: true } relative && relative.Index == 0 && relative.Length == pipeline.Length)
            {
                return Join(Dot, relative.Groups["path"].Value);
            }

            return null;
        }
    }

    [GeneratedRegex(@"\$(?<name>[A-Za-z_]\w*)(?<path>(?:\.[A-Za-z_][\w-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex VariableReferencePattern();

    [GeneratedRegex(@"^index\s+(?<of>\$?[\w.]*)\s+(?<at>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPattern();

    [GeneratedRegex(@"(?:\$|\$[A-Za-z_]\w*|(?<![\w)\]]))\.Values(?<path>(?:\.[A-Za-z_][\w-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex ValuesReferencePattern();

    /// <summary>A field of the dot (<c>.resources</c>, or the dot itself) that is not preceded by a name, <c>$</c> or a closing bracket.</summary>
    [GeneratedRegex(@"(?<=^|[\s(,])(?<path>\.(?:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)?)(?=$|[\s)|,])", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeReferencePattern();

    [GeneratedRegex("^\\s*(?:-\\s+)*(?<key>\"[^\"]*\"|'[^']*'|[^\\s#'\"\\-{}\\[\\],:][^:#]*?|\u0001)\\s*:(?:\\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^\s*-(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(@"^\s*(?:-\s+)?(?:[^#]*?:\s+|-\s+)?[|>][-+1-9]{0,2}\s*(?:#.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockScalarPattern();
}
