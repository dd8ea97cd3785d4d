using System.CommandLine;
using System.CommandLine.Parsing;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Commands;

/// <summary><c>manifestlint lint &lt;paths&gt;...</c>: parses the command line into <see cref="LintOptions"/> and runs <see cref="LintRunner"/>.</summary>
public static class LintCommand
{
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files or directories to lint (directories recursively: *.yaml, *.yml, *.json; a directory with Chart.yaml is a Helm chart, rendered with helm template), or - for standard input (plain YAML or helm template output).",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<string[]> Format = new("--format", "-f")
    {
        Description = "Report format: text (default: compiler-style lines with the source line, grouped by file), json (a stable list for scripts), sarif (SARIF 2.1.0 for code scanning), github (workflow-command annotations) or markdown (a summary for $GITHUB_STEP_SUMMARY). Repeatable: the n-th --format is written to the n-th --output.",
        AllowMultipleArgumentsPerToken = false,
        HelpName = "text|json|sarif|github|markdown",
    };

    public static readonly Option<string[]> Output = new("--output", "-o")
    {
        Description = "Write the report to this file (atomically: a temporary file renamed into place); - is standard output (the default). Repeatable, one per --format.",
        AllowMultipleArgumentsPerToken = false,
        HelpName = "file",
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only the findings: text output is one line per finding (no source lines, file headers or summary), and nothing goes to standard error unless something fails.",
    };

    public static readonly Option<bool> NoColor = new("--no-color")
    {
        Description = "Never colour text output. Colour is on only when standard output is a terminal and NO_COLOR is not set.",
    };

    public static readonly Option<string> FailLevel = new("--fail-level")
    {
        Description = "Exit 1 when a finding is at or above this severity: error, warning, note or none.",
        DefaultValueFactory = _ => "warning",
    };

    public static readonly Option<string?> Namespace = new("--namespace", "-n")
    {
        Description = "Namespace of objects that do not set metadata.namespace, and the namespace charts are rendered into (default: \"default\").",
    };

    public static readonly Option<bool> Summary = new("--summary")
    {
        Description = "Text format: print a per-container memory table under the findings (runtime, request, limit, QoS, heap, estimated footprint, headroom).",
    };

    public static readonly Option<string[]> Values = new("--values")
    {
        Description = "Helm values file applied to every chart (repeatable; after the chart's ci/ variant file, in order). -f is --format here.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Helm value applied to every chart, as in helm: key=value[,key=value] (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> KubeVersion = new("--kube-version")
    {
        Description = "Kubernetes version Helm renders for (.Capabilities.KubeVersion), passed to helm template.",
    };

    public static readonly Option<string[]> ApiVersions = new("--api-versions")
    {
        Description = "API versions Helm renders for (.Capabilities.APIVersions), passed to helm template (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string> ReleaseName = new("--release-name")
    {
        Description = "Release name charts are rendered with.",
        DefaultValueFactory = _ => HelmLintOptions.Default.ReleaseName,
    };

    public static readonly Option<string?> HelmExecutable = new("--helm")
    {
        Description = "The helm executable (default: helm on PATH).",
    };

    public static readonly Option<int> HelmTimeout = new("--helm-timeout")
    {
        Description = "Seconds one helm template may run before it is stopped and reported as ML0002.",
        DefaultValueFactory = _ => HelmLintOptions.DefaultTimeoutSeconds,
    };

    private static readonly Dictionary<string, OutputFormat> FormatNames = new(StringComparer.Ordinal)
    {
        ["text"] = OutputFormat.Text,
        ["json"] = OutputFormat.Json,
        ["sarif"] = OutputFormat.Sarif,
        ["github"] = OutputFormat.GitHub,
        ["markdown"] = OutputFormat.Markdown,
    };

    static LintCommand()
    {
        Format.AcceptOnlyFromAmong(FormatNames.Keys.ToArray());
        FailLevel.AcceptOnlyFromAmong("error", "warning", "note", "none");
        HelmTimeout.Validators.Add(result =>
        {
            // A value that is not a number is the parser's error to report; reading it here would throw.
            if (result.Tokens is [.., var last] && int.TryParse(last.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds <= 0)
            {
                result.AddError("--helm-timeout must be a positive number of seconds.");
            }
        });
    }

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("lint", "Lint Kubernetes manifests for memory mistakes.") { Paths, Format, Output, Quiet, NoColor, FailLevel, Namespace, Summary, Values, Set, KubeVersion, ApiVersions, ReleaseName, HelmExecutable, HelmTimeout };
        foreach (var option in LintConfigurationOptions.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            // Raw tokens: a format AcceptOnlyFromAmong refuses has no value to get.
            if (ReportError(Tokens(result.GetResult(Format)), Tokens(result.GetResult(Output))) is { } error)
            {
                result.AddError(error);
            }
        });
        command.SetAction(parseResult => LintRunner.Run(ToOptions(parseResult), environment));
        return command;
    }

    public static LintOptions ToOptions(ParseResult parseResult)
    {
        // AcceptOnlyFromAmong has already rejected anything TryParse would not take.
        var failLevel = SeverityNames.TryParse(parseResult.GetValue(FailLevel), out var level) ? level : Severity.Warning;
        return new LintOptions(
            parseResult.GetValue(Paths) ?? [],
            Reports(parseResult.GetValue(Format) ?? [], parseResult.GetValue(Output) ?? []),
            failLevel,
            parseResult.GetValue(Namespace))
        {
            Quiet = parseResult.GetValue(Quiet),
            NoColor = parseResult.GetValue(NoColor),
            Summary = parseResult.GetValue(Summary),
            Helm = new HelmLintOptions
            {
                HelmPath = parseResult.GetValue(HelmExecutable),
                ReleaseName = parseResult.GetValue(ReleaseName) ?? HelmLintOptions.Default.ReleaseName,
                ValuesFiles = parseResult.GetValue(Values) ?? [],
                SetValues = parseResult.GetValue(Set) ?? [],
                KubeVersion = parseResult.GetValue(KubeVersion),
                ApiVersions = parseResult.GetValue(ApiVersions) ?? [],
                TimeoutSeconds = parseResult.GetValue(HelmTimeout),
            },
            Configuration = LintConfigurationOptions.From(parseResult),
        };
    }

    /// <summary>
    /// Pairs formats with outputs: the n-th <c>--format</c> goes to the n-th <c>--output</c> (<c>-</c> is standard
    /// output). With at most one of each, a missing format is text and a missing output is standard output.
    /// </summary>
    public static IReadOnlyList<ReportTarget> Reports(IReadOnlyList<string> formats, IReadOnlyList<string> outputs)
    {
        if (ReportError(formats, outputs) is { } error)
        {
            throw new ArgumentException(error, nameof(outputs));
        }

        var names = formats.Count == 0 ? ["text"] : formats;
        return [.. names.Select((f, i) => new ReportTarget(FormatNames[f], i < outputs.Count && outputs[i] != "-" ? outputs[i] : null))];
    }

    /// <summary>Why the <c>--format</c>/<c>--output</c> pairs cannot be written, or null when they can.</summary>
    public static string? ReportError(IReadOnlyList<string> formats, IReadOnlyList<string> outputs)
    {
        if ((formats.Count > 1 || outputs.Count > 1) && formats.Count != outputs.Count)
        {
            return $"--format is given {Times(formats.Count)} and --output {Times(outputs.Count)}: with several reports, give one --output per --format, in the same order (- for standard output), e.g. --format text --output - --format sarif --output manifestlint.sarif.";
        }

        if (formats.Any(f => !FormatNames.ContainsKey(f)))
        {
            return null; // AcceptOnlyFromAmong reports it.
        }

        var toStandardOutput = formats.Count == 0 && outputs.Count == 0 ? 1 : Math.Max(formats.Count, outputs.Count) - outputs.Count(o => o != "-");
        if (toStandardOutput > 1)
        {
            return "only one report can go to standard output: give the others an --output file.";
        }

        var duplicate = outputs.Where(o => o != "-").GroupBy(o => o, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"two reports would be written to {duplicate.Key}: give each --format its own --output.";
    }

    private static string[] Tokens(OptionResult? result) => result is null ? [] : [.. result.Tokens.Select(t => t.Value)];

    private static string Times(int n) => n == 1 ? "once" : $"{n} times";
}
