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
    public static Command Create(CliEnvironment environment)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (aligned columns) or markdown (the table in README.md).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "markdown");
        var command = new Command("rules", "List every rule: ID, default severity, title.") { format };
        command.SetAction(parseResult =>
        {
            environment.Out.Write(parseResult.GetValue(format) == "markdown" ? MarkdownTable(RuleCatalog.Default) : TextList(RuleCatalog.Default));
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
