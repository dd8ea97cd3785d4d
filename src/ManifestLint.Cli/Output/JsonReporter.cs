using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Source;

namespace ManifestLint.Cli.Output;

/// <summary>
/// <c>--format json</c>: a stable, machine-readable list of findings for scripts. Version 1 of the shape only ever
/// gains properties; every property listed in the README is always present (null when it does not apply), in the
/// same order, and findings are in the text report's order. Written with <see cref="Utf8JsonWriter"/>: no
/// reflection, so it works the same in the Native AOT binary.
/// </summary>
public static class JsonReporter
{
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="includeSuppressed">Also list suppressed findings (their <c>suppression</c> is then not null).</param>
    public static void Write(AnalysisResult result, Stream stream, string toolVersion, bool includeSuppressed = false)
    {
        var report = new JsonReportWriter(stream, toolVersion, includeSuppressed);
        report.Add(result.Diagnostics);
        report.Finish(FindingCounts.Of(result), []);
    }

    /// <summary>Starts the report: the version and tool, and the findings array (the summary follows it, see <see cref="End"/>).</summary>
    internal static Utf8JsonWriter Begin(Stream stream, string toolVersion)
    {
        var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", "manifestlint");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();
        json.WriteStartArray("findings");
        return json;
    }

    /// <summary>Ends the findings and writes the summary, known only once every finding went past.</summary>
    internal static void End(Utf8JsonWriter json, FindingCounts counts)
    {
        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("files", counts.Files);
        json.WriteNumber("objects", counts.Objects);
        json.WriteNumber("errors", counts.Errors);
        json.WriteNumber("warnings", counts.Warnings);
        json.WriteNumber("notes", counts.Notes);
        json.WriteNumber("suppressed", counts.Suppressed);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
    }

    internal static void WriteFinding(Utf8JsonWriter json, Diagnostic d, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.RuleId);
        json.WriteString("ruleName", d.Rule.Name);
        json.WriteString("severity", d.Severity.ToName());
        json.WriteString("message", d.Message);
        WriteSpan(json, d.Location);
        json.WriteString("helpUri", d.Rule.HelpUri);
        json.WriteString("fingerprint", fingerprint);
        json.WriteStartArray("related");
        foreach (var related in d.RelatedLocations)
        {
            json.WriteStartObject();
            WriteSpan(json, related.Span);
            json.WriteString("message", related.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (d.Fix is { } fix)
        {
            json.WriteStartObject("fix");
            json.WriteString("description", fix.Description);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("fix");
        }

        if (d.BaselineState is { } state)
        {
            json.WriteString("baselineState", state switch
            {
                BaselineState.New => "new",
                BaselineState.Unchanged => "unchanged",
                _ => "absent",
            });
        }
        else
        {
            json.WriteNull("baselineState");
        }

        if (d.Suppression is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("justification", suppression.Justification);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("suppression");
        }

        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteString("path", span.Path);
        json.WriteNumber("line", span.StartLine);
        json.WriteNumber("column", span.StartColumn);
        json.WriteNumber("endLine", span.EndLine);
        json.WriteNumber("endColumn", span.EndColumn);
    }
}
