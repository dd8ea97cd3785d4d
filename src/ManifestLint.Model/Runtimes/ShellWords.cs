namespace ManifestLint.Model.Runtimes;

/// <summary>The words of a text and whether every quote in it was closed.</summary>
public sealed record ShellSplit(IReadOnlyList<string> Words, bool IsComplete);

/// <summary>
/// POSIX shell word splitting without expansions: whitespace separates words; single quotes keep everything
/// literally; inside double quotes a backslash escapes only <c>$ ` " \</c> and newline; outside quotes a backslash
/// keeps the next character and backslash-newline disappears. With an unterminated quote the shell refuses the
/// line; here the last word runs to the end of the text and <see cref="ShellSplit.IsComplete"/> is false.
/// </summary>
public static class ShellWords
{
    public static ShellSplit Split(string text)
    {
        var lexer = new ShellLexer(text, script: false);
        var words = new List<string>();
        while (lexer.Next() is { } token)
        {
            words.Add(token.Literal());
        }

        return new ShellSplit(words, lexer.IsComplete);
    }
}
