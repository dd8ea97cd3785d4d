using System.Text;
using System.Text.Json;

namespace ManifestLint.Usage.Reading;

/// <summary>The formats a usage file can be in; told apart by content, never by the file name.</summary>
internal enum UsageFormat
{
    Prometheus,
    Kubernetes,
    Csv,
}

/// <summary>
/// Reads one usage file of any format into the records: JSON whose first key is a Prometheus response's
/// (<c>status</c>, <c>data</c>) is streamed (<see cref="PrometheusResponseReader"/>); JSON or YAML Kubernetes objects are
/// VPAs (<see cref="VpaReader"/>); text whose first line has commas is the CSV (<see cref="CsvUsageReader"/>).
/// Anything else, and a file that cannot be read, is a <see cref="UsageFileException"/>.
/// </summary>
internal static class UsageFileReader
{
    private const int Peek = 4096;
    private static readonly string[] PrometheusKeys = ["status", "data", "error", "errorType", "warnings", "infos"];
    private static readonly string[] KubernetesKeys = ["apiVersion", "kind", "items", "metadata"];

    public static void Read(UsageFile file, UsageRecords into)
    {
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            Read(stream, file.Path, file.Role, into);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageFileException(file.Path, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Reads from a seekable stream (a file, or text in tests and rule pages).</summary>
    public static void Read(Stream stream, string path, string? role, UsageRecords into)
    {
        var head = new byte[Peek];
        var length = 0;
        int n;
        while (length < head.Length && (n = stream.Read(head, length, head.Length - length)) > 0)
        {
            length += n;
        }

        var format = Detect(head.AsSpan(0, length), length < Peek, path);
        if (role is not null && format != UsageFormat.Prometheus)
        {
            throw new UsageFileException(path, $"{role}= is for Prometheus instant-query vectors (quantile_over_time); this file is {(format == UsageFormat.Csv ? "a CSV" : "Kubernetes YAML")}: give it as --usage FILE.");
        }

        stream.Position = 0;
        switch (format)
        {
            case UsageFormat.Prometheus:
                PrometheusResponseReader.Read(stream, path, role, into);
                break;
            case UsageFormat.Kubernetes:
                VpaReader.Read(ReadAll(stream), path, into);
                break;
            default:
                if (!TryDecode(ReadAll(stream), out var text))
                {
                    throw new UsageFileException(path, "not a usage export: the text is not UTF-8.");
                }

                CsvUsageReader.Read(text, path, into);
                break;
        }
    }

    internal static UsageFormat Detect(ReadOnlySpan<byte> head, bool whole, string path)
    {
        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == text.Length)
        {
            throw new UsageFileException(path, "the file is empty.");
        }

        if (text.IndexOf((byte)0) >= 0)
        {
            throw new UsageFileException(path, "not a usage export: the file is binary.");
        }

        if (text[start] == (byte)'{')
        {
            return FirstKey(text[start..], whole) switch
            {
                { } key when KubernetesKeys.Contains(key, StringComparer.Ordinal) => UsageFormat.Kubernetes,
                { } key when !PrometheusKeys.Contains(key, StringComparer.Ordinal) => throw new UsageFileException(path, $"not a usage export: a JSON object starting with \"{key}\" (expected a Prometheus API response with \"status\" and \"data\", or Kubernetes objects)."),
                _ => UsageFormat.Prometheus, // a Prometheus key, or JSON too broken to tell: the streaming reader says where it breaks
            };
        }

        if (text[start] == (byte)'[')
        {
            throw new UsageFileException(path, "not a usage export: a JSON list (expected a Prometheus API response object, as curl writes it).");
        }

        var firstLine = text[start..];
        var end = firstLine.IndexOf((byte)'\n');
        firstLine = end >= 0 ? firstLine[..end] : firstLine;
        if (firstLine.IndexOf((byte)',') >= 0 && firstLine.IndexOf((byte)':') < 0)
        {
            return UsageFormat.Csv;
        }

        if (text.IndexOf("kind:"u8) >= 0 || text.IndexOf("apiVersion:"u8) >= 0)
        {
            return UsageFormat.Kubernetes;
        }

        throw new UsageFileException(path, "not a usage export: expected a Prometheus query response (JSON), VerticalPodAutoscaler objects (YAML or JSON) or a CSV namespace,workload,container,p95,p99[,max].");
    }

    /// <summary>The first property name of a JSON object, or null when the head is too short or broken to say.</summary>
    private static string? FirstKey(ReadOnlySpan<byte> json, bool whole)
    {
        try
        {
            var reader = new Utf8JsonReader(json, whole, default);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    return reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static bool TryDecode(byte[] bytes, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }
}
