using System.IO.Compression;

namespace ManifestLint.Sarif;

/// <summary>
/// Byte records kept deflate-compressed in memory, in the order they were appended, each with its place in report
/// order. Only the last record can be dropped, and once one was, nothing more is appended: the kept records are
/// always a prefix of the appended ones. That is the shape of one severity level of <see cref="SarifCollector"/>
/// (a full collector drops the latest result of the least severe level), and it lets 25,000 results of SARIF JSON
/// (about 23 MB) sit in a few MB. Written by hand: no library keeps compressed records that can be truncated.
/// </summary>
internal sealed class CompressedRecords : IDisposable
{
    private readonly ChunkedBuffer store = new();
    private readonly List<int> lengths = [];
    private readonly List<long> orders = [];
    private DeflateStream? deflate;
    private bool finished;

    /// <summary>How many records are kept: the first <see cref="Count"/> appended.</summary>
    public int Count { get; private set; }

    /// <summary>The report order of the last kept record (-1 when none is).</summary>
    public long LastOrder => Count == 0 ? -1 : orders[Count - 1];

    public void Append(ReadOnlySpan<byte> record, long order)
    {
        if (finished || Count != lengths.Count)
        {
            throw new InvalidOperationException("Records are appended only before any was dropped and before reading.");
        }

        deflate ??= new DeflateStream(store, CompressionLevel.Fastest, leaveOpen: true);
        deflate.Write(record);
        lengths.Add(record.Length);
        orders.Add(order);
        Count++;
    }

    /// <summary>Drops the last kept record.</summary>
    public void DropLast()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No record is kept.");
        }

        Count--;
    }

    /// <summary>Reads the first <paramref name="count"/> kept records (any number of times, once appending is over).</summary>
    public Reader Read(int count)
    {
        if (!finished)
        {
            deflate?.Dispose();
            deflate = null;
            finished = true;
        }

        return new Reader(this, Math.Min(count, Count));
    }

    public void Dispose()
    {
        deflate?.Dispose();
        store.Dispose();
    }

    /// <summary>Decompresses records one after the other; <see cref="Current"/> is valid until the next <see cref="MoveNext"/>.</summary>
    public sealed class Reader : IDisposable
    {
        private readonly CompressedRecords records;
        private readonly int count;
        private readonly DeflateStream? inflate;
        private byte[] buffer = [];
        private int index = -1;

        internal Reader(CompressedRecords records, int count)
        {
            this.records = records;
            this.count = count;
            inflate = count == 0 ? null : new DeflateStream(records.store.OpenRead(), CompressionMode.Decompress);
        }

        public ReadOnlySpan<byte> Current => buffer.AsSpan(0, records.lengths[index]);

        public long Order => records.orders[index];

        /// <summary>The report order of the next record, or <see cref="long.MaxValue"/> when there is none.</summary>
        public long NextOrder => index + 1 < count ? records.orders[index + 1] : long.MaxValue;

        public bool MoveNext()
        {
            if (index + 1 >= count)
            {
                return false;
            }

            index++;
            var length = records.lengths[index];
            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, buffer.Length * 2)];
            }

            inflate!.ReadExactly(buffer, 0, length);
            return true;
        }

        public void Dispose() => inflate?.Dispose();
    }
}
