using System.CommandLine;
using System.CommandLine.Parsing;

namespace ManifestLint.Cli;

/// <summary>
/// Options nobody defines. System.CommandLine takes <c>--fail-levl</c> for a path when the command has a path argument
/// (and the <c>error</c> after it too), so <c>lint</c> would say "path not found"; this finds such tokens among the
/// command's arguments and unmatched tokens and names the closest real option. <c>--</c> ends options, as usual: a file
/// named <c>-x</c> is <c>lint -- -x</c> (or <c>./-x</c>); <c>-</c> alone is standard input.
/// </summary>
internal static class UnknownOptions
{
    public sealed record Unknown(string Token, string Message);

    public static IReadOnlyList<Unknown> Find(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (!command.TreatUnmatchedTokensAsErrors)
        {
            return []; // it passes them on (baseline write hands them to lint, which checks them)
        }

        var doubleDash = parseResult.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var arguments = parseResult.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
            .Where(t => doubleDash < 0 || IndexOf(parseResult.Tokens, t) < doubleDash)
            .Select(t => t.Value);
        var names = OptionNames(command);
        return [.. arguments.Concat(parseResult.UnmatchedTokens)
            .Where(t => t.Length > 1 && t[0] == '-' && !names.Contains(t))
            .Distinct(StringComparer.Ordinal)
            .Select(t => new Unknown(t, Suggest(t, names) is { } near ? $"unrecognized option '{t}'; did you mean '{near}'?" : $"unrecognized option '{t}'."))];
    }

    /// <summary>The closest name within a few edits (a typo, a missing or doubled letter), or null.</summary>
    public static string? Suggest(string token, IReadOnlyCollection<string> names)
    {
        var option = token.Split('=', 2)[0];
        var best = names
            .Select(n => (Name: n, Distance: Distance(option, n)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, option.Length / 4) ? best.Name : null;
    }

    private static HashSet<string> OptionNames(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in command.Options)
        {
            names.Add(option.Name);
            names.UnionWith(option.Aliases);
        }

        // Recursive options of the ancestors (--help is on every command).
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in parent.Options.Where(o => o.Recursive))
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }
        }

        return names;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus swapping two neighbours), written out: no library here has it.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
