using System.CommandLine;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// <c>manifestlint baseline write FILE &lt;paths&gt;... [lint options]</c>: records the current findings as a SARIF log
/// for <c>lint --baseline FILE</c>. It is <c>lint --format sarif --output FILE --fail-level none</c>, so it takes the
/// same paths and options (configuration, Helm) and exits 0 whatever it finds.
/// </summary>
public static class BaselineCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("file")
        {
            Description = "The SARIF file to write (atomically).",
        };
        var write = new Command("write", "Record the current findings as a baseline: the paths and options of lint follow FILE.")
        {
            file,
        };
        write.TreatUnmatchedTokensAsErrors = false;
        write.SetAction(async (parseResult, cancellation) =>
        {
            var lint = parseResult.UnmatchedTokens.ToList();
            var reserved = lint.FirstOrDefault(t => t is "--format" or "-f" or "--output" or "-o" or "--fail-level" or "--baseline" or "--fix");
            if (reserved is not null)
            {
                environment.Error.WriteLine($"manifestlint: baseline write sets {reserved} itself; give only the paths and the other lint options.");
                return ExitCodes.ToolFailure;
            }

            var target = parseResult.GetRequiredValue(file);
            return await CliApplication.RunAsync(["lint", .. lint, "--format", "sarif", "--output", target, "--fail-level", "none"], environment with { HandleTermination = false }, cancellation).ConfigureAwait(false);
        });

        return new Command("baseline", "Record findings to compare later runs against (lint --baseline FILE).") { write };
    }
}
