using ManifestLint.Cli.Input;
using ManifestLint.Cli.Output;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif;

namespace ManifestLint.Cli.Commands;

/// <summary>Everything a report writer needs beyond the findings, in one record instead of a long parameter list.</summary>
/// <param name="Sources">Where text excerpts read source lines from.</param>
public sealed record ReportContext(LintOptions Options, CliEnvironment Environment, SourceFiles Sources, ReportSettings Settings);

/// <summary>
/// Writes every report of a lint (<c>--format</c>/<c>--output</c> pairs) from the one analysis: files atomically, at
/// most one report on standard output. Text on a terminal is coloured (see <see cref="Ansi.For"/>). A streamed run
/// (<see cref="Stream"/>) writes each file's findings as the engine hands them on; a collected result
/// (<see cref="Write"/>, for Helm charts, <c>--fix</c> and baselines) goes through the same writers.
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
    /// Where text excerpts read source lines from. Standard input is read once, by the collector
    /// (<see cref="InputCollector"/>), which keeps its bytes: the excerpts read the same buffer.
    /// </summary>
    public static SourceFiles Sources(IReadOnlyList<AnalysisInput> inputs, CliEnvironment environment)
    {
        var standardInput = inputs.FirstOrDefault(i => i.Path == AnalysisInput.StandardInputPath);
        return new SourceFiles(environment.WorkingDirectory, standardInput is null ? null : standardInput.Read);
    }

    /// <summary>Writes every report of a collected result; null, or 2 when a report could not be written.</summary>
    public static int? Write(AnalysisResult result, ReportContext context)
    {
        var counts = FindingCounts.Of(result);
        return Run(context, counts, reports =>
        {
            foreach (var report in reports)
            {
                report.Add(result.Diagnostics);
            }

            return result.MemorySummary;
        });
    }

    /// <summary>
    /// Runs a streamed analysis into every report: <paramref name="analyze"/> hands each batch of findings on as the
    /// engine finishes it, and returns the totals. Returns the exit code (findings at or above the fail level), or 2
    /// when a report could not be written.
    /// </summary>
    public static int Stream(ReportContext context, FailOn failOn, Func<Action<AnalysisBatch>, AnalysisTotals> analyze)
    {
        var counts = new FindingCounts();
        var keepRows = NeedMemorySummary(context.Options);
        var failed = Run(context, counts, reports =>
        {
            var rows = new List<Engine.Summary.MemorySummaryRow>();
            var totals = analyze(batch =>
            {
                foreach (var d in batch.Diagnostics)
                {
                    counts.Add(d, failOn);
                }

                foreach (var report in reports)
                {
                    report.Add(batch.Diagnostics);
                }

                if (keepRows)
                {
                    rows.AddRange(batch.Summary);
                }
            });
            counts.Files = totals.FileCount;
            counts.Objects = totals.ResourceCount;
            return rows;
        });
        var failLevel = context.Options.FailLevel;
        return failed ?? (failLevel != Severity.None && counts.Highest >= failLevel ? ExitCodes.Findings : ExitCodes.Success);
    }

    private static int? Run(ReportContext context, FindingCounts counts, Func<IReadOnlyList<OpenReport>, IReadOnlyList<Engine.Summary.MemorySummaryRow>> fill)
    {
        var (options, environment, _, _) = context;
        var reports = new List<OpenReport>();
        var omitted = 0;
        var writing = string.Empty;
        try
        {
            foreach (var target in options.Reports)
            {
                writing = target.Path ?? "to standard output";
                reports.Add(OpenReport.Open(target, context));
            }

            var rows = fill(reports);
            foreach (var report in reports)
            {
                writing = report.Name;
                omitted += report.Writer.Finish(counts, rows);
                report.Commit();
            }
        }
        catch (ReportWriteException e)
        {
            environment.Error.WriteLine($"manifestlint: cannot write {e.Report}: {e.InnerException?.Message}");
            return ExitCodes.ToolFailure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"manifestlint: cannot write {writing}: {e.Message}");
            return ExitCodes.ToolFailure;
        }
        finally
        {
            foreach (var report in reports)
            {
                report.Dispose();
            }
        }

        if (omitted > 0)
        {
            environment.Error.WriteLine($"manifestlint: SARIF: {omitted} less severe result{(omitted == 1 ? " was" : "s were")} left out to stay within GitHub code scanning's limits ({SarifLimits.GitHub.MaxResults:N0} results, {SarifLimits.GitHub.MaxGzippedBytes / 1_000_000} MB gzipped per run); the log says so in a notification.");
        }

        var summaryOnStandardOutput = options.Reports.Any(r => r.ToStandardOutput && r.Format is OutputFormat.Text or OutputFormat.GitHub);
        if (!options.Quiet && !summaryOnStandardOutput && options.Reports.Any(r => !r.ToStandardOutput))
        {
            environment.Error.WriteLine(TextReporter.Summary(counts));
        }

        return null;
    }

    /// <summary>A finding's path relative to the repository root with '/' separators, as GitHub names files.</summary>
    private static string RepositoryPath(string path, string root, string workingDirectory) =>
        Path.GetRelativePath(root, Path.GetFullPath(path, workingDirectory)).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>One report being written: its writer, and the file (written atomically) or standard output under it.</summary>
    private sealed class OpenReport : IDisposable
    {
        private readonly AtomicFile.Pending? file;
        private readonly Stream? stream;
        private readonly TextWriter? text;

        private OpenReport(string name, IReportWriter writer, AtomicFile.Pending? file, Stream? stream, TextWriter? text)
        {
            Name = name;
            Writer = writer;
            this.file = file;
            this.stream = stream;
            this.text = text;
        }

        public IReportWriter Writer { get; }

        /// <summary>The report's path, or "to standard output", for errors.</summary>
        public string Name { get; }

        /// <summary>Writes a batch; a failure names this report.</summary>
        public void Add(IReadOnlyList<Diagnostic> batch)
        {
            try
            {
                Writer.Add(batch);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReportWriteException(Name, e);
            }
        }

        public static OpenReport Open(ReportTarget target, ReportContext context)
        {
            var (options, environment, sources, settings) = context;
            AtomicFile.Pending? file = null;
            Stream? stream = null;
            TextWriter? text = null;
            Ansi ansi;
            if (target.Path is { } path)
            {
                file = AtomicFile.Open(Path.GetFullPath(path, environment.WorkingDirectory));
                stream = file.Stream;
                ansi = Ansi.Plain;
            }
            else
            {
                stream = target.Format is OutputFormat.Sarif or OutputFormat.Json ? new Utf8TextWriterStream(environment.Out) : null;
                ansi = Ansi.For(environment, options.NoColor);
            }

            IReportWriter writer;
            switch (target.Format)
            {
                case OutputFormat.Sarif:
                    var sarif = settings.Sarif(new SarifOptions(SourceRoot.Find(environment.WorkingDirectory), environment.WorkingDirectory, LintRunner.ToolVersion));
                    writer = new SarifReportWriter(stream!, sarif);
                    break;
                case OutputFormat.Json:
                    writer = new JsonReportWriter(stream!, LintRunner.ToolVersion, settings.ShowSuppressed || settings.IncludeSuppressed);
                    break;
                default:
                    text = stream is null ? environment.Out : ReportText.Over(stream);
                    writer = target.Format switch
                    {
                        OutputFormat.GitHub => new GitHubReportWriter(text, RepositoryPathOf(environment), options.Quiet),
                        OutputFormat.Markdown => new MarkdownReportWriter(text),
                        _ => new TextReportWriter(text, new TextReportOptions { ShowSuppressed = settings.ShowSuppressed, Quiet = options.Quiet, Ansi = ansi, Sources = sources }, options.Summary),
                    };
                    break;
            }

            return new OpenReport(target.Path ?? "to standard output", writer, file, stream, text);
        }

        /// <summary>Flushes the report and, for a file, moves it into place.</summary>
        public void Commit()
        {
            text?.Flush();
            stream?.Flush();
            file?.Commit();
        }

        /// <summary>Deletes an uncommitted file and frees what the writer holds; the text writer over it leaves the stream open and holds nothing.</summary>
        public void Dispose()
        {
            (Writer as IDisposable)?.Dispose();
            file?.Dispose();
        }

        private static Func<string, string> RepositoryPathOf(CliEnvironment environment)
        {
            var root = SourceRoot.Find(environment.WorkingDirectory);
            return path => RepositoryPath(path, root, environment.WorkingDirectory);
        }
    }

    /// <summary>A report that could not be written while the findings streamed in (the analysis stops).</summary>
    private sealed class ReportWriteException(string report, Exception inner) : Exception(inner.Message, inner)
    {
        public string Report { get; } = report;
    }
}
