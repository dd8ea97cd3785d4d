using System.Reflection;
using ManifestLint.Cli.Input;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Usage;
using ManifestLint.Helm;
using ManifestLint.Kustomize;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// Runs a lint: collect inputs (files and Helm charts), analyse (charts rendered with helm template and findings
/// mapped back to their templates), write the report, map the outcome to an exit code.
/// </summary>
public static class LintRunner
{
    public static string ToolVersion { get; } =
        typeof(LintRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// The lint. <paramref name="cancellation"/> (Ctrl-C) stops it: helm processes are killed, no report is written,
    /// and the exit code is 130.
    /// </summary>
    public static async Task<int> RunAsync(LintOptions options, CliEnvironment environment, CancellationToken cancellation = default)
    {
        try
        {
            return await LintAsync(options, environment, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            environment.Error.WriteLine(CancelledMessage);
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>What a cancelled run says on standard error.</summary>
    public const string CancelledMessage = "manifestlint: cancelled; no report was written.";

    private static async Task<int> LintAsync(LintOptions options, CliEnvironment environment, CancellationToken cancellation)
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

        if (!LintReports.CanWrite(options.Reports, environment))
        {
            return ExitCodes.ToolFailure;
        }

        if (HelmSettingsFor(options, collected, environment) is not { } helm)
        {
            return ExitCodes.ToolFailure;
        }

        using var progress = LintProgress.Start(options, environment, collected.Inputs.Select(i => i.Path));
        var analysisOptions = AnalysisOptions.Default with
        {
            Model = ModelOptions.Default with { DefaultNamespace = options.Namespace ?? ModelOptions.Default.DefaultNamespace },
            CollectMemorySummary = LintReports.NeedMemorySummary(options),
            FileAnalyzed = progress.FileAnalyzed,
        };
        var inputs = collected.Inputs;
        var sources = LintReports.Sources(inputs, environment);
        if (LintSession.Prepare(options, inputs, analysisOptions, environment, out var exitCode) is not { } plan)
        {
            return exitCode;
        }

        if (UsageLoader.Apply(options.Usage, plan.Analysis, inputs.Select(i => i.Path), environment) is not { } withUsage)
        {
            return ExitCodes.ToolFailure;
        }

        plan = plan with { Analysis = withUsage };
        if (KustomizeSettingsFor(options, collected, plan.Analysis.Configuration, environment) is not { } kustomize)
        {
            return ExitCodes.ToolFailure;
        }

        if (Streams(options, collected, plan))
        {
            var context = new ReportContext(options, environment, sources, new ReportSettings(options.Configuration.ShowSuppressed, options.Configuration.IncludeSuppressed, []));
            return await LintSession.ReportingConfigurationErrorsAsync(
                () => Task.FromResult(LintReports.Stream(context, plan.FailOn, onBatch => new AnalysisEngine().Stream(inputs, plan.Analysis, onBatch, cancellation))),
                ExitCodes.ToolFailure,
                environment,
                progress).ConfigureAwait(false);
        }

        // One linter for the run: it renders the charts once, and --fix passes analyse the kept renders again.
        using var linter = new HelmLinter(helm, environment.WorkingDirectory) { KeepRenders = true };
        var kustomizer = new KustomizeLinter(kustomize, environment.WorkingDirectory);
        var notes = new List<string>();
        var (run, analyzed) = await LintSession.AnalyzeAsync(options, inputs, plan, environment, progress, async (inputs, o) =>
        {
            // Plain files, each render and each overlay are engine runs of their own: what the usage data matched is
            // decided once, over all of them (the Helm linter does so for its own runs when there is no overlay).
            var usage = collected.Kustomizations.Count > 0 && o.Usage is { } source ? new UsageAcrossRuns(source) : null;
            o = usage is null ? o : o with { Usage = usage };
            var lint = await linter.AnalyzeAsync(inputs, collected.Charts, o, cancellation).ConfigureAwait(false);
            notes.AddRange(lint.Notes);
            var result = lint.Analysis;
            if (collected.Kustomizations.Count == 0)
            {
                return result;
            }

            // Each overlay in an engine run of its own (its own cluster scope), with the plain files' LimitRanges.
            var built = (await kustomizer.AnalyzeAsync(collected.Kustomizations, inputs, o, cancellation).ConfigureAwait(false)).Analysis;
            IEnumerable<Diagnostic> dataNotes = usage is null ? [] : usage.DataNoteDiagnostics(RuleCatalog.Default, o);
            return new AnalysisResult(AnalysisResult.Sort([.. result.Diagnostics, .. built.Diagnostics, .. dataNotes]), result.FileCount + built.FileCount, result.ResourceCount + built.ResourceCount)
            {
                MemorySummary = [.. result.MemorySummary, .. built.MemorySummary],
            };
        }).ConfigureAwait(false);
        progress.Dispose(); // the progress line is cleared before anything else is printed

        // Notes are not findings (a --set path no chart reads): said once on standard error, whatever the fix passes.
        foreach (var note in notes.Distinct(StringComparer.Ordinal))
        {
            environment.Error.WriteLine($"manifestlint: note: {note}");
        }

        if (run is null)
        {
            return analyzed;
        }

        // Cancelled after the analysis: still no report, rather than reports of a run the user stopped.
        cancellation.ThrowIfCancellationRequested();
        return LintReports.Write(run.Result, new ReportContext(options, environment, sources, run.Reports)) ?? run.ExitCodeFor(options.FailLevel);
    }

    /// <summary>
    /// Plain files stream their findings into the reports as they are analysed. Helm charts and standard input
    /// (which may hold <c>helm template</c> output) go through the Helm linter, which merges its renders' findings;
    /// <c>--fix</c> re-analyses and a baseline compares the whole result, so those are collected first.
    /// </summary>
    private static bool Streams(LintOptions options, CollectedInputs collected, LintPlan plan) =>
        collected.Charts.Count == 0
        && collected.Kustomizations.Count == 0
        && !collected.Inputs.Any(i => i.Path == AnalysisInput.StandardInputPath)
        && !options.Configuration.Fix
        && plan.Baseline is null;

    /// <summary>
    /// The kustomize settings, or null (after saying why on standard error) when kustomizations cannot be built:
    /// neither <c>--kustomize</c>, nor <c>kustomize.path</c> in the run's configuration file (relative to that file),
    /// nor kubectl or kustomize on PATH. Without kustomizations, kustomize is not needed. The build flags
    /// (<c>enableHelm</c>, <c>loadRestrictor</c>, <c>timeout</c>) come per kustomization from its own configuration file.
    /// </summary>
    private static KustomizeSettings? KustomizeSettingsFor(LintOptions options, CollectedInputs collected, ManifestLint.Engine.Configuration.ConfigurationSet? configuration, CliEnvironment environment)
    {
        if (collected.Kustomizations.Count == 0)
        {
            return new KustomizeSettings();
        }

        if (configuration is not null)
        {
            // The configuration files above the kustomizations (their builds are analysed under those paths) and the run's.
            var errors = configuration.Validate([.. collected.Kustomizations.Select(k => KustomizationInputs.FileOf(k) ?? k).Select(k => InputCollector.DisplayPath(k, environment.WorkingDirectory))]);
            if (errors.Count > 0)
            {
                ConfigurationLoader.Report(errors, environment);
                return null;
            }
        }

        var configured = configuration?.ForRun.Config is { Kustomize.Path: { } fromFile } config ? Path.GetFullPath(fromFile, config.Directory) : null;
        var path = KustomizeLocator.Find(options.KustomizePath ?? configured, Environment.GetEnvironmentVariable("PATH"), environment.WorkingDirectory);
        if (path is null)
        {
            var names = string.Join(", ", collected.Kustomizations.Take(3).Select(k => InputCollector.DisplayPath(k, environment.WorkingDirectory))) + (collected.Kustomizations.Count > 3 ? ", …" : string.Empty);
            var what = options.KustomizePath is { } given ? $"--kustomize {given} does not exist"
                : configured is not null ? $"kustomize.path {configuration!.ForRun.Config.Kustomize.Path} in {InputCollector.DisplayPath(configuration.ForRun.Config.Path!, environment.WorkingDirectory)} does not exist"
                : "neither kubectl nor kustomize is on PATH";
            environment.Error.WriteLine($"manifestlint: {collected.Kustomizations.Count} kustomization(s) to lint ({names}), but {what}.");
            environment.Error.WriteLine($"manifestlint: {KustomizeLocator.InstallHint}");
            return null;
        }

        return new KustomizeSettings { ExecutablePath = path, HelmPath = HelmLocator.Find(options.Helm.HelmPath, Environment.GetEnvironmentVariable("PATH"), environment.WorkingDirectory) };
    }

    /// <summary>
    /// The Helm settings, or null (after saying why on standard error) when charts cannot be rendered: Helm is not
    /// installed, or a values file does not exist. Without charts, Helm is not needed.
    /// </summary>
    private static HelmSettings? HelmSettingsFor(LintOptions options, CollectedInputs collected, CliEnvironment environment)
    {
        var helm = options.Helm;
        var valuesFiles = new List<string>();
        foreach (var file in helm.ValuesFiles)
        {
            var full = Path.GetFullPath(file, environment.WorkingDirectory);
            if (!File.Exists(full))
            {
                environment.Error.WriteLine($"manifestlint: values file not found: {file} (values must be local files).");
                return null;
            }

            valuesFiles.Add(full);
        }

        string? helmPath = null;
        if (collected.Charts.Count > 0)
        {
            helmPath = HelmLocator.Find(helm.HelmPath, Environment.GetEnvironmentVariable("PATH"), environment.WorkingDirectory);
            if (helmPath is null)
            {
                var charts = string.Join(", ", collected.Charts.Take(3).Select(c => c.DisplayPath)) + (collected.Charts.Count > 3 ? ", …" : string.Empty);
                var what = helm.HelmPath is { } given ? $"--helm {given} does not exist" : "helm is not on PATH";
                environment.Error.WriteLine($"manifestlint: {collected.Charts.Count} Helm chart(s) to lint ({charts}), but {what}.");
                environment.Error.WriteLine($"manifestlint: {HelmLocator.InstallHint}");
                return null;
            }
        }

        return new HelmSettings
        {
            HelmPath = helmPath,
            ReleaseName = helm.ReleaseName,
            Namespace = options.Namespace ?? HelmSettings.DefaultNamespace,
            ValuesFiles = valuesFiles,
            SetValues = helm.SetValues,
            KubeVersion = helm.KubeVersion,
            ApiVersions = helm.ApiVersions,
            Timeout = TimeSpan.FromSeconds(helm.TimeoutSeconds),
        };
    }
}
