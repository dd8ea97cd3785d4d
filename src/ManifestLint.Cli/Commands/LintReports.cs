using System.Text;
using ManifestLint.Cli.Input;
using ManifestLint.Cli.Output;
using ManifestLint.Engine.Analysis;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// Writes every report of a lint (<c>--format</c>/<c>--output</c> pairs) from the one analysis: files atomically, at
/// most one report on standard output. Text on a terminal is coloured (see <see cref="Ansi.For"/>).
/// </summary>
public static class LintReports
{
    /// <summary>False, after saying why, when a report's directory does not exist (checked before linting anything).</summary>
    public static bool CanWrite(IReadOnlyList<ReportTarget> reports, CliEnvironment environment)
    {
        foreach (var path in reports.Select(r => r.Path).OfType<string>())
        {
            if (!Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path, environment.WorkingDirectory))))
            {
                environment.Error.WriteLine($"manifestlint: cannot write {path}: its directory does not exist.");
                return false;
            }
        }

        return true;
    }

    /// <summary>The memory table is computed for <c>--summary</c> under text, and always for markdown.</summary>
    public static bool NeedMemorySummary(LintOptions options) =>
        options.Reports.Any(r => r.Format == OutputFormat.Markdown || (r.Format == OutputFormat.Text && options.Summary));

    /// <summary>
    /// Where text excerpts read source lines from. Standard input can be read once only, so its input is replaced by
    /// one that keeps the bytes for the report.
    /// </summary>
    public static SourceFiles Sources(IReadOnlyList<AnalysisInput> collected, CliEnvironment environment, out IReadOnlyList<AnalysisInput> inputs)
    {
        Lazy<byte[]>? standardInput = null;
        var wrapped = new List<AnalysisInput>(collected.Count);
        foreach (var input in collected)
        {
            if (input.Path == AnalysisInput.StandardInputPath)
            {
                var read = standardInput = new Lazy<byte[]>(input.Read);
                wrapped.Add(input with { Read = () => read.Value });
            }
            else
            {
                wrapped.Add(input);
            }
        }

        inputs = wrapped;
        return new SourceFiles(environment.WorkingDirectory, () => standardInput is { IsValueCreated: true } read ? read.Value : null);
    }

    /// <summary>Writes every report, then the summary on standard error when no report on standard output holds one; null, or 2 when a report could not be written.</summary>
    public static int? Write(AnalysisResult result, LintOptions options, CliEnvironment environment, LintRun run, SourceFiles sources)
    {
        var omitted = 0;
        foreach (var report in options.Reports)
        {
            try
            {
                if (report.Path is { } path)
                {
                    AtomicFile.Write(Path.GetFullPath(path, environment.WorkingDirectory), stream => omitted += WriteTo(stream, report.Format, result, options, environment, run, sources));
                }
                else if (report.Format is OutputFormat.Sarif or OutputFormat.Json)
                {
                    using var stream = new Utf8TextWriterStream(environment.Out);
                    omitted += WriteTo(stream, report.Format, result, options, environment, run, sources);
                    stream.Flush();
                }
                else
                {
                    WriteText(environment.Out, report.Format, result, options, environment, run, sources, Ansi.For(environment, options.NoColor));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"manifestlint: cannot write {report.Path ?? "to standard output"}: {e.Message}");
                return ExitCodes.ToolFailure;
            }
        }

        if (omitted > 0)
        {
            environment.Error.WriteLine($"manifestlint: SARIF: {omitted} less severe result{(omitted == 1 ? " was" : "s were")} left out to stay within GitHub code scanning's limits ({Sarif.SarifLimits.GitHub.MaxResults:N0} results, {Sarif.SarifLimits.GitHub.MaxGzippedBytes / 1_000_000} MB gzipped per run); the log says so in a notification.");
        }

        var summaryOnStandardOutput = options.Reports.Any(r => r.ToStandardOutput && r.Format is OutputFormat.Text or OutputFormat.GitHub);
        if (!options.Quiet && !summaryOnStandardOutput && options.Reports.Any(r => !r.ToStandardOutput))
        {
            environment.Error.WriteLine(TextReporter.Summary(result));
        }

        return null;
    }

    /// <summary>Writes one report to a stream (UTF-8, no BOM, '\n' line ends); returns the SARIF results left out for GitHub's limits.</summary>
    private static int WriteTo(Stream stream, OutputFormat format, AnalysisResult result, LintOptions options, CliEnvironment environment, LintRun run, SourceFiles sources)
    {
        switch (format)
        {
            case OutputFormat.Sarif:
                return SarifReport.Write(result, environment.WorkingDirectory, LintRunner.ToolVersion, stream, run.Sarif);
            case OutputFormat.Json:
                JsonReporter.Write(result, stream, LintRunner.ToolVersion, run.ShowSuppressed || run.IncludeSuppressed);
                return 0;
            default:
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
                {
                    WriteText(writer, format, result, options, environment, run, sources, Ansi.Plain);
                }

                return 0;
        }
    }

    private static void WriteText(TextWriter writer, OutputFormat format, AnalysisResult result, LintOptions options, CliEnvironment environment, LintRun run, SourceFiles sources, Ansi ansi)
    {
        switch (format)
        {
            case OutputFormat.GitHub:
                var root = SourceRoot.Find(environment.WorkingDirectory);
                GitHubAnnotations.Write(result, writer, path => RepositoryPath(path, root, environment.WorkingDirectory), options.Quiet);
                break;
            case OutputFormat.Markdown:
                MarkdownReport.Write(result, writer);
                break;
            default:
                TextReporter.Write(result, writer, new TextReportOptions { ShowSuppressed = run.ShowSuppressed, Quiet = options.Quiet, Ansi = ansi, Sources = sources });
                if (options.Summary)
                {
                    MemorySummaryTable.Write(result.MemorySummary, writer);
                }

                break;
        }
    }

    /// <summary>A finding's path relative to the repository root with '/' separators, as GitHub names files.</summary>
    private static string RepositoryPath(string path, string root, string workingDirectory) =>
        Path.GetRelativePath(root, Path.GetFullPath(path, workingDirectory)).Replace(Path.DirectorySeparatorChar, '/');
}
