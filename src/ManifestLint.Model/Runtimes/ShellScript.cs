using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes;

/// <summary>A simple command of a script, expanded, with the variables exported to it.</summary>
internal sealed record ShellCommand(IReadOnlyList<CommandWord> Words, IReadOnlyList<EnvValue> Exports);

/// <summary>
/// Reads a <c>sh -c</c> script as far as a linter can: it splits it into simple commands at <c>; &amp;&amp; || | &amp;</c>
/// and newlines, drops redirections and leading reserved words (<c>if then do</c> ...), tracks assignments and
/// <c>export</c>, and expands <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-x}</c> and <c>$@</c> with POSIX field splitting of
/// unquoted expansions. A variable neither in the environment nor assigned is empty, as in the shell (the image's
/// own ENV is not visible here); one whose value comes from a Secret or ConfigMap makes the word unknown.
/// </summary>
internal static partial class ShellScript
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal) { "if", "then", "else", "elif", "do", "while", "until", "{", "!" };

    public static IReadOnlyList<ShellCommand> Commands(string script, YamlNode at, ProcessEnvironment env, IReadOnlyList<CommandWord> positional, out bool complete)
    {
        var lexer = new ShellLexer(script, script: true);
        var vars = env.All.ToDictionary(v => v.Name, v => (Value: v, Exported: true), StringComparer.Ordinal);
        var commands = new List<ShellCommand>();
        var tokens = new List<ShellToken>();
        ShellToken? token;
        do
        {
            token = lexer.Next();
            if (token is { IsRedirection: true })
            {
                lexer.Next();
            }
            else if (token is { IsOperator: false })
            {
                tokens.Add(token);
            }
            else if (tokens.Count > 0)
            {
                Run(tokens, vars, at, positional, commands);
                tokens.Clear();
            }
        }
        while (token is not null);

        complete = lexer.IsComplete;
        return commands;
    }

    private static void Run(List<ShellToken> tokens, Dictionary<string, (EnvValue Value, bool Exported)> vars, YamlNode at, IReadOnlyList<CommandWord> positional, List<ShellCommand> commands)
    {
        var words = tokens.SkipWhile(t => t.Parts is [{ Kind: ShellPartKind.Literal, Quoted: false } p] && ReservedWords.Contains(p.Text)).ToList();
        var isExport = words is [{ Parts: [{ Kind: ShellPartKind.Literal, Quoted: false, Text: "export" }] }, ..];
        var assignments = new List<EnvValue>();
        var i = isExport ? 1 : 0;
        for (; i < words.Count && Assignment(words[i]) is { } name; i++)
        {
            var value = Join(Expand(words[i], vars, at, positional, fieldSplit: false), name.Length + 1, at);
            assignments.Add(value with { Name = name });
        }

        if (i < words.Count && !isExport)
        {
            var expanded = words.Skip(i).SelectMany(w => Expand(w, vars, at, positional)).ToList();
            var exports = vars.Where(v => v.Value.Exported && v.Value.Value.Source is null).Select(v => v.Value.Value).Concat(assignments).ToList();
            commands.Add(new ShellCommand(expanded, exports));
            return;
        }

        foreach (var assignment in assignments)
        {
            vars[assignment.Name] = (assignment, isExport || (vars.TryGetValue(assignment.Name, out var old) && old.Exported));
        }

        foreach (var word in words.Skip(i).Select(w => w.Literal()).Where(w => vars.ContainsKey(w)))
        {
            vars[word] = vars[word] with { Exported = true };
        }
    }

    /// <summary>The name of a <c>NAME=value</c> word, else null.</summary>
    private static string? Assignment(ShellToken word) =>
        word.Parts is [{ Kind: ShellPartKind.Literal, Quoted: false } first, ..] && AssignmentPattern().Match(first.Text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>An assignment's value: the word's expansion minus <c>NAME=</c>, not field-split.</summary>
    private static EnvValue Join(IReadOnlyList<CommandWord> fields, int prefix, YamlNode at)
    {
        var text = string.Join(' ', fields.Select(f => f.Text));
        var known = fields.All(f => f.IsKnown);
        return new EnvValue(string.Empty, known ? text[Math.Min(prefix, text.Length)..] : null, at, null);
    }

    private static List<CommandWord> Expand(ShellToken word, Dictionary<string, (EnvValue Value, bool Exported)> vars, YamlNode at, IReadOnlyList<CommandWord> positional, bool fieldSplit = true)
    {
        var fields = new List<CommandWord>();
        var text = new StringBuilder();
        var started = false;
        var known = true;
        string? variable = null;
        YamlNode? node = null;

        void End()
        {
            if (started)
            {
                fields.Add(new CommandWord(text.ToString(), node ?? at, variable, known));
            }

            (started, known, variable, node) = (false, true, null, null);
            text.Clear();
        }

        void Start(YamlNode? origin)
        {
            if (!started)
            {
                (started, node) = (true, origin ?? at);
            }
        }

        // "split": an unquoted expansion, whose blanks separate words (field splitting with the default IFS).
        void Append(string value, bool split, string? from, YamlNode? origin, bool valueKnown)
        {
            foreach (var c in value)
            {
                if (split && fieldSplit && c is ' ' or '\t' or '\n')
                {
                    End();
                    continue;
                }

                Start(origin);
                text.Append(c);
                variable ??= from;
                known &= valueKnown;
            }
        }

        foreach (var part in word.Parts)
        {
            switch (part.Kind)
            {
                case ShellPartKind.Literal:
                    Append(part.Text, split: false, from: null, origin: null, valueKnown: true);
                    break;
                case ShellPartKind.Parameter:
                    var value = vars.TryGetValue(part.Text, out var v) ? v.Value : null;
                    var expansion = value?.Value;
                    if (value is null || (part.DefaultIfEmpty && expansion is { Length: 0 }))
                    {
                        expansion = part.Default ?? string.Empty;
                    }

                    Append(expansion ?? $"${part.Text}", split: !part.Quoted, part.Text, value?.Source is null ? null : value.WrittenAt, valueKnown: expansion is not null);
                    break;
                case ShellPartKind.Positional:
                    AppendPositional(part, positional, Append, End);
                    break;
                default:
                    Append(part.Text, split: false, from: null, origin: null, valueKnown: false);
                    break;
            }

            if (part.Quoted && part.Kind != ShellPartKind.Positional)
            {
                Start(null);
            }
        }

        End();
        return fields;
    }

    private static void AppendPositional(ShellPart part, IReadOnlyList<CommandWord> positional, Action<string, bool, string?, YamlNode?, bool> append, Action end)
    {
        if (part.Text is "@" && part.Quoted)
        {
            // "$@": every argument after $0 stays one word.
            for (var i = 1; i < positional.Count; i++)
            {
                if (i > 1)
                {
                    end();
                }

                append(positional[i].Text, false, null, positional[i].WrittenAt, positional[i].IsKnown);
            }

            return;
        }

        var args = part.Text is "@" or "*" ? positional.Skip(1).ToList()
            : int.Parse(part.Text, System.Globalization.CultureInfo.InvariantCulture) is var n && n < positional.Count ? [positional[n]] : [];
        append(string.Join(' ', args.Select(a => a.Text)), !part.Quoted, null, args.Count == 1 ? args[0].WrittenAt : null, args.All(a => a.IsKnown));
    }

    [GeneratedRegex("^([A-Za-z_][A-Za-z0-9_]*)=", RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentPattern();
}
