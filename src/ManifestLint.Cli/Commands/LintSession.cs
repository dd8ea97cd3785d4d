using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif;
using ManifestLint.Sarif.Model;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// A prepared lint: the findings to report (baseline states set, suppressed ones listed for <c>--show-suppressed</c>),
/// what the SARIF writer needs beyond them, and, when the run is already over (a bad configuration or baseline, or
/// <c>--fix --dry-run</c>, which prints a diff instead of a report), its exit code.
/// </summary>
public sealed class LintRun
{
    internal LintRun(int exitCode)
    {
        ExitCode = exitCode;
        Result = new AnalysisResult([], 0, 0);
    }

    internal LintRun(AnalysisResult result, FailOn failOn, bool includeSuppressed, IReadOnlyList<Result> absent)
    {
        Result = result;
        FailOn = failOn;
        IncludeSuppressed = includeSuppressed;
        Absent = absent;
    }

    /// <summary>Set when the run is over and the caller should return it without writing a report.</summary>
    public int? ExitCode { get; }

    public AnalysisResult Result { get; }

    public FailOn FailOn { get; }

    public bool IncludeSuppressed { get; }

    public IReadOnlyList<Result> Absent { get; } = [];

    /// <summary>Text output lists suppressed findings too (<c>--show-suppressed</c>).</summary>
    public bool ShowSuppressed { get; init; }

    /// <summary>The SARIF options of the run: suppressed findings when asked for, and the baseline's absent results.</summary>
    public SarifOptions Sarif(SarifOptions options) => options with { IncludeSuppressed = IncludeSuppressed, AbsentResults = Absent };

    /// <summary>
    /// 1 when an active finding at or above <paramref name="failLevel"/> counts (with <see cref="FailOn.New"/>, only
    /// findings not in the baseline count), else 0. Suppressed findings never count.
    /// </summary>
    public int ExitCodeFor(AnalysisResult result, Severity failLevel) =>
        failLevel != Severity.None && result.Diagnostics.Any(d => d.Suppression is null && d.Severity >= failLevel && (FailOn == FailOn.All || d.BaselineState != BaselineState.Unchanged))
            ? ExitCodes.Findings
            : ExitCodes.Success;
}

/// <summary>
/// The configuration, suppression, baseline and fix side of <c>lint</c>, kept out of <see cref="LintRunner"/>: load
/// the configuration (exit 2 on any mistake in it), read the baseline, analyse (applying fixes with <c>--fix</c>),
/// mark findings against the baseline, and shape the result for the chosen output.
/// </summary>
public static class LintSession
{
    /// <param name="analyze">The analysis of the runner (files and Helm charts) with the options it is given.</param>
    public static LintRun Run(LintOptions options, IReadOnlyList<AnalysisInput> inputs, AnalysisOptions analysisOptions, CliEnvironment environment, Func<IReadOnlyList<AnalysisInput>, AnalysisOptions, AnalysisResult> analyze)
    {
        var settings = options.Configuration;
        if (settings.DryRun && !settings.Fix)
        {
            environment.Error.WriteLine("manifestlint: --dry-run goes with --fix: `lint --fix --dry-run` prints the fixes as a diff.");
            return new LintRun(ExitCodes.ToolFailure);
        }

        if (ConfigurationLoader.Load(settings.ConfigPath, inputs.Select(i => i.Path), environment) is not { } configuration)
        {
            return new LintRun(ExitCodes.ToolFailure);
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
                return new LintRun(ExitCodes.ToolFailure);
            }
        }

        var configured = analysisOptions with { Configuration = configuration };
        try
        {
            return Analyze(options, inputs, configured, baseline, environment, analyze);
        }
        catch (ConfigurationException e)
        {
            // A configuration file first met during the analysis (inside a Helm chart, say) is just as wrong.
            ConfigurationLoader.Report(e.Errors, environment);
            return new LintRun(ExitCodes.ToolFailure);
        }
    }

    private static LintRun Analyze(LintOptions options, IReadOnlyList<AnalysisInput> inputs, AnalysisOptions configured, SarifBaseline? baseline, CliEnvironment environment, Func<IReadOnlyList<AnalysisInput>, AnalysisOptions, AnalysisResult> analyze)
    {
        var settings = options.Configuration;
        AnalysisResult result;
        var failOn = settings.FailOn ?? (baseline is null ? FailOn.All : FailOn.New);
        if (settings.Fix)
        {
            var outcome = FixRunner.Run(inputs, i => analyze(i, configured), environment.WorkingDirectory);
            result = outcome.Result;
            var files = outcome.Files.Count;
            if (settings.DryRun)
            {
                environment.Out.Write(FixRunner.Diff(outcome.Files));
                environment.Error.WriteLine(outcome.FixedCount == 0
                    ? "manifestlint: nothing to fix."
                    : $"manifestlint: --dry-run: would fix {Count(outcome.FixedCount, "finding")} in {Count(files, "file")}; nothing was written.");
                var marked = baseline?.Compare(result, settings.IncludeSuppressed).Result ?? result;
                return new LintRun(new LintRun(marked, failOn, false, []).ExitCodeFor(marked, options.FailLevel));
            }

            try
            {
                FixRunner.Write(outcome.Files);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"manifestlint: cannot write a fixed file: {e.Message}");
                return new LintRun(ExitCodes.ToolFailure);
            }

            environment.Error.WriteLine(outcome.FixedCount == 0 ? "manifestlint: nothing to fix." : $"manifestlint: fixed {Count(outcome.FixedCount, "finding")} in {Count(files, "file")}.");
        }
        else
        {
            result = analyze(inputs, configured);
        }

        IReadOnlyList<Result> absent = [];
        if (baseline is not null)
        {
            var comparison = baseline.Compare(result, settings.IncludeSuppressed);
            result = comparison.Result;
            absent = comparison.Absent;
        }

        return new LintRun(result, failOn, settings.IncludeSuppressed, absent) { ShowSuppressed = settings.ShowSuppressed };
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
