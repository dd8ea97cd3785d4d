using System.CommandLine;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Commands;

/// <summary><c>manifestlint lint &lt;paths&gt;...</c>: parses the command line into <see cref="LintOptions"/> and runs <see cref="LintRunner"/>.</summary>
public static class LintCommand
{
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files or directories to lint (directories recursively: *.yaml, *.yml, *.json), or - for standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Output format: text (compiler-style lines) or sarif (SARIF 2.1.0 for GitHub code scanning).",
        DefaultValueFactory = _ => "text",
    };

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Write the report to this file (atomically: a temporary file renamed into place) instead of standard output.",
    };

    public static readonly Option<string> FailLevel = new("--fail-level")
    {
        Description = "Exit 1 when a finding is at or above this severity: error, warning, note or none.",
        DefaultValueFactory = _ => "warning",
    };

    public static readonly Option<string?> Namespace = new("--namespace", "-n")
    {
        Description = "Namespace of objects that do not set metadata.namespace (default: \"default\").",
    };

    static LintCommand()
    {
        Format.AcceptOnlyFromAmong("text", "sarif");
        FailLevel.AcceptOnlyFromAmong("error", "warning", "note", "none");
    }

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("lint", "Lint Kubernetes manifests for memory mistakes.") { Paths, Format, Output, FailLevel, Namespace };
        command.SetAction(parseResult => LintRunner.Run(ToOptions(parseResult), environment));
        return command;
    }

    public static LintOptions ToOptions(ParseResult parseResult)
    {
        // AcceptOnlyFromAmong has already rejected anything TryParse would not take.
        var failLevel = SeverityNames.TryParse(parseResult.GetValue(FailLevel), out var level) ? level : Severity.Warning;
        return new LintOptions(
            parseResult.GetValue(Paths) ?? [],
            parseResult.GetValue(Format) == "sarif" ? OutputFormat.Sarif : OutputFormat.Text,
            parseResult.GetValue(Output),
            failLevel,
            parseResult.GetValue(Namespace));
    }
}
