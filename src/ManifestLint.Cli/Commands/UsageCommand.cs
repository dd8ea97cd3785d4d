using System.CommandLine;
using ManifestLint.Cli.Input;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Usage;
using ManifestLint.Helm;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Usage;
using ManifestLint.Usage.Report;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// <c>manifestlint usage report PATHS --usage FILE [--format markdown|html] [--output FILE]</c>: per container, the
/// request and limit next to the observed p50/p95/p99/max and the recommendation, and the change in reserved memory per
/// namespace. The same analysis as <c>lint --usage</c> (charts rendered, configuration applied); exit 2 on bad input.
/// </summary>
public static class UsageCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or directories of manifests (and Helm charts) the usage data is about.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "markdown (default: tables, for a pull request or $GITHUB_STEP_SUMMARY) or html (one self-contained page with a bar per container).",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output.", HelpName = "file" };
        var namespaceOption = new Option<string?>("--namespace", "-n") { Description = "Namespace of objects that do not set metadata.namespace (default: \"default\")." };
        var config = new Option<string?>("--config") { Description = "The configuration file (default: the nearest .manifestlint.yaml of each path)." };
        var usage = LintCommand.UsageOption();
        var report = new Command("report", "Compare requests and limits with observed usage: percentiles, the recommendation (request = p95, limit = p99 + headroom) and the change in reserved memory per namespace.")
        {
            paths,
            usage,
            format,
            output,
            namespaceOption,
            config,
        };
        report.SetAction((parseResult, cancellation) => RunAsync(
            new UsageReportOptions(
                parseResult.GetValue(paths) ?? [],
                parseResult.GetValue(usage) ?? [],
                parseResult.GetValue(format) == "html",
                parseResult.GetValue(output),
                parseResult.GetValue(namespaceOption),
                parseResult.GetValue(config)),
            environment,
            cancellation));
        return new Command("usage", "Observed memory usage: right-sizing reports (lint --usage checks manifests against it).") { report };
    }

    /// <summary>The parsed <c>usage report</c> command line.</summary>
    public sealed record UsageReportOptions(IReadOnlyList<string> Paths, IReadOnlyList<string> Usage, bool Html, string? Output, string? Namespace, string? ConfigPath);

    public static async Task<int> RunAsync(UsageReportOptions options, CliEnvironment environment, CancellationToken cancellation)
    {
        var collected = InputCollector.Collect(options.Paths, environment);
        if (collected.MissingPaths.Count > 0)
        {
            foreach (var path in collected.MissingPaths)
            {
                environment.Error.WriteLine($"manifestlint: path not found: {path}");
            }

            return ExitCodes.ToolFailure;
        }

        var inputs = collected.Inputs;
        if (ConfigurationLoader.Load(options.ConfigPath, inputs.Select(i => i.Path), environment) is not { } configuration)
        {
            return ExitCodes.ToolFailure;
        }

        var analysis = AnalysisOptions.Default with
        {
            Model = ModelOptions.Default with { DefaultNamespace = options.Namespace ?? ModelOptions.Default.DefaultNamespace },
            Configuration = configuration,
        };
        if (UsageLoader.Apply(options.Usage, analysis, inputs.Select(i => i.Path), environment) is not { Usage: UsageSet set } withUsage)
        {
            if (options.Usage.Count == 0)
            {
                environment.Error.WriteLine("manifestlint: usage report needs usage data: --usage FILE (or usage: in .manifestlint.yaml).");
            }

            return ExitCodes.ToolFailure;
        }

        // Every Usage rule on, whatever the configuration says: ML8005's action records each container for the report.
        withUsage = withUsage with { SeverityOverrides = new Dictionary<string, Engine.Diagnostics.Severity> { [RuleIds.UsageCoverage] = Engine.Diagnostics.Severity.Note } };
        if (collected.Charts.Count > 0 && HelmLocator.Find(null, Environment.GetEnvironmentVariable("PATH"), environment.WorkingDirectory) is null)
        {
            environment.Error.WriteLine($"manifestlint: {collected.Charts.Count} Helm chart(s) to report on, but helm is not on PATH. {HelmLocator.InstallHint}");
            return ExitCodes.ToolFailure;
        }

        var helm = new HelmSettings { HelmPath = collected.Charts.Count > 0 ? HelmLocator.Find(null, Environment.GetEnvironmentVariable("PATH"), environment.WorkingDirectory) : null, Namespace = options.Namespace ?? HelmSettings.DefaultNamespace };
        try
        {
            await new HelmLinter(helm, environment.WorkingDirectory).AnalyzeAsync(inputs, collected.Charts, withUsage, cancellation).ConfigureAwait(false);
        }
        catch (Engine.Configuration.ConfigurationException e)
        {
            ConfigurationLoader.Report(e.Errors, environment);
            return ExitCodes.ToolFailure;
        }

        var headroom = configuration.ForRun.Settings.Get(RuleIds.LimitBelowObservedUsage, LimitBelowObservedUsageRule.HeadroomPercent);
        var report = UsageReport.Build(set.Files, set.LastMatch?.Observations ?? [], headroom);
        var text = options.Html ? HtmlUsageReport.Write(report) : MarkdownUsageReport.Write(report);
        if (options.Output is { } file)
        {
            try
            {
                File.WriteAllText(Path.GetFullPath(file, environment.WorkingDirectory), text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"manifestlint: cannot write {file}: {e.Message}");
                return ExitCodes.ToolFailure;
            }
        }
        else
        {
            environment.Out.Write(text);
        }

        return ExitCodes.Success;
    }
}
