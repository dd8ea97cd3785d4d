namespace ManifestLint.Sarif;

/// <summary>
/// An append-only in-memory stream kept in 64 KB chunks, read back any number of times with <see cref="OpenRead"/>.
/// Unlike a <see cref="MemoryStream"/> it never copies what it holds to grow, and its chunks stay below the
/// large-object threshold, so growing leaves no large garbage behind for a full collection to find (a lint's peak
/// memory is what this is about). Written by hand: the framework has no such stream.
/// </summary>
internal sealed class ChunkedBuffer : Stream
{
    private const int ChunkSize = 1 << 16;
    private readonly List<byte[]> chunks = [];
    private long length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var at = (int)(length % ChunkSize);
            if (at == 0 && length / ChunkSize == chunks.Count)
            {
                chunks.Add(new byte[ChunkSize]);
            }

            var n = Math.Min(buffer.Length, ChunkSize - at);
            buffer[..n].CopyTo(chunks[(int)(length / ChunkSize)].AsSpan(at));
            buffer = buffer[n..];
            length += n;
        }
    }

    public override void Flush()
    {
    }

    /// <summary>A stream reading what was written so far, from the start.</summary>
    public Stream OpenRead() => new Reader(this);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private sealed class Reader(ChunkedBuffer source) : Stream
    {
        private readonly long end = source.length;
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => end;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position >= end || buffer.Length == 0)
            {
                return 0;
            }

            var at = (int)(position % ChunkSize);
            var n = (int)Math.Min(Math.Min(buffer.Length, ChunkSize - at), end - position);
            source.chunks[(int)(position / ChunkSize)].AsSpan(at, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
