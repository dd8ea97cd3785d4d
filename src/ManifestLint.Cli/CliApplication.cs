using System.CommandLine;
using System.CommandLine.Invocation;
using ManifestLint.Cli.Commands;

namespace ManifestLint.Cli;

/// <summary>The root command. Parse errors are exit 2 (System.CommandLine's own default would be 1, our "findings").</summary>
public static class CliApplication
{
    public static RootCommand CreateRootCommand(CliEnvironment environment) =>
        HelpExamples.AddTo(new("ManifestLint: finds Kubernetes memory mistakes (OOMKilled, evictions) in manifests before they reach a cluster.")
        {
            LintCommand.Create(environment),
            RulesCommand.Create(environment),
            ExplainCommand.Create(environment),
            ConfigCommand.Create(environment),
            InitCommand.Create(environment),
            BaselineCommand.Create(environment),
        });

    public static int Run(string[] args, CliEnvironment environment)
    {
        ParseResult parseResult;
        try
        {
            parseResult = CreateRootCommand(environment).Parse(args);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // A validator that reads a value the parser could not convert throws instead of reporting: still a usage error.
            environment.Error.WriteLine($"manifestlint: {e.Message}");
            environment.Error.WriteLine("Run 'manifestlint --help' for usage.");
            return ExitCodes.ToolFailure;
        }

        // --help and the [suggest] directive (shell completion through dotnet-suggest) run even on an incomplete command line.
        if (parseResult.Errors.Count > 0 && parseResult.Action is null or ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                environment.Error.WriteLine($"manifestlint: {error.Message}");
            }

            environment.Error.WriteLine("Run 'manifestlint --help' for usage.");
            return ExitCodes.ToolFailure;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            environment.Error.WriteLine($"manifestlint: internal error: {e}");
            return ExitCodes.ToolFailure;
        }
    }
}
