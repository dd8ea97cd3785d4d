using System.IO.Compression;
using System.Text.Json.Nodes;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif;
using Xunit;
using static ManifestLint.Tests.Sarif.SarifTestData;

namespace ManifestLint.Tests.Sarif;

public class SarifLimitsTests
{
    [Fact]
    public void DefaultLimits_AreGithubCodeScanningOnes()
    {
        Assert.Equal(new SarifLimits(25_000, 10_000_000), SarifLimits.GitHub);
        Assert.Equal(SarifLimits.GitHub, Options.Limits);
    }

    [Fact]
    public void ALogWithinTheLimits_IsLeftAsItIs()
    {
        var log = SarifWriter.Build(Mixed(), Catalog, Options);

        Assert.Equal(SarifWriter.ToJson(SarifWriter.Build(Mixed(), Catalog, Options with { Limits = null })), SarifWriter.ToJson(log));
        Assert.Equal(0, SarifLimits.OmittedResults(log));
    }

    [Fact]
    public void BeyondTheResultLimitTheMostSevere_AreKeptInTheirOrderAndANotificationSaysSo()
    {
        var result = Of(
            Diagnostic(RequestMissing, "a.yaml", 1, "note 1"),
            Diagnostic(LimitMissing, "a.yaml", 2, "warning 1"),
            Diagnostic(LimitMissing, "b.yaml", 3, "error 1", severity: Severity.Error),
            Diagnostic(RequestMissing, "b.yaml", 4, "note 2"),
            Diagnostic(LimitMissing, "c.yaml", 5, "warning 2"));

        var log = SarifWriter.Build(result, Catalog, Options with { Limits = new SarifLimits(2, 10_000_000) });
        var json = SarifWriter.ToJson(log);
        var run = JsonNode.Parse(json)!["runs"]![0]!;

        Assert.Equal(["warning 1", "error 1"], run["results"]!.AsArray().Select(r => (string?)r!["message"]!["text"]));
        Assert.Equal(3, SarifLimits.OmittedResults(log));
        Assert.Equal(3, (int)run["properties"]![SarifLimits.OmittedResultsProperty]!);
        var notification = run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray().Single()!;
        Assert.Equal("warning", (string?)notification["level"]);
        Assert.StartsWith("3 of 5 results were left out of this run to stay within GitHub code scanning's limits (2 results", (string?)notification["message"]!["text"], StringComparison.Ordinal);
        SarifSchemaValidator.AssertValid(json);
    }

    [Fact]
    public void BeyondTheGzippedSizeResults_AreDroppedLeastSevereFirstUntilItFits()
    {
        var random = new Random(7);
        var diagnostics = Enumerable.Range(0, 400).Select(i => Diagnostic(
            i % 2 == 0 ? LimitMissing : InvalidManifest,
            $"dir{i}/file.yaml",
            i + 1,
            $"Finding {i}: {string.Concat(Enumerable.Range(0, 40).Select(_ => (char)random.Next('a', 'z' + 1)))}.",
            $"key{i}")).ToArray();
        var unlimited = SarifWriter.ToJson(SarifWriter.Build(Of(diagnostics), Catalog, Options with { Limits = null }));
        var limit = Gzipped(unlimited) * 3 / 4;

        var log = SarifWriter.Build(Of(diagnostics), Catalog, Options with { Limits = new SarifLimits(25_000, limit) });
        var json = SarifWriter.ToJson(log);
        var levels = JsonNode.Parse(json)!["runs"]![0]!["results"]!.AsArray().Select(r => (string?)r!["level"]).ToList();

        Assert.True(Gzipped(json) <= limit, $"{Gzipped(json)} > {limit}");
        Assert.InRange(SarifLimits.OmittedResults(log), 1, 399);
        Assert.Equal(400 - SarifLimits.OmittedResults(log), levels.Count);
        Assert.Equal(200, levels.Count(l => l == "error"));
        SarifSchemaValidator.AssertValid(json);
    }

    private static long Gzipped(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
        }

        return buffer.Length;
    }
}
