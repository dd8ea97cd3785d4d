using System.Globalization;
using System.Text;
using ManifestLint.Usage;
using ManifestLint.Usage.Reading;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary>
/// The Prometheus reader takes the compact <c>,[TIME,"VALUE"]</c> pairs of a matrix without the JSON reader. Every
/// case here is read both ways (fast pairs on and off) and must give the same series, samples, times, drops and
/// errors: the fast path may only be faster.
/// </summary>
public class CompactPairsTests
{
    private static string Read(string json, bool fastPairs)
    {
        var records = new UsageRecords();
        try
        {
            PrometheusResponseReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "u.json", null, records, fastPairs);
        }
        catch (UsageFileException e)
        {
            return "error: " + e.Message;
        }

        var text = new StringBuilder();
        foreach (var series in records.Series)
        {
            text.Append(CultureInfo.InvariantCulture, $"{series.Pod.Namespace}/{series.Pod.Pod}/{series.Pod.Container} {series.FirstTime:R}..{series.LastTime:R} shape {series.Shape}: ");
            text.AppendJoin(',', series.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).AppendLine();
        }

        foreach (var unusable in records.Unusable)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"unusable {unusable.What} {unusable.Example}");
        }

        foreach (var (path, dropped) in records.DroppedSamples)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"dropped {path} {dropped}");
        }

        return text.ToString();
    }

    private static string Same(string json)
    {
        var slow = Read(json, fastPairs: false);
        Assert.Equal(slow, Read(json, fastPairs: true));
        return slow;
    }

    private static string Wrap(string values) =>
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"namespace\":\"shop\",\"pod\":\"web-7d9f8b6c5d-x2k4p\",\"container\":\"app\"},\"values\":" + values + "}]}}";

    [Theory]
    [InlineData("[[1764892800,\"100\"],[1764893100,\"200\"],[1764893400,\"300\"]]")]
    [InlineData("[[1764892800.5,\"100\"],[1764893100.25,\"200\"],[1764893400,\"300\"]]")] // fractional times
    [InlineData("[[1764892800,\"100\"], [1764893100,\"200\"],[1764893400,\"300\"]]")] // white space: the reader takes over
    [InlineData("[[1764892800,\"100\"],\n[1764893100,\"200\"],[1764893400,\"300\"]]")]
    [InlineData("[[1764892800,\"100\"],[1764893100,\"NaN\"],[1764893400,\"300\"],[1764893700,\"+Inf\"],[1764894000,\"-5\"]]")]
    [InlineData("[[1764892800,\"100\"],[1764893100,200],[1764893400,\"3e2\"],[1764893700,\"1.5\"]]")] // numbers, exponents, fractions
    [InlineData("[[1764892800,\"100\"],[1764893100,\"\\u0032\\u0030\\u0030\"],[1764893400,\"\"]]")] // escapes, empty
    [InlineData("[[1764892800,\"100\"],[1764893100,\"1234567890123456789\"],[1764893400,\"300\"]]")] // beyond 15 digits
    [InlineData("[[1764892800,\"100\"],[1.7648931e9,\"200\"],[1764893400,\"300\",\"extra\"],[1764893700]]")]
    [InlineData("[[1764893400,\"300\"],[1764892800,\"100\"],[1764893100,\"200\"]]")] // out of time order: sorted
    [InlineData("[[1764892800,\"100\"]]")]
    [InlineData("[]")]
    public void SmallSeries_ReadTheSameBothWays(string values)
    {
        Same(Wrap(values));
    }

    [Theory]
    [InlineData("[[1764892800,\"100\"],[01764893100,\"200\"]]")] // a leading zero is not JSON
    [InlineData("[[1764892800,\"100\"],[1764893100.,\"200\"]]")]
    [InlineData("[[1764892800,\"100\"],[1764893100,\"200\"],]")]
    [InlineData("[[1764892800,\"100\"],[1764893100,\"200\"]")] // truncated
    [InlineData("[[1764892800,\"100\"],[1764893100,\"20")]
    public void InvalidJson_FailsTheSameWayBothWays(string values)
    {
        Assert.StartsWith("error: ", Same(Wrap(values)), StringComparison.Ordinal);
    }

    [Fact]
    public void ALargeExport_AcrossManyBufferRefills_ReadsTheSameBothWays()
    {
        // About 6 MB (the reader's buffer is 64 KiB): pairs are cut by every refill at some byte.
        var random = new Random(12);
        var series = Enumerable.Range(0, 60).Select(i => new Series("shop", $"web-7d9f8b6c5d-x{"bcdfghjklm"[i % 10]}k{"bcdfgh"[i / 10]}p", "app",
            Sampled(4000, 300, n => random.Next(3) == 0 ? (n * 1000.0) + random.Next(1_000_000) : 5_000_000 + n))).ToList();
        var json = Matrix([.. series]);
        Assert.True(json.Length > 4_000_000);

        var read = Same(json);

        Assert.Equal(60, read.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void ALargePrettyPrintedExport_ReadsTheSameBothWays()
    {
        var json = Matrix(new Series("shop", "web-7d9f8b6c5d-x2k4p", "app", Sampled(20000, 60, n => n * 7.0)))
            .Replace("],[", "],\n  [", StringComparison.Ordinal);

        Same(json);
    }
}
