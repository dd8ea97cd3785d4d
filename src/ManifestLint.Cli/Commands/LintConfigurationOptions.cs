using System.CommandLine;

namespace ManifestLint.Cli.Commands;

/// <summary>What <c>--fail-on</c> counts: every finding, or only those not in the baseline.</summary>
public enum FailOn
{
    All,
    New,
}

/// <summary>
/// The <c>lint</c> options for configuration, suppressions, baselines and fixes, parsed into an immutable record
/// that <see cref="LintSession"/> acts on.
/// </summary>
public sealed record LintConfigurationOptions
{
    public static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "Use this configuration file for every linted file, instead of the nearest .manifestlint.yaml above each one.",
    };

    public static readonly Option<bool> ShowSuppressedOption = new("--show-suppressed")
    {
        Description = "Text output: also list findings suppressed in source, marked [suppressed]. They never count toward the exit code.",
    };

    public static readonly Option<bool> IncludeSuppressedOption = new("--include-suppressed")
    {
        Description = "SARIF output: also write suppressed findings, with suppressions: [{kind: inSource, justification}] (every result then has a suppressions array). Off by default: GitHub code scanning ignores suppressions and would open alerts for them.",
    };

    public static readonly Option<string?> BaselineOption = new("--baseline")
    {
        Description = "A previous SARIF log (manifestlint baseline write FILE): findings in it are baselineState unchanged, others new; baseline findings gone are written as absent.",
    };

    public static readonly Option<string?> FailOnOption = new("--fail-on")
    {
        Description = "Which findings decide the exit code: new (only those not in the baseline; the default with --baseline) or all.",
    };

    public static readonly Option<bool> FixOption = new("--fix")
    {
        Description = "Apply the safe fixes of the findings to the manifest files in place (never to Helm templates), then report what is left.",
    };

    public static readonly Option<bool> DryRunOption = new("--dry-run")
    {
        Description = "With --fix: print the changes as a unified diff instead of writing them.",
    };

    static LintConfigurationOptions()
    {
        FailOnOption.AcceptOnlyFromAmong("new", "all");
    }

    public static LintConfigurationOptions Default { get; } = new();

    /// <summary>Every option, to add to a command.</summary>
    public static IReadOnlyList<Option> All { get; } = [ConfigOption, ShowSuppressedOption, IncludeSuppressedOption, BaselineOption, FailOnOption, FixOption, DryRunOption];

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
        ConfigPath = parseResult.GetValue(ConfigOption),
        ShowSuppressed = parseResult.GetValue(ShowSuppressedOption),
        IncludeSuppressed = parseResult.GetValue(IncludeSuppressedOption),
        BaselinePath = parseResult.GetValue(BaselineOption),
        FailOn = parseResult.GetValue(FailOnOption) switch
        {
            "new" => Commands.FailOn.New,
            "all" => Commands.FailOn.All,
            _ => null,
        },
        Fix = parseResult.GetValue(FixOption),
        DryRun = parseResult.GetValue(DryRunOption),
    };
}
