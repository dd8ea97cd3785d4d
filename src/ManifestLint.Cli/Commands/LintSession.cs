using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif;
using ManifestLint.Sarif.Model;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// The outcome of a collected lint, for its reports: the findings (baseline states set, suppressed ones listed for
/// <c>--show-suppressed</c>) and what the reports need beyond them. A run that ends early (a bad configuration or
/// baseline, <c>--fix --dry-run</c>) has no LintRun, only an exit code (see <see cref="LintSession"/>).
/// </summary>
public sealed class LintRun(AnalysisResult result, FailOn failOn, ReportSettings reports)
{
    public AnalysisResult Result { get; } = result;

    public FailOn FailOn { get; } = failOn;

    public ReportSettings Reports { get; } = reports;

    /// <summary>
    /// 1 when an active finding at or above <paramref name="failLevel"/> counts (with <see cref="FailOn.New"/>, only
    /// findings not in the baseline count), else 0. Suppressed findings never count.
    /// </summary>
    public int ExitCodeFor(Severity failLevel) => ExitCodeFor(Result, FailOn, failLevel);

    public static int ExitCodeFor(AnalysisResult result, FailOn failOn, Severity failLevel) =>
        failLevel != Severity.None && result.Diagnostics.Any(d => d.Suppression is null && d.Severity >= failLevel && (failOn == FailOn.All || d.BaselineState != BaselineState.Unchanged))
            ? ExitCodes.Findings
            : ExitCodes.Success;
}

/// <summary>What reports show beyond the findings: suppressed findings (text, JSON, SARIF) and the baseline's absent results.</summary>
public sealed record ReportSettings(bool ShowSuppressed, bool IncludeSuppressed, IReadOnlyList<Result> Absent)
{
    /// <summary>The SARIF options of the run: suppressed findings when asked for, and the baseline's absent results.</summary>
    public SarifOptions Sarif(SarifOptions options) => options with { IncludeSuppressed = IncludeSuppressed, AbsentResults = Absent };
}

/// <summary>A lint ready to analyse: the configured analysis options, the baseline, and what counts for the exit code.</summary>
public sealed record LintPlan(AnalysisOptions Analysis, SarifBaseline? Baseline, FailOn FailOn);

/// <summary>
/// The configuration, suppression, baseline and fix side of <c>lint</c>, kept out of <see cref="LintRunner"/>: load
/// the configuration (exit 2 on any mistake in it), read the baseline, analyse (applying fixes with <c>--fix</c>),
/// mark findings against the baseline, and shape the result for the chosen output.
/// </summary>
public static class LintSession
{
    /// <summary>Loads the configuration (exit 2 on any mistake in it) and the baseline; null with the exit code when the run is over.</summary>
    public static LintPlan? Prepare(LintOptions options, IReadOnlyList<AnalysisInput> inputs, AnalysisOptions analysisOptions, CliEnvironment environment, out int exitCode)
    {
        exitCode = ExitCodes.ToolFailure;
        var settings = options.Configuration;
        if (settings.DryRun && !settings.Fix)
        {
            environment.Error.WriteLine("manifestlint: --dry-run goes with --fix: `lint --fix --dry-run` prints the fixes as a diff.");
            return null;
        }

        if (ConfigurationLoader.Load(settings.ConfigPath, inputs.Select(i => i.Path), environment) is not { } configuration)
        {
            return null;
        }

        foreach (var (file, glob) in ScopeGlobs.Unmatched(configuration, inputs.Select(i => i.Path)))
        {
            environment.Error.WriteLine($"manifestlint: warning: {Path.GetRelativePath(environment.WorkingDirectory, file)}: the scope glob \"{glob}\" matches no directory of a linted file; check its spelling (globs are relative to the configuration file's directory).");
        }

        SarifBaseline? baseline = null;
        if (settings.BaselinePath is { } baselinePath)
        {
            try
            {
                using var stream = new MemoryStream(Input.FileReader.ReadWhole(Path.GetFullPath(baselinePath, environment.WorkingDirectory)));
                baseline = SarifBaseline.Read(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                environment.Error.WriteLine($"manifestlint: cannot read the baseline {baselinePath}: {e.Message}");
                return null;
            }
        }

        exitCode = ExitCodes.Success;
        return new LintPlan(analysisOptions with { Configuration = configuration }, baseline, settings.FailOn ?? (baseline is null ? FailOn.All : FailOn.New));
    }

    /// <summary>
    /// Analyses (applying fixes with <c>--fix</c>) and marks findings against the baseline; null with the exit code
    /// when the run is over without a report (a configuration error met during the analysis, <c>--fix --dry-run</c>).
    /// </summary>
    /// <param name="progress">The progress line, erased before a configuration error is printed.</param>
    /// <param name="analyze">The analysis of the runner (files and Helm charts) with the options it is given.</param>
    public static Task<(LintRun? Run, int ExitCode)> AnalyzeAsync(LintOptions options, IReadOnlyList<AnalysisInput> inputs, LintPlan plan, CliEnvironment environment, IDisposable? progress, Func<IReadOnlyList<AnalysisInput>, AnalysisOptions, Task<AnalysisResult>> analyze) =>
        ReportingConfigurationErrorsAsync(() => AnalyzeAndMarkAsync(options, inputs, plan, environment, analyze), ((LintRun?)null, ExitCodes.ToolFailure), environment, progress);

    /// <summary>
    /// Runs the analysis part of a lint (the collected path above, or the runner's streaming one). A configuration
    /// file first met during the analysis (inside a Helm chart, say) is just as wrong as one loaded up front: its
    /// errors are printed, with the progress line erased first, and <paramref name="failed"/> (exit code 2) is returned.
    /// </summary>
    public static async Task<T> ReportingConfigurationErrorsAsync<T>(Func<Task<T>> analyze, T failed, CliEnvironment environment, IDisposable? progress)
    {
        try
        {
            return await analyze().ConfigureAwait(false);
        }
        catch (ConfigurationException e)
        {
            progress?.Dispose();
            ConfigurationLoader.Report(e.Errors, environment);
            return failed;
        }
    }


    private static async Task<(LintRun? Run, int ExitCode)> AnalyzeAndMarkAsync(LintOptions options, IReadOnlyList<AnalysisInput> inputs, LintPlan plan, CliEnvironment environment, Func<IReadOnlyList<AnalysisInput>, AnalysisOptions, Task<AnalysisResult>> analyze)
    {
        var settings = options.Configuration;
        var (configured, baseline, failOn) = plan;
        AnalysisResult result;
        if (settings.Fix)
        {
            var outcome = await FixRunner.RunAsync(inputs, i => analyze(i, configured), environment.WorkingDirectory).ConfigureAwait(false);
            result = outcome.Result;
            var files = outcome.Files.Count;
            if (settings.DryRun)
            {
                environment.Out.Write(FixRunner.Diff(outcome.Files));
                environment.Error.WriteLine(outcome.FixedCount == 0
                    ? "manifestlint: nothing to fix."
                    : $"manifestlint: --dry-run: would fix {Count(outcome.FixedCount, "finding")} in {Count(files, "file")}; nothing was written.");
                var marked = baseline?.Compare(result, settings.IncludeSuppressed).Result ?? result;
                if (!options.Quiet && marked.Active.Any())
                {
                    // What --fix would leave for a person: the same lines a quiet text report prints (standard output holds the diff).
                    environment.Error.WriteLine($"manifestlint: {Count(marked.Active.Count(), "finding")} would remain after the fixes:");
                    Output.TextReporter.Write(marked, environment.Error, new Output.TextReportOptions { Quiet = true });
                }

                return (null, LintRun.ExitCodeFor(marked, failOn, options.FailLevel));
            }

            try
            {
                FixRunner.Write(outcome.Files);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"manifestlint: cannot write a fixed file: {e.Message}");
                return (null, ExitCodes.ToolFailure);
            }

            environment.Error.WriteLine(outcome.FixedCount == 0 ? "manifestlint: nothing to fix." : $"manifestlint: fixed {Count(outcome.FixedCount, "finding")} in {Count(files, "file")}.");
        }
        else
        {
            result = await analyze(inputs, configured).ConfigureAwait(false);
        }

        IReadOnlyList<Result> absent = [];
        if (baseline is not null)
        {
            var comparison = baseline.Compare(result, settings.IncludeSuppressed);
            result = comparison.Result;
            absent = comparison.Absent;
        }

        return (new LintRun(result, failOn, new ReportSettings(settings.ShowSuppressed, settings.IncludeSuppressed, absent)), ExitCodes.Success);
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
