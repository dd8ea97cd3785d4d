using System.CommandLine;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// <c>manifestlint rules [--format text|markdown]</c>: every rule with its ID, default severity and title. The
/// markdown table is what README.md holds between its rules markers; a test keeps the two equal.
/// </summary>
public static class RulesCommand
{
    public static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "text (aligned columns) or markdown (the table in README.md).",
        DefaultValueFactory = _ => "text",
    };

    static RulesCommand() => Format.AcceptOnlyFromAmong("text", "markdown");

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("rules", "List every rule: ID, default severity, title.") { Format };
        command.SetAction(parseResult =>
        {
            environment.Out.Write(parseResult.GetValue(Format) == "markdown" ? MarkdownTable(RuleCatalog.Default) : TextList(RuleCatalog.Default));
            return ExitCodes.Success;
        });
        return command;
    }

    public static string TextList(RuleCatalog catalog)
    {
        var width = catalog.Descriptors.Max(d => d.DefaultSeverity.ToName().Length);
        return string.Concat(catalog.Descriptors.Select(d => $"{d.Id}  {d.DefaultSeverity.ToName().PadRight(width)}  {d.Title}\n"));
    }

    public static string MarkdownTable(RuleCatalog catalog) =>
        "| ID | Category | Default | Title |\n|---|---|---|---|\n"
        + string.Concat(catalog.Descriptors.Select(d => $"| [{d.Id}](rules/{d.Id}.md) | {d.Category} | {d.DefaultSeverity.ToName()} | {d.Title} |\n"));
}
