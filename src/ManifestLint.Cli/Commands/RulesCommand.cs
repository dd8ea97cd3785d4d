using System.CommandLine;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Commands;

/// <summary><c>manifestlint rules</c>: every rule with its ID, default severity and title.</summary>
public static class RulesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("rules", "List every rule: ID, default severity, title.");
        command.SetAction(_ =>
        {
            var descriptors = RuleCatalog.Default.Descriptors;
            var width = descriptors.Max(d => d.DefaultSeverity.ToName().Length);
            foreach (var d in descriptors)
            {
                environment.Out.WriteLine($"{d.Id}  {d.DefaultSeverity.ToName().PadRight(width)}  {d.Title}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
