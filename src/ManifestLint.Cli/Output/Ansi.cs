using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Output;

/// <summary>
/// ANSI colours for text output on a terminal. <see cref="Plain"/> writes no escape codes at all: pipes, files,
/// <c>NO_COLOR</c> and <c>--no-color</c> get the same bytes as before colour existed.
/// </summary>
public sealed class Ansi
{
    private readonly bool enabled;

    private Ansi(bool enabled) => this.enabled = enabled;

    public static Ansi Plain { get; } = new(false);

    public static Ansi Colored { get; } = new(true);

    /// <summary>
    /// Colour only for standard output on a terminal, unless <c>--no-color</c>, or <c>NO_COLOR</c> set to anything
    /// but the empty string (no-color.org), or <c>TERM=dumb</c>.
    /// </summary>
    public static Ansi For(CliEnvironment environment, bool noColor) =>
        environment.OutIsTerminal && !noColor && string.IsNullOrEmpty(environment.GetEnvironmentVariable("NO_COLOR")) && environment.GetEnvironmentVariable("TERM") != "dumb"
            ? Colored
            : Plain;

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Gutter(string text) => Wrap("1;34", text);

    /// <summary>The severity's colour: errors red, warnings yellow, notes cyan.</summary>
    public string Severity(Severity severity, string text, bool bold = true) =>
        Wrap((bold ? "1;" : string.Empty) + severity switch
        {
            Engine.Diagnostics.Severity.Error => "31",
            Engine.Diagnostics.Severity.Warning => "33",
            _ => "36",
        }, text);

    private string Wrap(string code, string text) => enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
