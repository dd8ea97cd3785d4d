using System.CommandLine;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// <c>manifestlint baseline write FILE &lt;paths&gt;... [lint options]</c>: records the current findings as a SARIF log
/// for <c>lint --baseline FILE</c>. It is <c>lint --format sarif --output FILE --fail-level none</c>, so it takes the
/// same paths and options (configuration, Helm) and exits 0 whatever it finds.
/// </summary>
public static class BaselineCommand
{
    public static readonly Argument<string> File = new("file")
    {
        Description = "The SARIF file to write (atomically).",
    };

    public static Command Create(CliEnvironment environment)
    {
        var write = new Command("write", "Record the current findings as a baseline: the paths and options of lint follow FILE.")
        {
            File,
        };
        write.TreatUnmatchedTokensAsErrors = false;
        write.SetAction(parseResult =>
        {
            var lint = parseResult.UnmatchedTokens.ToList();
            var reserved = lint.FirstOrDefault(t => t is "--format" or "-f" or "--output" or "-o" or "--fail-level" or "--baseline" or "--fix");
            if (reserved is not null)
            {
                environment.Error.WriteLine($"manifestlint: baseline write sets {reserved} itself; give only the paths and the other lint options.");
                return ExitCodes.ToolFailure;
            }

            var file = parseResult.GetRequiredValue(File);
            return CliApplication.Run(["lint", .. lint, "--format", "sarif", "--output", file, "--fail-level", "none"], environment);
        });

        return new Command("baseline", "Record findings to compare later runs against (lint --baseline FILE).") { write };
    }
}
