using System.CommandLine;
using System.CommandLine.Parsing;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// <c>manifestlint lint &lt;paths&gt;...</c>: parses the command line into <see cref="LintOptions"/> and runs <see cref="LintRunner"/>.
/// Every option object is made anew for each command tree (<see cref="Create"/>): a System.CommandLine symbol records
/// its parent, so a shared static one would gain a parent per tree and tie parallel parsers together. Values are read
/// back by name (<see cref="ToOptions"/>).
/// </summary>
public static class LintCommand
{
    private static readonly Dictionary<string, OutputFormat> FormatNames = new(StringComparer.Ordinal)
    {
        ["text"] = OutputFormat.Text,
        ["json"] = OutputFormat.Json,
        ["sarif"] = OutputFormat.Sarif,
        ["github"] = OutputFormat.GitHub,
        ["markdown"] = OutputFormat.Markdown,
    };

    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or directories to lint (directories recursively: *.yaml, *.yml, *.json; a directory with Chart.yaml is a Helm chart, rendered with helm template; one with kustomization.yaml is built with kustomize), or - for standard input (plain YAML or helm template output).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Report format: text (default: compiler-style lines with the source line, grouped by file), json (a stable list for scripts), sarif (SARIF 2.1.0 for code scanning), github (workflow-command annotations) or markdown (a summary for $GITHUB_STEP_SUMMARY). Repeatable: the n-th --format is written to the n-th --output.",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "text|json|sarif|github|markdown",
        };
        format.AcceptOnlyFromAmong([.. FormatNames.Keys]);
        var output = new Option<string[]>("--output", "-o")
        {
            Description = "Write the report to this file (atomically: a temporary file renamed into place); - is standard output (the default). Repeatable, one per --format.",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "file",
        };
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit 1 when a finding is at or above this severity: error, warning, note or none.",
            DefaultValueFactory = _ => "warning",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var helmTimeout = new Option<int>("--helm-timeout")
        {
            Description = "Seconds one helm template may run before it is stopped and reported as ML0002.",
            DefaultValueFactory = _ => HelmLintOptions.DefaultTimeoutSeconds,
        };
        helmTimeout.Validators.Add(result =>
        {
            // A value that is not a number is the parser's error to report; reading it here would throw.
            if (result.Tokens is [.., var last] && int.TryParse(last.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds <= 0)
            {
                result.AddError("--helm-timeout must be a positive number of seconds.");
            }
        });

        var command = new Command("lint", "Lint Kubernetes manifests for memory mistakes.")
        {
            paths,
            format,
            output,
            new Option<bool>("--quiet", "-q") { Description = "Print only the findings: text output is one line per finding (no source lines, file headers or summary), and nothing goes to standard error unless something fails." },
            new Option<bool>("--no-color") { Description = "Never colour text output. Colour is on only when standard output is a terminal and NO_COLOR is not set." },
            new Option<bool>("--progress") { Description = "Show progress (files done/total) on standard error even when it is not a terminal or CI is set. On a terminal it appears by itself once a run takes more than a second." },
            failLevel,
            new Option<string?>("--namespace", "-n") { Description = "Namespace of objects that do not set metadata.namespace, and the namespace charts are rendered into (default: \"default\")." },
            new Option<bool>("--summary") { Description = "Text format: print a per-container memory table under the findings (runtime, request, limit, QoS, heap, estimated footprint, headroom)." },
            new Option<string[]>("--values") { Description = "Helm values file applied to every chart (repeatable; after the chart's ci/ variant file, in order). -f is --format here.", AllowMultipleArgumentsPerToken = false },
            new Option<string[]>("--set") { Description = "Helm value applied to every chart, as in helm: key=value[,key=value] (repeatable).", AllowMultipleArgumentsPerToken = false },
            new Option<string?>("--kube-version") { Description = "Kubernetes version Helm renders for (.Capabilities.KubeVersion), passed to helm template." },
            new Option<string[]>("--api-versions") { Description = "API versions Helm renders for (.Capabilities.APIVersions), passed to helm template (repeatable).", AllowMultipleArgumentsPerToken = false },
            new Option<string>("--release-name") { Description = "Release name charts are rendered with.", DefaultValueFactory = _ => HelmLintOptions.Default.ReleaseName },
            new Option<string?>("--helm") { Description = "The helm executable (default: helm on PATH)." },
            helmTimeout,
            UsageOption(),
            new Option<string?>("--kustomize") { Description = "The kustomize executable: kubectl (runs kubectl kustomize) or a standalone kustomize (default: kubectl, else kustomize, on PATH)." },
        };
        foreach (var option in LintConfigurationOptions.Create())
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            // Raw tokens: a format AcceptOnlyFromAmong refuses has no value to get.
            if (ReportError(Tokens(result.GetResult(format)), Tokens(result.GetResult(output))) is { } error)
            {
                result.AddError(error);
            }

            var configuration = LintConfigurationOptions.Errors(result, result.GetResult(paths)?.Tokens.Select(t => t.Value) ?? []);
            foreach (var message in configuration)
            {
                result.AddError(message);
            }
        });
        command.SetAction((parseResult, cancellation) => LintRunner.RunAsync(ToOptions(parseResult), environment, cancellation));
        return command;
    }

    /// <summary><c>--usage FILE</c> or <c>--usage p95=FILE</c>, repeatable (also used by <c>usage report</c>).</summary>
    internal static Option<string[]> UsageOption()
    {
        var usage = new Option<string[]>("--usage")
        {
            Description = "Observed memory usage to check requests and limits against (rules ML8001-ML8005): a Prometheus query_range response of container_memory_working_set_bytes, instant-query quantile vectors as p95=FILE and p99=FILE, VPA objects (kubectl get vpa -A -o yaml) or a CSV namespace,workload,container,p95,p99[,max]. The format is read from the content. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "[p95=]file",
        };
        usage.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (ManifestLint.Usage.UsageFile.Error(token.Value) is { } error)
                {
                    result.AddError(error);
                }
            }
        });
        return usage;
    }

    /// <summary>The parsed <c>lint</c> command line (of any command tree <see cref="Create"/> made).</summary>
    public static LintOptions ToOptions(ParseResult parseResult)
    {
        // AcceptOnlyFromAmong has already rejected anything TryParse would not take.
        var failLevel = SeverityNames.TryParse(parseResult.GetValue<string>("--fail-level"), out var level) ? level : Severity.Warning;
        return new LintOptions(
            parseResult.GetValue<string[]>("paths") ?? [],
            Reports(parseResult.GetValue<string[]>("--format") ?? [], parseResult.GetValue<string[]>("--output") ?? []),
            failLevel,
            parseResult.GetValue<string?>("--namespace"))
        {
            Quiet = parseResult.GetValue<bool>("--quiet"),
            NoColor = parseResult.GetValue<bool>("--no-color"),
            Progress = parseResult.GetValue<bool>("--progress"),
            Summary = parseResult.GetValue<bool>("--summary"),
            Usage = parseResult.GetValue<string[]>("--usage") ?? [],
            Helm = new HelmLintOptions
            {
                HelmPath = parseResult.GetValue<string?>("--helm"),
                ReleaseName = parseResult.GetValue<string>("--release-name") ?? HelmLintOptions.Default.ReleaseName,
                ValuesFiles = parseResult.GetValue<string[]>("--values") ?? [],
                SetValues = parseResult.GetValue<string[]>("--set") ?? [],
                KubeVersion = parseResult.GetValue<string?>("--kube-version"),
                ApiVersions = parseResult.GetValue<string[]>("--api-versions") ?? [],
                TimeoutSeconds = parseResult.GetValue<int>("--helm-timeout"),
            },
            KustomizePath = parseResult.GetValue<string?>("--kustomize"),
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
