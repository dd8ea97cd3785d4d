using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ManifestLint.Usage.Statistics;

namespace ManifestLint.Usage.Reading;

/// <summary>
/// Reads a Prometheus HTTP API response (<c>/api/v1/query_range</c> matrix or <c>/api/v1/query</c> vector) token by
/// token with <see cref="Utf8JsonReader"/> over a small buffer, so a 100 MB export costs its usable values (8 bytes a
/// sample) and not its text. Each series is finished when its object closes: its leak test is computed then, from the
/// times held for that one series, and only its values are kept.
/// <para>
/// Paths understood (any key order inside an object): <c>status</c>, <c>error</c>, <c>errorType</c>,
/// <c>data.resultType</c>, <c>data.result[].metric.*</c>, <c>data.result[].values[][t, v]</c> (matrix) and
/// <c>data.result[].value[t, v]</c> (vector). Values are strings as Prometheus writes them, or numbers; NaN, ±Inf,
/// negative and unparsable values are dropped and counted.
/// </para>
/// <para>
/// The methods that run per token or per sample are compiled optimized at once (AggressiveOptimization; also in
/// Statistics): a lint reaches them after startup has queued hundreds of methods for the background tier-1 compiler,
/// and until it got to them they ran unoptimized over most of a 100 MB export (RESULTS.md, issue 19, session 5).
/// </para>
/// </summary>
internal sealed class PrometheusResponseReader
{
    private const string WorkingSet = "container_memory_working_set_bytes";
    private const int MaxDepth = 16;

    private readonly string path;
    private readonly string? role;
    private readonly UsageRecords into;
    private readonly string?[] names = new string?[MaxDepth];
    private string? status;
    private string? error;
    private string? errorType;
    private string? resultType;
    private bool sawResult;

    // The series being read.
    private bool inSeries;
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private double[] times = new double[1024];
    private double[] values = new double[1024];
    private int count;
    private long dropped;
    private int pairIndex;
    private double pairTime;
    private bool pairTimeValid;
    private bool sawMatrixPair;
    private bool sawVectorPair;
    private long seriesDroppedTotal;

    /// <summary>Whether <see cref="Pairs"/> is used (tests turn it off to compare with the reader alone).</summary>
    private readonly bool fastPairs;

    private PrometheusResponseReader(string path, string? role, UsageRecords into, bool fastPairs)
    {
        this.path = path;
        this.role = role;
        this.into = into;
        this.fastPairs = fastPairs;
    }

    /// <summary>Reads the response into <paramref name="into"/>; throws <see cref="UsageFileException"/> naming what is wrong.</summary>
    /// <param name="fastPairs">False: every token through the JSON reader (tests compare the two).</param>
    public static void Read(Stream stream, string path, string? role, UsageRecords into, bool fastPairs = true)
    {
        var reader = new PrometheusResponseReader(path, role, into, fastPairs);
        reader.ReadAll(stream);
        reader.Finish();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadAll(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 });
            var filled = 0;
            var final = false;
            while (true)
            {
                if (!final)
                {
                    var n = stream.Read(buffer, filled, buffer.Length - filled);
                    final = n == 0;
                    filled += n;
                }

                var start = 0;
                var json = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
                while (json.Read())
                {
                    Token(ref json);
                    if (json.TokenType == JsonTokenType.EndArray && inSeries && json.CurrentDepth == 5 && names[4] == "values" && fastPairs)
                    {
                        // After a [time, "value"] pair: the pairs that follow in Prometheus' compact form are taken
                        // without the reader, which then resumes where they end (see Pairs).
                        var at = start + (int)json.BytesConsumed;
                        var taken = Pairs(buffer.AsSpan(at, filled - at));
                        if (taken > 0)
                        {
                            state = json.CurrentState;
                            start = at + taken;
                            json = new Utf8JsonReader(buffer.AsSpan(start, filled - start), final, state);
                        }
                    }
                }

                if (final)
                {
                    return;
                }

                state = json.CurrentState;
                var consumed = start + (int)json.BytesConsumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                if (filled == buffer.Length)
                {
                    // One token longer than the buffer (a huge label value): grow, bounded by the file itself.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch (JsonException e)
        {
            throw new UsageFileException(path, $"line {(e.LineNumber ?? 0) + 1}: the JSON is truncated or invalid ({Trim(e.Message)}).", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Token(ref Utf8JsonReader json)
    {
        var depth = json.CurrentDepth;
        switch (json.TokenType)
        {
            case JsonTokenType.PropertyName:
                if (depth < MaxDepth)
                {
                    names[depth] = depth <= 5 ? json.GetString() : null;
                }

                break;
            case JsonTokenType.StartObject when depth == 3 && InResult():
                BeginSeries();
                break;
            case JsonTokenType.EndObject when depth == 3 && inSeries:
                EndSeries();
                break;
            case JsonTokenType.StartArray when inSeries && depth == 5 && names[4] == "values":
            case JsonTokenType.StartArray when inSeries && depth == 4 && names[4] == "value":
                pairIndex = 0;
                break;
            case JsonTokenType.String or JsonTokenType.Number when inSeries && depth == 6 && names[4] == "values":
                sawMatrixPair = true;
                Element(ref json);
                break;
            case JsonTokenType.String or JsonTokenType.Number when inSeries && depth == 5 && names[4] == "value":
                sawVectorPair = true;
                Element(ref json);
                break;
            case JsonTokenType.String when inSeries && depth == 5 && names[4] == "metric" && names[5] is { } label:
                labels[label] = json.GetString() ?? string.Empty;
                break;
            case JsonTokenType.String when depth == 1:
                switch (names[1])
                {
                    case "status": status = json.GetString(); break;
                    case "error": error = json.GetString(); break;
                    case "errorType": errorType = json.GetString(); break;
                }

                break;
            case JsonTokenType.String when depth == 2 && names[1] == "data" && names[2] == "resultType":
                resultType = json.GetString();
                break;
            case JsonTokenType.StartArray when depth == 2 && names[1] == "data" && names[2] == "result":
                sawResult = true;
                break;
        }
    }

    private bool InResult() => names[1] == "data" && names[2] == "result";


    /// <summary>
    /// Takes the pairs at the start of <paramref name="text"/> that are exactly <c>,[TIME,"VALUE"]</c>, as Prometheus
    /// writes a matrix: TIME a JSON number without sign or exponent (digits, optionally a fraction), VALUE digits only.
    /// Returns how many bytes it took; it stops before anything else (white space, NaN, exponents, escapes, the end of
    /// the buffer, the closing bracket), where the JSON reader takes over with the state it had after the previous
    /// pair, which is the state after each pair taken here. What is taken is valid JSON the reader would have read the
    /// same way, and holds no line break, so the reader's line numbers stay right. 2,016 samples a series are
    /// 10,000 JSON tokens: this is most of the time a 100 MB export takes to read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Pairs(ReadOnlySpan<byte> text)
    {
        var taken = 0;
        while (true)
        {
            var at = taken;
            if (!Expect(text, ref at, (byte)',') || !Expect(text, ref at, (byte)'[') || !JsonNumber(text, ref at, out var time)
                || !Expect(text, ref at, (byte)',') || !Expect(text, ref at, (byte)'"'))
            {
                return taken;
            }

            var digits = at;
            while (at < text.Length && (uint)(text[at] - '0') <= 9)
            {
                at++;
            }

            if (!WholeNumber(text[digits..at], out var value) || !Expect(text, ref at, (byte)'"') || !Expect(text, ref at, (byte)']'))
            {
                return taken;
            }

            sawMatrixPair = true;
            Add(time, value);
            taken = at;
        }
    }

    private static bool Expect(ReadOnlySpan<byte> text, ref int at, byte b)
    {
        if (at < text.Length && text[at] == b)
        {
            at++;
            return true;
        }

        return false;
    }

    /// <summary>A JSON number without sign or exponent: 0 or digits without a leading zero, then optionally '.' and digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool JsonNumber(ReadOnlySpan<byte> text, ref int at, out double value)
    {
        value = 0;
        var begin = at;
        while (at < text.Length && (uint)(text[at] - '0') <= 9)
        {
            at++;
        }

        var whole = text[begin..at];
        if (whole.IsEmpty || (whole.Length > 1 && whole[0] == '0'))
        {
            return false;
        }

        if (at < text.Length && text[at] == '.')
        {
            var fraction = ++at;
            while (at < text.Length && (uint)(text[at] - '0') <= 9)
            {
                at++;
            }

            return at > fraction && System.Buffers.Text.Utf8Parser.TryParse(text[begin..at], out value, out var used) && used == at - begin;
        }

        return WholeNumber(whole, out value);
    }

    private void BeginSeries()
    {
        inSeries = true;
        labels.Clear();
        count = 0;
        dropped = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Element(ref Utf8JsonReader json)
    {
        var index = pairIndex++;
        if (index > 1)
        {
            return;
        }

        var ok = Number(ref json, out var number);
        if (index == 0)
        {
            pairTime = number;
            pairTimeValid = ok && double.IsFinite(number);
            return;
        }

        if (!ok || !pairTimeValid || !double.IsFinite(number) || number < 0)
        {
            dropped++;
            return;
        }

        Add(pairTime, number);
    }

    /// <summary>One usable sample of the series being read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(double time, double number)
    {
        if (count == values.Length)
        {
            Array.Resize(ref values, count * 2);
            Array.Resize(ref times, count * 2);
        }

        times[count] = time;
        values[count] = number;
        count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Number(ref Utf8JsonReader json, out double value)
    {
        // Prometheus writes times as 1764892800 or 1764892800.5 and working sets as "314572800": whole numbers take
        // a digit loop, several times faster than the general parser over a 100 MB export.
        if (!json.ValueIsEscaped && !json.HasValueSequence && WholeNumber(json.ValueSpan, out value))
        {
            return true;
        }

        if (json.TokenType == JsonTokenType.Number)
        {
            return json.TryGetDouble(out value);
        }

        if (json.ValueIsEscaped || json.HasValueSequence)
        {
            return double.TryParse(json.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        return double.TryParse(json.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Up to 15 ASCII digits, exactly representable as a double; anything else goes to the general parser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool WholeNumber(ReadOnlySpan<byte> digits, out double value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 15)
        {
            return false;
        }

        long n = 0;
        foreach (var d in digits)
        {
            var digit = d - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            n = (n * 10) + digit;
        }

        value = n;
        return true;
    }

    private void EndSeries()
    {
        inSeries = false;
        var ns = labels.GetValueOrDefault("namespace");
        var pod = labels.GetValueOrDefault("pod");
        var container = labels.GetValueOrDefault("container");
        var describe = $"{ns ?? "?"}/{pod ?? "?"} container \"{container ?? "?"}\"";
        if (container is "POD" || (container is "" && pod is not null))
        {
            return; // the pause container's cgroup, or the pod's own: not a container of the manifest
        }

        if (labels.TryGetValue("__name__", out var metric) && metric != WorkingSet)
        {
            into.Unusable.Add(new UnusableData(path, $"series of {metric}, not {WorkingSet}", describe));
            return;
        }

        if (string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(pod) || string.IsNullOrEmpty(container))
        {
            into.Unusable.Add(new UnusableData(path, "series without the namespace, pod and container labels", describe));
            return;
        }

        if (count == 0)
        {
            into.Unusable.Add(new UnusableData(path, "series without a usable sample (empty, or only NaN, infinite or negative values)", describe));
            return;
        }

        seriesDroppedTotal += dropped;
        var owner = Owner();
        var podContainer = new PodContainer(ns, pod, container, owner.Kind, owner.Name);
        if (sawVectorPair && !sawMatrixPair)
        {
            into.Quantiles.Add(new PodQuantile(podContainer, role ?? string.Empty, values[0], path));
            return;
        }

        SortByTime();
        var shape = LeakTest.Shape(times.AsSpan(0, count), values.AsSpan(0, count));
        into.Series.Add(new PodSeries(podContainer, values.AsSpan(0, count).ToArray(), times[0], times[count - 1], shape, path));
    }

    /// <summary>kube-state-metrics' owner labels, when the export joined them: owner_kind/owner_name, else created_by_*.</summary>
    private (string? Kind, string? Name) Owner() =>
        labels.TryGetValue("owner_kind", out var kind) && labels.TryGetValue("owner_name", out var name) && kind.Length > 0 && name.Length > 0 && name != "<none>"
            ? (kind, name)
            : labels.TryGetValue("created_by_kind", out kind) && labels.TryGetValue("created_by_name", out name) && kind.Length > 0 && name.Length > 0 && name != "<none>"
                ? (kind, name)
                : (null, null);

    /// <summary>Prometheus returns samples in time order; anything else is sorted rather than trusted.</summary>
    private void SortByTime()
    {
        for (var i = 1; i < count; i++)
        {
            if (times[i] < times[i - 1])
            {
                Array.Sort(times, values, 0, count);
                return;
            }
        }
    }

    private void Finish()
    {
        if (status is null)
        {
            throw new UsageFileException(path, "not a Prometheus API response: there is no \"status\" field.");
        }

        if (status == "error")
        {
            throw new UsageFileException(path, $"Prometheus answered with an error{(errorType is null ? string.Empty : $" ({errorType})")}: {error ?? "no message"}. Export again with a working query.");
        }

        if (status != "success")
        {
            throw new UsageFileException(path, $"Prometheus answered with status \"{status}\", expected \"success\".");
        }

        if (!sawResult)
        {
            throw new UsageFileException(path, "the response has no data.result list.");
        }

        switch (resultType)
        {
            case "matrix" when role is not null:
                throw new UsageFileException(path, $"a range query (matrix) holds the samples themselves, not a {role}: give it as --usage FILE, without {role}=.");
            case "vector" when role is null:
                throw new UsageFileException(path, "an instant query (vector) holds one value per series: say which percentile it is, as --usage p95=FILE (p50, p95, p99 or max).");
            case "matrix" or "vector":
                break;
            default:
                throw new UsageFileException(path, $"resultType \"{resultType ?? "(none)"}\": expected a matrix (query_range of {WorkingSet}) or a vector (quantile_over_time).");
        }

        if (seriesDroppedTotal > 0)
        {
            into.DroppedSamples[path] = into.DroppedSamples.GetValueOrDefault(path) + seriesDroppedTotal;
        }
    }

    /// <summary>System.Text.Json's message without its own position suffix (the line is given already).</summary>
    private static string Trim(string message)
    {
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (position > 0 ? message[..position] : message).TrimEnd('.', ' ');
        return message.Length <= 200 ? message : message[..200] + "…";
    }
}
