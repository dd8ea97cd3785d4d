using System.CommandLine;
using ManifestLint.Engine.Catalog;

namespace ManifestLint.Cli.Commands;

/// <summary><c>manifestlint explain ML1001</c>: prints the rule's page.</summary>
public static class ExplainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string>("rule-id") { Description = "A rule ID, e.g. ML1001." };
        var command = new Command("explain", "Print a rule's documentation page.") { id };
        command.SetAction(parseResult =>
        {
            var requested = parseResult.GetRequiredValue(id).Trim().ToUpperInvariant();
            if (!RuleCatalog.Default.TryGet(requested, out var descriptor))
            {
                environment.Error.WriteLine($"manifestlint: no rule '{requested}'. Run 'manifestlint rules' for the list.");
                return ExitCodes.ToolFailure;
            }

            environment.Out.Write(descriptor.Page);
            environment.Out.WriteLine($"{Environment.NewLine}Help: {descriptor.HelpUri}");
            return ExitCodes.Success;
        });
        return command;
    }
}
