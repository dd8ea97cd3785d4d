using System.CommandLine;
using System.CommandLine.Parsing;

namespace ManifestLint.Cli.Commands;

/// <summary>What <c>--fail-on</c> counts: every finding, or only those not in the baseline.</summary>
public enum FailOn
{
    All,
    New,
}

/// <summary>
/// The <c>lint</c> options for configuration, suppressions, baselines and fixes, parsed into an immutable record
/// that <see cref="LintSession"/> acts on. The option objects are made per command tree (<see cref="Create"/>).
/// </summary>
public sealed record LintConfigurationOptions
{
    public static LintConfigurationOptions Default { get; } = new();

    /// <summary><c>--config</c>, which <c>config</c> takes too.</summary>
    public static Option<string?> CreateConfigOption() => new("--config")
    {
        Description = "Use this configuration file for every linted file, instead of the nearest .manifestlint.yaml above each one.",
    };

    /// <summary>Every option, new, to add to a command.</summary>
    public static IReadOnlyList<Option> Create()
    {
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Which findings decide the exit code: new (only those not in the baseline; the default with --baseline; needs --baseline) or all.",
        };
        failOn.AcceptOnlyFromAmong("new", "all");
        return
        [
            CreateConfigOption(),
            new Option<bool>("--show-suppressed") { Description = "Text output: also list findings suppressed in source, marked [suppressed]. They never count toward the exit code." },
            new Option<bool>("--include-suppressed") { Description = "SARIF output: also write suppressed findings, with suppressions: [{kind: inSource, justification}] (every result then has a suppressions array). Off by default: GitHub code scanning ignores suppressions and would open alerts for them." },
            new Option<string?>("--baseline") { Description = "A previous SARIF log (manifestlint baseline write FILE): findings in it are baselineState unchanged, others new (marked [new] in text); baseline findings gone are written as absent." },
            failOn,
            new Option<bool>("--fix") { Description = "Apply the safe fixes of the findings to the manifest files in place (never to standard input or Helm templates), then report what is left." },
            new Option<bool>("--dry-run") { Description = "With --fix: print the changes as a unified diff instead of writing them, and list on standard error the findings that would remain." },
        ];
    }

    /// <summary>Combinations of these options that cannot work, as parse errors (exit 2 before anything is read).</summary>
    public static IEnumerable<string> Errors(CommandResult command, IEnumerable<string> paths)
    {
        bool Given(string name) => command.Children.OfType<OptionResult>().Any(o => o.Option.Name == name && !o.Implicit);
        var failOn = command.Children.OfType<OptionResult>().FirstOrDefault(o => o.Option.Name == "--fail-on")?.Tokens is [.., var last] ? last.Value : null;
        if (failOn == "new" && !Given("--baseline"))
        {
            yield return "--fail-on new needs --baseline FILE: new means not in the baseline (record one with `manifestlint baseline write FILE <paths>`).";
        }

        if (Given("--fix") && paths.Contains("-"))
        {
            yield return "--fix edits files in place, and standard input (-) is not a file: give the files to fix, or lint standard input without --fix.";
        }
    }

    public string? ConfigPath { get; init; }

    public bool ShowSuppressed { get; init; }

    public bool IncludeSuppressed { get; init; }

    public string? BaselinePath { get; init; }

    /// <summary>As given; null for the default (<see cref="FailOn.New"/> with a baseline, else <see cref="FailOn.All"/>).</summary>
    public FailOn? FailOn { get; init; }

    public bool Fix { get; init; }

    public bool DryRun { get; init; }

    public static LintConfigurationOptions From(ParseResult parseResult) => new()
    {
        ConfigPath = parseResult.GetValue<string?>("--config"),
        ShowSuppressed = parseResult.GetValue<bool>("--show-suppressed"),
        IncludeSuppressed = parseResult.GetValue<bool>("--include-suppressed"),
        BaselinePath = parseResult.GetValue<string?>("--baseline"),
        FailOn = parseResult.GetValue<string?>("--fail-on") switch
        {
            "new" => Commands.FailOn.New,
            "all" => Commands.FailOn.All,
            _ => null,
        },
        Fix = parseResult.GetValue<bool>("--fix"),
        DryRun = parseResult.GetValue<bool>("--dry-run"),
    };
}
