using System.Text;
using System.Text.Json.Nodes;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Source;
using ManifestLint.Sarif;
using ManifestLint.Sarif.Model;
using ManifestLint.Tests.TestSupport;
using Xunit;
using static ManifestLint.Tests.Sarif.SarifTestData;

namespace ManifestLint.Tests.Sarif;

/// <summary>
/// The streamed SARIF writer (<see cref="SarifCollector"/>: results kept as compact JSON, indented on the way out) gives
/// byte for byte the log of the model path (<see cref="SarifWriter.Build(AnalysisResult, RuleCatalog, SarifOptions, bool)"/>
/// then <see cref="SarifWriter.Write"/>), whatever the findings carry and whichever limit applies.
/// </summary>
public class SarifCollectorTests
{
    [Fact]
    public void MixedFindings_GiveTheModelsBytes()
    {
        AssertSameLog(Mixed(), Catalog, Options);
    }

    [Fact]
    public void NoFindings_GiveTheModelsBytes_WithAnEmptyResultsArray()
    {
        var json = AssertSameLog(Of(), Catalog, Options);

        Assert.Contains("\"results\": []", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SuppressionsFixesBaselineStatesAbsentResultsAndAwkwardText_GiveTheModelsBytes()
    {
        var suppressed = Diagnostic(LimitMissing, "deploy/api.yaml", 7, "Suppressed \"here\" \\ there.") with
        {
            Suppression = new Engine.Suppressions.Suppression(Engine.Suppressions.SuppressionKind.NextLineComment, "reviewed: <fine> & \"known\"", new SourceSpan("deploy/api.yaml", 6, 1, 6, 40)),
            BaselineState = BaselineState.Unchanged,
        };
        var fixedOne = Diagnostic(RequestMissing, "deploy/api.yaml", 9, "Tab\there, newline\nthere, é, 日本, 🙂, \u0001 control, {braces}: [brackets], \"colon: inside\"") with
        {
            Fix = new Engine.Fixes.Fix("Set the request", [new Engine.Fixes.TextEdit(new SourceSpan("deploy/api.yaml", 9, 3, 9, 10), "memory: 1Gi\n"), new Engine.Fixes.TextEdit(new SourceSpan("other/x.yaml", 1, 1, 1, 1), "{}")]),
            BaselineState = BaselineState.New,
        };
        var absent = new Result
        {
            RuleId = "ML1001",
            Level = "warning",
            Message = new Message { Text = "Gone: it was fixed." },
            Locations = [new Location { PhysicalLocation = new PhysicalLocation { ArtifactLocation = new ArtifactLocation { Uri = "old.yaml", UriBaseId = "%SRCROOT%" } } }],
            PartialFingerprints = new Dictionary<string, string> { [SarifWriter.FingerprintKey] = "abc" },
        };
        var result = Of([.. Mixed().Diagnostics, suppressed, fixedOne]);

        AssertSameLog(result, Catalog, Options with { IncludeSuppressed = true, AbsentResults = [absent] });
        AssertSameLog(result, Catalog, Options with { IncludeSuppressed = false, AbsentResults = [absent] });
    }

    [Fact]
    public void BeyondTheResultLimit_TheStreamedLogKeepsWhatTheModelKeeps()
    {
        var result = Of(
            Diagnostic(RequestMissing, "a.yaml", 1, "note 1"),
            Diagnostic(LimitMissing, "a.yaml", 2, "warning 1"),
            Diagnostic(InvalidManifest, "b.yaml", 3, "error 1"),
            Diagnostic(RequestMissing, "b.yaml", 4, "note 2"),
            Diagnostic(LimitMissing, "c.yaml", 5, "warning 2"));

        var json = AssertSameLog(result, Catalog, Options with { Limits = new SarifLimits(2, 10_000_000) });

        Assert.Equal(["warning 1", "error 1"], JsonNode.Parse(json)!["runs"]![0]!["results"]!.AsArray().Select(r => (string?)r!["message"]!["text"]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ManyFindingsOfMixedLevels_BeyondTheResultLimit_TheStreamedLogKeepsWhatTheModelKeeps(int seed)
    {
        // Levels in random order, so the full collector keeps dropping the latest of its least severe level. The only
        // errors are ML0001 findings (notifications too), fewer than the limit: both paths keep all of them (the model
        // path writes the notification of every finding it is given; the collector, of every finding it kept).
        var random = new Random(seed);
        Severity[] levels = [Severity.Warning, Severity.Note, Severity.None];
        var diagnostics = Enumerable.Range(0, 500).Select(i => random.Next(25) == 0
            ? Diagnostic(InvalidManifest, $"d{i:D3}.yaml", 1, $"invalid {i}")
            : Diagnostic(LimitMissing, $"d{i:D3}.yaml", i % 7 + 1, $"finding {i}", $"key{random.Next(300)}", levels[random.Next(levels.Length)])).ToArray();

        AssertSameLog(Of(diagnostics), Catalog, Options with { Limits = new SarifLimits(120, 10_000_000) });
    }

    [Fact]
    public void BeyondTheGzippedSize_TheStreamedLogKeepsWhatTheModelKeeps()
    {
        var random = new Random(11);
        var diagnostics = Enumerable.Range(0, 300).Select(i => Diagnostic(
            i % 3 == 0 ? LimitMissing : i % 3 == 1 ? InvalidManifest : RequestMissing,
            $"dir{i}/file.yaml",
            i + 1,
            $"Finding {i}: {string.Concat(Enumerable.Range(0, 60).Select(_ => (char)random.Next('a', 'z' + 1)))}.",
            $"key{i % 250}")).ToArray();

        var json = AssertSameLog(Of(diagnostics), Catalog, Options with { Limits = new SarifLimits(25_000, 9_000) });

        var run = JsonNode.Parse(json)!["runs"]![0]!;
        Assert.InRange(run["results"]!.AsArray().Count, 1, 299);
        Assert.True((int)run["properties"]![SarifLimits.OmittedResultsProperty]! > 0);
    }

    [Fact]
    public void TheSamples_WithTheRealCatalog_GiveTheModelsBytes()
    {
        var inputs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Samples, "manifests"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => AnalysisInput.FromText(Path.GetRelativePath(RepositoryPaths.Samples, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
        var result = new AnalysisEngine().Analyze(inputs);
        Assert.True(result.Diagnostics.Count > 20, $"only {result.Diagnostics.Count} findings in the samples");

        var json = AssertSameLog(result, RuleCatalog.Default, Options);

        SarifSchemaValidator.AssertValid(json);
    }

    [Fact]
    public void AFindingTheFullHeapWouldDropAtOnce_IsNeverKept_ButStillNumbersFingerprints()
    {
        var same = Enumerable.Range(0, 4).Select(i => Diagnostic(i < 2 ? LimitMissing : InvalidManifest, $"f{i}.yaml", 1, $"finding {i}", "one key")).ToArray();
        using var collector = new SarifCollector(Options with { Limits = new SarifLimits(2, 10_000_000) }, Catalog);
        foreach (var d in same)
        {
            collector.Add(d);
        }

        using var stream = new MemoryStream();
        Assert.Equal(2, collector.Write(stream));

        var results = JsonNode.Parse(stream.ToArray())!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(["finding 2", "finding 3"], results.Select(r => (string?)r!["message"]!["text"]));
        Assert.EndsWith(":3", (string?)results[0]!["partialFingerprints"]![SarifWriter.FingerprintKey], StringComparison.Ordinal);
        Assert.EndsWith(":4", (string?)results[1]!["partialFingerprints"]![SarifWriter.FingerprintKey], StringComparison.Ordinal);
    }

    [Fact]
    public void CompressedRecords_ReadBackWhatWasAppended_AcrossChunks_AndKeepAPrefix()
    {
        using var records = new CompressedRecords();
        var random = new Random(5);
        var written = Enumerable.Range(0, 400).Select(i => Enumerable.Range(0, random.Next(0, 3000)).Select(_ => (byte)random.Next(256)).ToArray()).ToList();
        for (var i = 0; i < written.Count; i++)
        {
            records.Append(written[i], i * 2);
        }

        records.DropLast();
        records.DropLast();
        Assert.Throws<InvalidOperationException>(() => records.Append([1], 1000));

        for (var pass = 0; pass < 2; pass++)
        {
            using var reader = records.Read(int.MaxValue);
            var read = 0;
            while (reader.MoveNext())
            {
                Assert.Equal(written[read], reader.Current.ToArray());
                Assert.Equal(read * 2, reader.Order);
                read++;
            }

            Assert.Equal(398, read);
        }
    }

    [Fact]
    public void UInt64Set_AddsEachValueOnce_ThroughGrowthAndZero()
    {
        var set = new UInt64Set();
        var random = new Random(3);
        var values = Enumerable.Range(0, 5000).Select(_ => (ulong)random.NextInt64() * 0x9E3779B97F4A7C15UL).Append(0UL).Append(0UL).ToList();
        var expected = new HashSet<ulong>();

        foreach (var value in values.Concat(values))
        {
            Assert.Equal(expected.Add(value), set.Add(value));
        }

        Assert.Equal(expected.Count, set.Count);
    }

    /// <summary>Both paths over the same findings; returns the (identical) log text.</summary>
    private static string AssertSameLog(AnalysisResult result, RuleCatalog catalog, SarifOptions options)
    {
        var model = SarifWriter.Build(result, catalog, options);
        var expected = SarifWriter.ToJson(model);
        using var collector = new SarifCollector(options, catalog);
        foreach (var diagnostic in result.Diagnostics)
        {
            collector.Add(diagnostic);
        }

        using var stream = new MemoryStream();
        var omitted = collector.Write(stream);
        var actual = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal(expected, actual);
        Assert.Equal(SarifLimits.OmittedResults(model), omitted);
        return actual;
    }
}
