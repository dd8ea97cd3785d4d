using System.IO.Compression;
using System.Text.Json.Nodes;
using ManifestLint.Sarif.Model;

namespace ManifestLint.Sarif;

/// <summary>
/// The most a run may hold. GitHub code scanning rejects a run with more than 25,000 results and a file larger than
/// 10 MB gzipped (docs.github.com: "SARIF results exceed hard limit", "SARIF file is too large"). Beyond either, the
/// writer keeps the most severe results (errors, then warnings, then notes; in their order within a level), leaves
/// the rest out, and says so in a warning notification of the run and in its <see cref="OmittedResultsProperty"/>.
/// </summary>
/// <param name="MaxGzippedBytes">10 MB read as 10,000,000 bytes, the stricter reading.</param>
public sealed record SarifLimits(int MaxResults, long MaxGzippedBytes)
{
    /// <summary>The run property holding how many results were left out, when any were.</summary>
    public const string OmittedResultsProperty = "omittedResults";

    public static SarifLimits GitHub { get; } = new(25_000, 10_000_000);

    /// <summary>How many results <paramref name="log"/>'s first run left out for the limits (0 when none).</summary>
    public static int OmittedResults(SarifLog log) =>
        log.Runs is [{ Properties: { } properties }, ..] && properties.TryGetValue(OmittedResultsProperty, out var value) && value is JsonValue number
            ? number.GetValue<int>()
            : 0;

    /// <summary>The log with at most <see cref="MaxResults"/> results per run and at most <see cref="MaxGzippedBytes"/> gzipped.</summary>
    /// <param name="omittedBefore">Results already left out before the log was built (see <see cref="SarifCollector"/>).</param>
    internal SarifLog Apply(SarifLog log, int omittedBefore = 0)
    {
        var run = log.Runs[0];
        var ranked = run.Results
            .Select((r, i) => (Rank: Rank(r.Level), Index: i))
            .OrderBy(r => r.Rank)
            .ThenBy(r => r.Index)
            .Select(r => r.Index)
            .ToList();
        var limited = log;
        Fit(run.Results.Count, keep =>
        {
            limited = keep == run.Results.Count && omittedBefore == 0 ? log : Keep(log, ranked.Take(keep), run.Results.Count - keep + omittedBefore, run.Results.Count + omittedBefore);
            return GzippedSize(stream => SarifWriter.Write(limited, stream));
        });
        return limited;
    }

    /// <summary>
    /// How many of <paramref name="count"/> results, the most severe first, a run may keep: at most
    /// <see cref="MaxResults"/>, then fewer until <paramref name="sizeKeeping"/> (the gzipped size of the log keeping
    /// that many) is within <see cref="MaxGzippedBytes"/>. The last call of <paramref name="sizeKeeping"/> was with the
    /// answer.
    /// </summary>
    internal int Fit(int count, Func<int, long> sizeKeeping)
    {
        var keep = Math.Min(count, MaxResults);
        while (true)
        {
            var size = sizeKeeping(keep);
            if (size <= MaxGzippedBytes || keep == 0)
            {
                return keep;
            }

            // Shrink in proportion to the excess, with a margin, and always by at least one result.
            keep = Math.Min(keep - 1, (int)(keep * (MaxGzippedBytes / (double)size) * 0.95));
            keep = Math.Max(0, keep);
        }
    }

    /// <summary>The warning notification of a run that left <paramref name="omitted"/> of <paramref name="total"/> results out.</summary>
    internal Notification OmittedNotification(int omitted, int total) => new()
    {
        Level = "warning",
        Message = new Message
        {
            Text = $"{omitted} of {total} results were left out of this run to stay within GitHub code scanning's limits "
                + $"({MaxResults:N0} results and {MaxGzippedBytes / 1_000_000.0:0.#} MB gzipped per run). The most severe were kept: errors, then warnings, then notes. "
                + "Lint fewer files per run, or fix or configure rules, to see the rest.",
        },
    };

    private SarifLog Keep(SarifLog log, IEnumerable<int> indices, int omitted, int total)
    {
        var run = log.Runs[0];
        var kept = new SortedSet<int>(indices);
        var notification = OmittedNotification(omitted, total);
        var invocation = run.Invocations is [var first, ..] ? first : new Invocation { ExecutionSuccessful = true };
        invocation = invocation with { ToolExecutionNotifications = [.. invocation.ToolExecutionNotifications ?? [], notification] };
        var properties = new PropertyBag();
        foreach (var (key, value) in run.Properties ?? [])
        {
            properties.Add(key, value?.DeepClone());
        }

        properties[OmittedResultsProperty] = JsonValue.Create(omitted);
        var limited = run with
        {
            Results = [.. kept.Select(i => run.Results[i])],
            Invocations = [invocation, .. (run.Invocations ?? []).Skip(1)],
            Properties = properties,
        };
        return log with { Runs = [limited, .. log.Runs.Skip(1)] };
    }

    internal static int Rank(string? level) => level switch
    {
        "error" => 0,
        "warning" => 1,
        "note" => 2,
        _ => 3,
    };

    /// <summary>The gzipped size of what <paramref name="write"/> writes (its plain size when that is within the cap already).</summary>
    internal long GzippedSize(Action<Stream> write)
    {
        // JSON never grows under gzip: a log whose plain text fits needs no compressing to know it fits.
        var plain = new CountingStream();
        write(plain);
        if (plain.Length <= MaxGzippedBytes)
        {
            return plain.Length;
        }

        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
        {
            write(gzip);
        }

        return counter.Length;
    }

    /// <summary>A write-only stream that only counts the bytes written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
    }
}
