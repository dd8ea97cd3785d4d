using System.CommandLine;
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

    static LintCommand()
    {
        Format.AcceptOnlyFromAmong("text", "sarif");
        FailLevel.AcceptOnlyFromAmong("error", "warning", "note", "none");
        HelmTimeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--helm-timeout must be a positive number of seconds.");
            }
        });
    }

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("lint", "Lint Kubernetes manifests for memory mistakes.") { Paths, Format, Output, FailLevel, Namespace, Summary, Values, Set, KubeVersion, ApiVersions, ReleaseName, HelmExecutable, HelmTimeout };
        foreach (var option in LintConfigurationOptions.All)
        {
            command.Options.Add(option);
        }

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
            parseResult.GetValue(Namespace))
        {
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
}
