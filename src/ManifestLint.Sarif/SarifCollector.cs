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
/// (errors, then warnings, then notes; the earlier within a level): when full, the latest result of the least severe
/// level goes, and a finding that would itself be that one is never serialized. Each kept result is held as its
/// compact UTF-8 JSON, deflated, one stream per level (<see cref="CompressedRecords"/>): the kept results of a level
/// are always the first ones it received. <see cref="Write"/> sizes the log for the byte cap (<see cref="SarifLimits"/>)
/// by writing it to a byte counter, and then writes it, indented, straight to the output: the same bytes
/// <see cref="SarifWriter.Build(Engine.Analysis.AnalysisResult, RuleCatalog, SarifOptions, bool)"/> and
/// <see cref="SarifWriter.Write"/> give for the same findings. Without limits, every finding is kept.
/// </summary>
public sealed class SarifCollector : IDisposable
{
    /// <summary>Levels by rank (<see cref="SarifLimits.Rank"/>): error, warning, note, anything else.</summary>
    private const int Levels = 4;

    private static readonly JsonTypeInfo<Result> CompactResult = (JsonTypeInfo<Result>)SarifWriter.CompactOptions.GetTypeInfo(typeof(Result));
    private static readonly JsonTypeInfo<Notification> CompactNotification = (JsonTypeInfo<Notification>)SarifWriter.CompactOptions.GetTypeInfo(typeof(Notification));
    private static readonly JsonTypeInfo<Tool> IndentedTool = (JsonTypeInfo<Tool>)SarifWriter.IndentedOptions.GetTypeInfo(typeof(Tool));
    private static readonly JsonTypeInfo<IReadOnlyDictionary<string, ArtifactLocation>> IndentedBaseIds = (JsonTypeInfo<IReadOnlyDictionary<string, ArtifactLocation>>)SarifWriter.IndentedOptions.GetTypeInfo(typeof(IReadOnlyDictionary<string, ArtifactLocation>));
    private static readonly JsonTypeInfo<PropertyBag> IndentedProperties = (JsonTypeInfo<PropertyBag>)SarifWriter.IndentedOptions.GetTypeInfo(typeof(PropertyBag));

    private readonly SarifOptions options;
    private readonly RuleCatalog catalog;
    private readonly Dictionary<string, int> ruleIndex;
    private readonly ArtifactUris uris;
    private readonly ResultFingerprints.Counter fingerprints = new();
    private readonly CompressedRecords[] results = [.. Enumerable.Range(0, Levels).Select(_ => new CompressedRecords())];
    private readonly CompressedRecords[] notifications = [.. Enumerable.Range(0, Levels).Select(_ => new CompressedRecords())];
    private readonly int capacity;
    private readonly ArrayBufferWriter<byte> scratch = new(4096);
    private int kept;
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
        var level = diagnostic.Severity.ToName();
        var rank = SarifLimits.Rank(level);
        var at = order++;
        if (kept >= capacity)
        {
            // Full: the latest result of the least severe level goes, and this one is the latest of all.
            var least = Array.FindLastIndex(results, r => r.Count > 0);
            if (least <= rank)
            {
                return;
            }

            results[least].DropLast();
            kept--;
        }

        results[rank].Append(Serialize(SarifWriter.ToResult(diagnostic, index, fingerprint, uris, options), CompactResult), at);
        kept++;
        if (SarifWriter.ToNotification(diagnostic, index, uris) is { } notification)
        {
            notifications[rank].Append(Serialize(notification, CompactNotification), at);
        }
    }

    /// <summary>
    /// Writes the log of what was kept (indented UTF-8 JSON, '\n' line ends, a final newline), the baseline's absent
    /// results last, within the limits; returns how many results were left out. Once only.
    /// </summary>
    /// <param name="executionSuccessful">False only when the tool itself failed, never because of findings.</param>
    public int Write(Stream output, bool executionSuccessful = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        var absent = SarifWriter.AbsentResults(ruleIndex, options).Select(r => (Json: Serialize(r, CompactResult), Rank: SarifLimits.Rank(r.Level))).ToList();
        var available = new int[Levels];
        for (var rank = 0; rank < Levels; rank++)
        {
            available[rank] = results[rank].Count + absent.Count(a => a.Rank == rank);
        }

        var count = kept + absent.Count;
        var omittedBefore = total - kept;
        var shell = SarifWriter.Shell(catalog, options, uris, executionSuccessful, []);
        var keep = count;
        if (options.Limits is { } limits)
        {
            keep = limits.Fit(count, k => limits.GzippedSize(stream => WriteLog(stream, Take(available, k), absent, shell, Omitted(limits, count, k, omittedBefore))));
        }

        var omitted = Omitted(options.Limits, count, keep, omittedBefore);
        WriteLog(output, Take(available, keep), absent, shell, omitted);
        Dispose();
        return count - keep + omittedBefore;
    }

    public void Dispose()
    {
        foreach (var records in results.Concat(notifications))
        {
            records.Dispose();
        }
    }

    /// <summary>How many of each level the <paramref name="keep"/> most severe results take.</summary>
    private static int[] Take(int[] available, int keep)
    {
        var take = new int[Levels];
        for (var rank = 0; rank < Levels; rank++)
        {
            take[rank] = Math.Min(available[rank], keep);
            keep -= take[rank];
        }

        return take;
    }

    /// <summary>The notification and the count saying how many results were left out; null when none were.</summary>
    private static (Notification Notification, int Omitted)? Omitted(SarifLimits? limits, int count, int keep, int omittedBefore)
    {
        var omitted = count - keep + omittedBefore;
        return omitted == 0 || limits is null ? null : (limits.OmittedNotification(omitted, count + omittedBefore), omitted);
    }

    /// <summary>The log, property by property in the order of <see cref="SarifLog"/> and <see cref="Run"/>; results and notifications merged back into report order.</summary>
    private void WriteLog(Stream stream, int[] take, List<(byte[] Json, int Rank)> absent, Run shell, (Notification Notification, int Omitted)? omitted)
    {
        // The writer fills a buffer that is copied to the stream by hand: Utf8JsonWriter.Flush would also flush the
        // stream, and a flushed GZipStream (the byte cap's size) compresses differently from one written at once.
        var pending = new ArrayBufferWriter<byte>(1 << 17);
        var element = new ArrayBufferWriter<byte>(1 << 12);
        using (var json = new Utf8JsonWriter(pending, new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = SarifWriter.IndentedOptions.Encoder }))
        {
            void WriteRaw(ReadOnlySpan<byte> compact)
            {
                element.ResetWrittenCount();
                IndentedJson.WriteElement(compact, json.CurrentDepth, element);
                json.WriteRawValue(element.WrittenSpan, skipInputValidation: true);
                if (json.BytesPending + pending.WrittenCount > 1 << 16)
                {
                    json.Flush();
                    stream.Write(pending.WrittenSpan);
                    pending.ResetWrittenCount();
                }
            }

            json.WriteStartObject();
            json.WriteString("$schema", SarifLog.SchemaUri);
            json.WriteString("version", SarifLog.SarifVersion);
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WritePropertyName("tool");
            JsonSerializer.Serialize(json, shell.Tool, IndentedTool);

            // The notifications are those of every result the collector kept, whether the byte cap keeps it or not.
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", shell.Invocations![0].ExecutionSuccessful);
            var anyNotification = false;
            Merge(notifications, [.. notifications.Select(n => n.Count)], results, notification =>
            {
                if (!anyNotification)
                {
                    json.WriteStartArray("toolExecutionNotifications");
                    anyNotification = true;
                }

                WriteRaw(notification);
            });

            if (omitted is { } left)
            {
                if (!anyNotification)
                {
                    json.WriteStartArray("toolExecutionNotifications");
                    anyNotification = true;
                }

                WriteRaw(Serialize(left.Notification, CompactNotification));
            }

            if (anyNotification)
            {
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WritePropertyName("originalUriBaseIds");
            JsonSerializer.Serialize(json, shell.OriginalUriBaseIds!, IndentedBaseIds);
            json.WriteString("columnKind", shell.ColumnKind);

            json.WriteStartArray("results");
            Merge(results, [.. take.Select((t, rank) => Math.Min(t, results[rank].Count))], null, WriteRaw);

            var absentTaken = new int[Levels];
            foreach (var (result, rank) in absent)
            {
                if (results[rank].Count + absentTaken[rank]++ < take[rank])
                {
                    WriteRaw(result);
                }
            }

            json.WriteEndArray();
            if (omitted is { } count)
            {
                json.WritePropertyName("properties");
                JsonSerializer.Serialize(json, new PropertyBag { [SarifLimits.OmittedResultsProperty] = JsonValue.Create(count.Omitted) }, IndentedProperties);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.Write(pending.WrittenSpan);
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    /// <summary>
    /// The first <paramref name="take"/> records of each level, merged by report order. With <paramref name="owners"/>
    /// (the results, for their notifications), a level's records stop at the order of its last kept result.
    /// </summary>
    private static void Merge(CompressedRecords[] levels, int[] take, CompressedRecords[]? owners, RecordAction action)
    {
        var readers = levels.Select((records, rank) => records.Read(take[rank])).ToArray();
        try
        {
            while (true)
            {
                var next = -1;
                for (var rank = 0; rank < Levels; rank++)
                {
                    var order = readers[rank].NextOrder;
                    if (order != long.MaxValue && (owners is null || order <= owners[rank].LastOrder) && (next < 0 || order < readers[next].NextOrder))
                    {
                        next = rank;
                    }
                }

                if (next < 0)
                {
                    return;
                }

                readers[next].MoveNext();
                action(readers[next].Current);
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private delegate void RecordAction(ReadOnlySpan<byte> record);

    /// <summary>A value as compact UTF-8 JSON.</summary>
    private byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        scratch.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(scratch, new JsonWriterOptions { Encoder = SarifWriter.CompactOptions.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(json, value, typeInfo);
        }

        return scratch.WrittenSpan.ToArray();
    }
}
