using System.Buffers;

namespace ManifestLint.Sarif;

/// <summary>
/// Indents compact JSON (as <see cref="System.Text.Json.Utf8JsonWriter"/> writes it without indentation: no whitespace
/// outside strings) exactly as an indenting writer (two spaces, '\n') would have written it at a given depth, so a
/// value serialized compactly and kept in memory can later be written into an indented document unchanged
/// (<see cref="System.Text.Json.Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/> adds no line break or
/// indentation of its own). Written by hand: System.Text.Json can only re-indent by parsing and re-writing.
/// </summary>
internal static class IndentedJson
{
    private const int IndentSize = 2;

    /// <summary>
    /// Writes '\n', the indentation of <paramref name="depth"/>, and <paramref name="compact"/> indented as if it were
    /// an element at that depth (what an indenting writer puts after the comma or the opening bracket).
    /// </summary>
    public static void WriteElement(ReadOnlySpan<byte> compact, int depth, IBufferWriter<byte> output)
    {
        var size = Length(compact, depth);
        var span = output.GetSpan(size);
        var at = 0;
        NewLine(span, ref at, depth);
        var inString = false;
        for (var i = 0; i < compact.Length; i++)
        {
            var b = compact[i];
            if (inString)
            {
                span[at++] = b;
                if (b == (byte)'\\')
                {
                    span[at++] = compact[++i];
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    span[at++] = b;
                    break;
                case (byte)'{' or (byte)'[':
                    span[at++] = b;
                    if (i + 1 < compact.Length && compact[i + 1] is (byte)'}' or (byte)']')
                    {
                        span[at++] = compact[++i];
                    }
                    else
                    {
                        NewLine(span, ref at, ++depth);
                    }

                    break;
                case (byte)'}' or (byte)']':
                    NewLine(span, ref at, --depth);
                    span[at++] = b;
                    break;
                case (byte)',':
                    span[at++] = b;
                    NewLine(span, ref at, depth);
                    break;
                case (byte)':':
                    span[at++] = b;
                    span[at++] = (byte)' ';
                    break;
                default:
                    span[at++] = b;
                    break;
            }
        }

        output.Advance(at);
    }

    /// <summary>How many bytes <see cref="WriteElement"/> writes.</summary>
    public static int Length(ReadOnlySpan<byte> compact, int depth)
    {
        var length = 1 + (depth * IndentSize);
        var inString = false;
        for (var i = 0; i < compact.Length; i++)
        {
            var b = compact[i];
            length++;
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    length++;
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    if (i + 1 < compact.Length && compact[i + 1] is (byte)'}' or (byte)']')
                    {
                        length++;
                        i++;
                    }
                    else
                    {
                        length += 1 + (++depth * IndentSize);
                    }

                    break;
                case (byte)'}' or (byte)']':
                    length += 1 + (--depth * IndentSize);
                    break;
                case (byte)',':
                    length += 1 + (depth * IndentSize);
                    break;
                case (byte)':':
                    length++;
                    break;
            }
        }

        return length;
    }

    private static void NewLine(Span<byte> span, ref int at, int depth)
    {
        span[at++] = (byte)'\n';
        span.Slice(at, depth * IndentSize).Fill((byte)' ');
        at += depth * IndentSize;
    }
}
