using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Usage;
using ManifestLint.Usage;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary>The streaming reader of Prometheus responses and the percentiles computed from it.</summary>
public class PrometheusReaderTests
{
    private static readonly WorkloadId Web = new("shop", "Deployment", "web");

    private static ContainerUsage? Lookup(UsageSet set, WorkloadId id, string container = "app") =>
        set.Match(new HashSet<WorkloadId> { id }).Find(id, container);

    [Fact]
    public void Matrix_PercentilesAreOverEveryPodsSamples_WithPrometheusInterpolation()
    {
        // Two pods of one Deployment: 1..100 MiB and 101..200 MiB; together 1..200 MiB.
        var json = Matrix(
            new Series("shop", "web-7d9f8b6c5d-x2k4p", "app", Sampled(100, 300, i => (i + 1) * MiB)),
            new Series("shop", "web-7d9f8b6c5d-b9zqw", "app", Sampled(100, 300, i => (i + 101) * MiB)));

        var usage = Lookup(UsageSet.FromText("u.json", json), Web)!;

        Assert.Equal(UsageKind.Samples, usage.Kind);
        Assert.Equal(200, usage.Samples);
        Assert.Equal(2, usage.Pods);
        Assert.Equal(200 * MiB, usage.Max);
        Assert.Equal((1 + (0.5 * 199)) * MiB, usage.P50!.Value, 3); // rank 99.5 between 100 and 101 MiB
        Assert.Equal((1 + (0.99 * 199)) * MiB, usage.P99!.Value, 3);
        Assert.Equal(TimeSpan.FromSeconds(99 * 300), usage.Span);
        Assert.Contains("200 samples from 2 pods", usage.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeMatrix_IsStreamedAcrossManyBufferRefills()
    {
        // About 3 MB of JSON (the reader's buffer is 64 KiB): every token boundary lands somewhere in a refill.
        var series = Enumerable.Range(0, 40).Select(p => new Series("shop", $"web-7d9f8b6c5d-{Pod(p)}", "app", Sampled(3000, 60, i => (100 + (i % 50) + p) * MiB))).ToArray();

        var usage = Lookup(UsageSet.FromText("u.json", Matrix(series)), Web)!;

        Assert.Equal(120_000, usage.Samples);
        Assert.Equal(40, usage.Pods);
        Assert.Equal((100 + 49 + 39) * MiB, usage.Max);
    }

    [Fact]
    public void NanInfNegativeAndUnparsable_AreDropped_AndCounted_NeverUsed()
    {
        var json = Matrix(new Series("shop", "web-7d9f8b6c5d-x2k4p", "app",
            [(Start, "NaN"), (Start + 60, "+Inf"), (Start + 120, "-5"), (Start + 180, "12Mi"), (Start + 240, "104857600"), (Start + 300, "209715200")]));

        var set = UsageSet.FromText("u.json", json);
        var match = set.Match(new HashSet<WorkloadId> { Web });
        var usage = match.Find(Web, "app")!;

        Assert.Equal(2, usage.Samples);
        Assert.Equal(200 * MiB, usage.Max);
        Assert.Contains(match.Notes(), n => n.Message.StartsWith("u.json: 4 samples", StringComparison.Ordinal));
    }

    [Fact]
    public void NumbersInsteadOfStrings_KeysInAnyOrder_AndEscapedLabels_AreRead()
    {
        const string Json = """
            {"data": {"result": [{"values": [[1764892800, 104857600], [1764892860.5, 2.097152E8]],
              "metric": {"container": "app", "pod": "web-7d9f8b6c5d-x2k4p", "namespace": "sh\u006fp"}}], "resultType": "matrix"},
             "status": "success"}
            """;

        var usage = Lookup(UsageSet.FromText("u.json", Json), Web)!;

        Assert.Equal(2, usage.Samples);
        Assert.Equal(200 * MiB, usage.Max);
    }

    [Fact]
    public void EmptySeries_AndOtherMetrics_AreNotes_NotFindings()
    {
        const string Json = """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"namespace":"shop","pod":"web-7d9f8b6c5d-x2k4p","container":"app"},"values":[]},
              {"metric":{"__name__":"container_memory_usage_bytes","namespace":"shop","pod":"web-7d9f8b6c5d-b9zqw","container":"app"},"values":[[1764892800,"1"]]},
              {"metric":{"namespace":"shop","pod":"web-7d9f8b6c5d-b9zqw","container":"POD"},"values":[[1764892800,"1"]]}]}}
            """;

        var match = UsageSet.FromText("u.json", Json).Match(new HashSet<WorkloadId> { Web });

        Assert.Null(match.Find(Web, "app"));
        var notes = match.Notes().Select(n => n.Message).ToList();
        Assert.Contains(notes, n => n.Contains("series without a usable sample", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("series of container_memory_usage_bytes, not container_memory_working_set_bytes", StringComparison.Ordinal));
        Assert.Equal(2, notes.Count); // the pause container is not reported
    }

    [Theory]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\""}""", null, "Prometheus answered with an error (bad_data): invalid parameter \"query\"")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"]""", null, "line 1: the JSON is truncated or invalid")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[]}}""", null, "say which percentile it is, as --usage p95=FILE")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[]}}""", "p95", "a range query (matrix) holds the samples themselves, not a p95")]
    [InlineData("""{"status":"success","data":{"resultType":"scalar","result":[1,"2"]}}""", null, "resultType \"scalar\"")]
    [InlineData("""{"status":"success"}""", null, "no data.result list")]
    [InlineData("""{"hello":1}""", null, "not a usage export: a JSON object starting with \"hello\"")]
    [InlineData("""[1,2]""", null, "not a usage export: a JSON list")]
    [InlineData("   \n", null, "the file is empty")]
    [InlineData("just some words\n", null, "not a usage export: expected a Prometheus query response")]
    public void BadFiles_AreErrorsNamingTheFileAndTheFault(string text, string? role, string expected)
    {
        var e = Assert.Throws<UsageFileException>(() => UsageSet.FromText("exports/usage.json", text, role));

        Assert.Equal("exports/usage.json", e.FilePath);
        Assert.StartsWith("exports/usage.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedLargeFile_GivesTheLineWhereItEnds()
    {
        var json = Matrix(new Series("shop", "web-7d9f8b6c5d-x2k4p", "app", Sampled(20_000, 60, i => MiB))).Replace("],[", "],\n[", StringComparison.Ordinal);

        var e = Assert.Throws<UsageFileException>(() => UsageSet.FromText("u.json", json[..(json.Length / 2)]));

        Assert.Matches(@"line (\d{4,}): the JSON is truncated or invalid", e.Message);
    }

    [Fact]
    public void QuantileVectors_GiveTheHighestPodsFigure()
    {
        var p95 = Vector(
            new Series("shop", "web-7d9f8b6c5d-x2k4p", "app", [(Start, (300 * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture))]),
            new Series("shop", "web-7d9f8b6c5d-b9zqw", "app", [(Start, (320 * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        var usage = Lookup(UsageSet.FromText("p95.json", p95, "p95"), Web)!;

        Assert.Equal(UsageKind.Quantiles, usage.Kind);
        Assert.Equal(320 * MiB, usage.P95);
        Assert.Null(usage.P99);
        Assert.Equal("highest pod p95", usage.P95Name);
    }

    /// <summary>A distinct 5-character pod suffix per number, in Kubernetes' alphabet.</summary>
    private static string Pod(int i) => new([.. Enumerable.Range(0, 5).Select(k => "bcdfghjklmnpqrstvwxz2456789"[i / (int)Math.Pow(27, k) % 27])]);
}
