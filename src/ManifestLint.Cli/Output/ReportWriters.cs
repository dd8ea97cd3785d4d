using System.Text;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Summary;
using ManifestLint.Sarif;

namespace ManifestLint.Cli.Output;

/// <summary>
/// One report being written while the findings stream in (<see cref="Engine.Analysis.AnalysisEngine.Stream"/>): each
/// batch is written, or for SARIF and Markdown condensed into a bounded structure, as it comes, and nothing holds
/// every finding. A collected result goes through the same writers in one batch, so both give the same bytes.
/// </summary>
internal interface IReportWriter
{
    /// <summary>The next findings in report order (suppressed ones included, marked).</summary>
    void Add(IReadOnlyList<Diagnostic> batch);

    /// <summary>Ends the report; returns the SARIF results left out for GitHub's limits (0 for other formats).</summary>
    int Finish(FindingCounts counts, IReadOnlyList<MemorySummaryRow> summary);
}

/// <summary>The text format (<see cref="TextReporter"/>), file by file.</summary>
internal sealed class TextReportWriter(TextWriter writer, TextReportOptions options, bool memoryTable = false) : IReportWriter
{
    private bool any;

    public void Add(IReadOnlyList<Diagnostic> batch)
    {
        var shown = options.ShowSuppressed ? batch : [.. batch.Where(d => d.Suppression is null)];
        var start = 0;
        for (var i = 1; i <= shown.Count; i++)
        {
            if (i == shown.Count || !string.Equals(shown[i].Location.Path, shown[start].Location.Path, StringComparison.Ordinal))
            {
                TextReporter.WriteFile(writer, [.. shown.Skip(start).Take(i - start)], options, first: !any);
                any = true;
                start = i;
            }
        }
    }

    public void Finish(FindingCounts counts) => Finish(counts, []);

    public int Finish(FindingCounts counts, IReadOnlyList<MemorySummaryRow> summary)
    {
        if (!options.Quiet)
        {
            if (any)
            {
                writer.WriteLine();
            }

            writer.WriteLine(options.Ansi.Bold(TextReporter.Summary(counts)));
        }

        if (memoryTable)
        {
            MemorySummaryTable.Write(summary, writer);
        }

        writer.Flush();
        return 0;
    }
}

/// <summary>GitHub workflow commands (<see cref="GitHubAnnotations"/>), one per active finding.</summary>
internal sealed class GitHubReportWriter(TextWriter writer, Func<string, string> repositoryPath, bool quiet) : IReportWriter
{
    public void Add(IReadOnlyList<Diagnostic> batch)
    {
        foreach (var d in batch.Where(d => d.Suppression is null))
        {
            writer.WriteLine(GitHubAnnotations.Command(d, repositoryPath));
        }
    }

    public int Finish(FindingCounts counts, IReadOnlyList<MemorySummaryRow> summary)
    {
        if (!quiet)
        {
            writer.WriteLine(TextReporter.Summary(counts));
        }

        writer.Flush();
        return 0;
    }
}

/// <summary>The Markdown summary (<see cref="MarkdownReport"/>): counts per rule and the first rows, bounded whatever the findings.</summary>
internal sealed class MarkdownReportWriter(TextWriter writer) : IReportWriter
{
    private readonly Dictionary<(RuleDescriptor Rule, Severity Severity), int> byRule = [];
    private readonly List<Diagnostic> first = [];

    public void Add(IReadOnlyList<Diagnostic> batch)
    {
        foreach (var d in batch.Where(d => d.Suppression is null))
        {
            byRule[(d.Rule, d.Severity)] = byRule.GetValueOrDefault((d.Rule, d.Severity)) + 1;
            if (first.Count < MarkdownReport.MaxRows)
            {
                first.Add(d);
            }
        }
    }

    public int Finish(FindingCounts counts, IReadOnlyList<MemorySummaryRow> summary)
    {
        MarkdownReport.Write(writer, counts, byRule, first, summary);
        writer.Flush();
        return 0;
    }
}

/// <summary>The JSON format (<see cref="JsonReporter"/>): findings as they come, the summary after them.</summary>
internal sealed class JsonReportWriter : IReportWriter
{
    private readonly Stream stream;
    private readonly System.Text.Json.Utf8JsonWriter json;
    private readonly bool includeSuppressed;
    private readonly ResultFingerprints.Counter fingerprints = new();

    public JsonReportWriter(Stream stream, string toolVersion, bool includeSuppressed)
    {
        this.stream = stream;
        this.includeSuppressed = includeSuppressed;
        json = JsonReporter.Begin(stream, toolVersion);
    }

    public void Add(IReadOnlyList<Diagnostic> batch)
    {
        foreach (var d in batch)
        {
            var fingerprint = fingerprints.Next(d);
            if (includeSuppressed || d.Suppression is null)
            {
                JsonReporter.WriteFinding(json, d, fingerprint);
            }
        }

        // Utf8JsonWriter keeps everything until it is flushed: without this the whole report sits in memory.
        if (json.BytesPending > 1 << 16)
        {
            json.Flush();
        }
    }

    public int Finish(FindingCounts counts, IReadOnlyList<MemorySummaryRow> summary)
    {
        JsonReporter.End(json, counts);
        json.Dispose();
        stream.WriteByte((byte)'\n');
        stream.Flush();
        return 0;
    }
}

/// <summary>SARIF: the most severe results, bounded and kept as compact JSON (<see cref="SarifCollector"/>), written at the end.</summary>
internal sealed class SarifReportWriter(Stream stream, SarifOptions options) : IReportWriter, IDisposable
{
    private readonly SarifCollector collector = new(options, RuleCatalog.Default);

    public void Add(IReadOnlyList<Diagnostic> batch)
    {
        foreach (var d in batch)
        {
            collector.Add(d);
        }
    }

    /// <summary>Writes the log; the collector's memory (compressed results) goes with it.</summary>
    public int Finish(FindingCounts counts, IReadOnlyList<MemorySummaryRow> summary) => collector.Write(stream);

    public void Dispose() => collector.Dispose();
}

/// <summary>A UTF-8 (no BOM, '\n') text writer over a report stream.</summary>
internal static class ReportText
{
    public static StreamWriter Over(Stream stream) => new(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
}
