using System.Text;

namespace ManifestLint.Cli.Output;

/// <summary>
/// A write-only stream that decodes the UTF-8 written to it onto a <see cref="TextWriter"/> as it comes, so a JSON or
/// SARIF report bound for standard output (a <see cref="TextWriter"/>, which tests replace) needs no copy of itself
/// in memory: a log of 6,700 findings is 13 MB of UTF-8, and 26 MB more as one string.
/// </summary>
public sealed class Utf8TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();
    private char[] chars = new char[4096];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // Sized by the bound, not by counting: counting would decode every byte twice. (+1: a character held over from
        // the previous write.)
        var needed = Encoding.UTF8.GetMaxCharCount(buffer.Length) + 1;
        if (needed > chars.Length)
        {
            chars = new char[needed];
        }

        var decoded = decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, decoded);
    }

    /// <remarks>
    /// The serializer may flush between any two bytes, so a character cut in two stays in the decoder until its
    /// second half comes; complete JSON never ends inside one.
    /// </remarks>
    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
