using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif.Model;

namespace ManifestLint.Sarif;

/// <summary>
/// Writes a streamed run's SARIF log in bounded memory. Fingerprints are numbered as findings pass
/// (<see cref="ResultFingerprints.Counter"/>); only the <see cref="SarifLimits.MaxResults"/> most severe are kept
/// (errors, then warnings, then notes; the earlier within a level), in a heap that drops the least severe, latest
/// finding when full, and each is kept as its result's compact UTF-8 JSON, serialized once, not as objects. A finding
/// the full heap would drop at once is never serialized. <see cref="Write"/> sizes the log for the byte cap
/// (<see cref="SarifLimits"/>) by writing it to a byte counter, and then writes it, indented, straight to the output:
/// the same bytes <see cref="SarifWriter.Build(Engine.Analysis.AnalysisResult, RuleCatalog, SarifOptions, bool)"/>
/// and <see cref="SarifWriter.Write"/> give for the same findings. Without limits, every finding is kept.
/// </summary>
public sealed class SarifCollector
{
    /// <summary>The depth of a result in the log (log, runs, run, results), for its indentation.</summary>
    private const int ResultDepth = 4;

    private static readonly JsonTypeInfo<Result> CompactResult = (JsonTypeInfo<Result>)SarifWriter.CompactOptions.GetTypeInfo(typeof(Result));
    private static readonly JsonTypeInfo<Tool> IndentedTool = (JsonTypeInfo<Tool>)SarifWriter.IndentedOptions.GetTypeInfo(typeof(Tool));
    private static readonly JsonTypeInfo<IReadOnlyList<Invocation>> IndentedInvocations = (JsonTypeInfo<IReadOnlyList<Invocation>>)SarifWriter.IndentedOptions.GetTypeInfo(typeof(IReadOnlyList<Invocation>));
    private static readonly JsonTypeInfo<IReadOnlyDictionary<string, ArtifactLocation>> IndentedBaseIds = (JsonTypeInfo<IReadOnlyDictionary<string, ArtifactLocation>>)SarifWriter.IndentedOptions.GetTypeInfo(typeof(IReadOnlyDictionary<string, ArtifactLocation>));
    private static readonly JsonTypeInfo<PropertyBag> IndentedProperties = (JsonTypeInfo<PropertyBag>)SarifWriter.IndentedOptions.GetTypeInfo(typeof(PropertyBag));

    private readonly SarifOptions options;
    private readonly RuleCatalog catalog;
    private readonly Dictionary<string, int> ruleIndex;
    private readonly ArtifactUris uris;
    private readonly ResultFingerprints.Counter fingerprints = new();
    private readonly PriorityQueue<Kept, (int Rank, long Order)> kept = new();
    private readonly int capacity;
    private readonly ArrayBufferWriter<byte> scratch = new(4096);
    private long order;
    private int total;

    /// <exception cref="ArgumentException">A directory in <paramref name="options"/> is not absolute.</exception>
    public SarifCollector(SarifOptions options, RuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        this.options = options;
        this.catalog = catalog;
        ruleIndex = SarifWriter.RuleIndex(catalog);
        uris = new ArtifactUris(options.SourceRoot, options.WorkingDirectory);
        capacity = options.Limits?.MaxResults ?? int.MaxValue;
    }

    /// <summary>The next finding in report order; suppressed ones count for fingerprints, and are kept only with <see cref="SarifOptions.IncludeSuppressed"/>.</summary>
    /// <exception cref="ArgumentException">The finding's rule is not in the catalog.</exception>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var fingerprint = fingerprints.Next(diagnostic);
        if (diagnostic.Suppression is not null && !options.IncludeSuppressed)
        {
            return;
        }

        total++;
        var index = SarifWriter.IndexOf(ruleIndex, diagnostic);

        // The queue dequeues its smallest priority: the least severe, latest finding is the first to go.
        var priority = (-SarifLimits.Rank(diagnostic.Severity.ToName()), -order);
        order++;
        if (kept.Count >= capacity && (capacity == 0 || (kept.TryPeek(out _, out var first) && priority.CompareTo(first) < 0)))
        {
            return;
        }

        var result = SarifWriter.ToResult(diagnostic, index, fingerprint, uris, options);
        kept.Enqueue(new Kept(Serialize(result), result.Level, -priority.Item2, SarifWriter.ToNotification(diagnostic, index, uris)), priority);
        if (kept.Count > capacity)
        {
            kept.Dequeue();
        }
    }

    /// <summary>
    /// Writes the log of what was kept (indented UTF-8 JSON, '\n' line ends, a final newline), the baseline's absent
    /// results last, within the limits; returns how many results were left out.
    /// </summary>
    /// <param name="executionSuccessful">False only when the tool itself failed, never because of findings.</param>
    public int Write(Stream output, bool executionSuccessful = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        var results = kept.UnorderedItems.Select(i => i.Element).OrderBy(k => k.Order).ToList();
        var notifications = results.Select(r => r.Notification).OfType<Notification>().ToList();
        var absentOrder = order;
        results.AddRange(SarifWriter.AbsentResults(ruleIndex, options).Select(r => new Kept(Serialize(r), r.Level, absentOrder++, null)));
        var omittedBefore = total - kept.Count;
        var shell = SarifWriter.Shell(catalog, options, uris, executionSuccessful, notifications);

        var chosen = results;
        if (options.Limits is { } limits)
        {
            var ranked = results.OrderBy(r => SarifLimits.Rank(r.Level)).ThenBy(r => r.Order).ToList();
            var keep = limits.Fit(results.Count, keep => limits.GzippedSize(stream => WriteLog(stream, Limited(ranked, keep), Omitted(limits, shell, results.Count, keep, omittedBefore))));
            chosen = Limited(ranked, keep);
            shell = Omitted(limits, shell, results.Count, keep, omittedBefore);
        }

        WriteLog(output, chosen, shell);
        return results.Count - chosen.Count + omittedBefore;
    }

    /// <summary>The <paramref name="keep"/> most severe of <paramref name="ranked"/>, back in report order.</summary>
    private static List<Kept> Limited(List<Kept> ranked, int keep) => [.. ranked.Take(keep).OrderBy(r => r.Order)];

    /// <summary>The run's invocation and properties saying how many results were left out, when any were.</summary>
    private static Run Omitted(SarifLimits limits, Run shell, int count, int keep, int omittedBefore)
    {
        var omitted = count - keep + omittedBefore;
        if (omitted == 0)
        {
            return shell;
        }

        var invocation = shell.Invocations![0];
        return shell with
        {
            Invocations = [invocation with { ToolExecutionNotifications = [.. invocation.ToolExecutionNotifications ?? [], limits.OmittedNotification(omitted, count + omittedBefore)] }],
            Properties = new PropertyBag { [SarifLimits.OmittedResultsProperty] = JsonValue.Create(omitted) },
        };
    }

    /// <summary>The log, property by property in the order of <see cref="SarifLog"/> and <see cref="Run"/>, the results as kept.</summary>
    private static void WriteLog(Stream stream, List<Kept> results, Run shell)
    {
        // The writer fills a buffer that is copied to the stream by hand: Utf8JsonWriter.Flush would also flush the
        // stream, and a flushed GZipStream (the byte cap's size) compresses differently from one written at once.
        var pending = new ArrayBufferWriter<byte>(1 << 17);
        var element = new ArrayBufferWriter<byte>(1 << 12);
        using (var json = new Utf8JsonWriter(pending, new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = SarifWriter.IndentedOptions.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SarifLog.SchemaUri);
            json.WriteString("version", SarifLog.SarifVersion);
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WritePropertyName("tool");
            JsonSerializer.Serialize(json, shell.Tool, IndentedTool);
            if (shell.Invocations is { } invocations)
            {
                json.WritePropertyName("invocations");
                JsonSerializer.Serialize(json, invocations, IndentedInvocations);
            }

            if (shell.OriginalUriBaseIds is { } baseIds)
            {
                json.WritePropertyName("originalUriBaseIds");
                JsonSerializer.Serialize(json, baseIds, IndentedBaseIds);
            }

            if (shell.ColumnKind is { } columnKind)
            {
                json.WriteString("columnKind", columnKind);
            }

            json.WriteStartArray("results");
            foreach (var result in results)
            {
                element.ResetWrittenCount();
                IndentedJson.WriteElement(result.Json, ResultDepth, element);
                json.WriteRawValue(element.WrittenSpan, skipInputValidation: true);
                if (json.BytesPending + pending.WrittenCount > 1 << 16)
                {
                    json.Flush();
                    stream.Write(pending.WrittenSpan);
                    pending.ResetWrittenCount();
                }
            }

            json.WriteEndArray();
            if (shell.Properties is { } properties)
            {
                json.WritePropertyName("properties");
                JsonSerializer.Serialize(json, properties, IndentedProperties);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.Write(pending.WrittenSpan);
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    /// <summary>A result as compact UTF-8 JSON, in an array of its own size.</summary>
    private byte[] Serialize(Result result)
    {
        scratch.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(scratch, new JsonWriterOptions { Encoder = SarifWriter.CompactOptions.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(json, result, CompactResult);
        }

        return scratch.WrittenSpan.ToArray();
    }

    /// <summary>One kept result: its compact JSON, its level (for the byte cap's ranking), its place in report order, its notification.</summary>
    private sealed record Kept(byte[] Json, string? Level, long Order, Notification? Notification);
}
