namespace ManifestLint.Model.Runtimes;

/// <summary>What a piece of a shell word is: literal text, a parameter to expand, or something not knowable statically.</summary>
internal enum ShellPartKind
{
    Literal,
    Parameter,

    /// <summary><c>$0</c>..<c>$9</c>, <c>$@</c>, <c>$*</c>: the words after the script of <c>sh -c script ...</c>.</summary>
    Positional,

    /// <summary>Command substitution, arithmetic, special parameters ($1, $@) and parameter operators we do not evaluate.</summary>
    Opaque,
}

/// <param name="Text">The literal text, the parameter name, or the source text of an opaque part.</param>
/// <param name="Quoted">Inside quotes: no field splitting of the expansion.</param>
/// <param name="Default">For <c>${NAME:-word}</c> / <c>${NAME-word}</c>: the word, and whether an empty value also takes it.</param>
internal sealed record ShellPart(ShellPartKind Kind, string Text, bool Quoted, string? Default = null, bool DefaultIfEmpty = false);

/// <summary>A token: a word made of parts, or an unquoted control or redirection operator.</summary>
internal sealed record ShellToken(IReadOnlyList<ShellPart> Parts, string? Operator)
{
    public bool IsOperator => Operator is not null;

    public bool IsRedirection => Operator is ['<' or '>', ..];

    /// <summary>The word's text with no expansion at all: what plain word splitting yields.</summary>
    public string Literal() => string.Concat(Parts.Select(p => p.Text));
}
