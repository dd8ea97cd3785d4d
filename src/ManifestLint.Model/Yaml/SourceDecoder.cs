using System.Text;
using ManifestLint.Model.Problems;
using ManifestLint.Model.Source;

namespace ManifestLint.Model.Yaml;

/// <summary>
/// Turns file bytes into text the way YAML 1.2 asks: a byte order mark picks UTF-8, UTF-16 or UTF-32,
/// otherwise the file must be valid UTF-8. Binary files and invalid bytes become a problem with a line.
/// </summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(string path, ReadOnlySpan<byte> bytes, out string text, out ModelProblem? problem)
    {
        problem = null;
        var (encoding, bomLength) = DetectByteOrderMark(bytes);
        var body = bytes[bomLength..];
        if (encoding is null)
        {
            var nul = body.IndexOf((byte)0);
            if (nul >= 0)
            {
                text = string.Empty;
                problem = new ModelProblem(ModelProblemKind.InvalidYaml,
                    $"The file is not text: it contains a NUL byte at byte offset {nul + bomLength}.", AtByte(path, body, nul));
                return false;
            }

            encoding = StrictUtf8;
        }

        try
        {
            text = encoding.GetString(body);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            var index = Math.Max(0, e.Index);
            text = string.Empty;
            problem = new ModelProblem(ModelProblemKind.InvalidYaml,
                $"The file is not valid {encoding.WebName.ToUpperInvariant()}: invalid byte sequence at byte offset {index + bomLength}.",
                AtByte(path, body, index));
            return false;
        }
    }

    private static (Encoding? Encoding, int BomLength) DetectByteOrderMark(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, 3);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return (null, 0);
    }

    /// <summary>The line and column of a byte offset, counted on the raw bytes (exact for UTF-8 up to the bad byte).</summary>
    private static SourceSpan AtByte(string path, ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..Math.Min(offset, bytes.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        var column = offset - lastNewline;
        return new SourceSpan(path, line, column, line, column + 1);
    }
}
