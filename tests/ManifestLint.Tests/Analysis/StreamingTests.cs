using System.Text.Json.Nodes;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Source;
using ManifestLint.Sarif;
using Xunit;

namespace ManifestLint.Tests.Analysis;

/// <summary>
/// Findings leave the engine file by file, in a documented deterministic order, through a bounded reorder buffer;
/// SARIF keeps only the most severe results in a bounded structure.
/// </summary>
public class StreamingTests
{
    private static string Pod(string name) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}, namespace: shop}
        spec:
          containers:
            - name: app
              image: nginx:1.27
        """;

    private const string Hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: wbe}
          maxReplicas: 4
        """;

    [Fact]
    public void Batches_AreFilesInPathOrder_WithAutoscalerFilesLast_AndEqualTheCollectedResult()
    {
        var inputs = new[] { ("c/pod.yaml", Pod("c")), ("a/hpa.yaml", Hpa), ("b/pod.yaml", Pod("b")), ("a/pod.yaml", Pod("a")) }
            .Select(f => AnalysisInput.FromText(f.Item1, f.Item2)).ToList();
        var batches = new List<AnalysisBatch>();

        var totals = new AnalysisEngine().Stream(inputs, AnalysisOptions.Default with { MaxParallelism = 2 }, batches.Add);

        Assert.Equal(["a/pod.yaml", "b/pod.yaml", "c/pod.yaml", "a/hpa.yaml"], batches.Select(b => b.Path));
        Assert.All(batches, b => Assert.All(b.Diagnostics, d => Assert.Equal(b.Path, d.Location.Path)));
        Assert.Contains(batches[^1].Diagnostics, d => d.RuleId == "ML6005");
        Assert.Equal((4, 4), (totals.FileCount, totals.ResourceCount));
        var collected = new AnalysisEngine().Analyze(inputs, AnalysisOptions.Default with { MaxParallelism = 1 });
        Assert.Equal(collected.Diagnostics.Select(d => (d.RuleId, d.Location, d.Message)), batches.SelectMany(b => b.Diagnostics).Select(d => (d.RuleId, d.Location, d.Message)));
    }

    [Fact]
    public void TheReorderBuffer_HoldsAtMostItsWindow_WhileAnEarlyItemIsSlow()
    {
        using var gate = new ManualResetEventSlim();
        var zeroDone = false;
        var fiftyBeforeZero = false;
        var consumed = -1;
        var mostAhead = 0;
        var order = new List<int>();

        OrderedWork.Run(
            200,
            workers: 2,
            window: 8,
            i =>
            {
                if (i == 0)
                {
                    // Released early only if item 50 starts while this one is unfinished, which the window forbids.
                    gate.Wait(TimeSpan.FromMilliseconds(300));
                    Volatile.Write(ref zeroDone, true);
                }

                InterlockedMax(ref mostAhead, i - Volatile.Read(ref consumed));
                if (i == 50)
                {
                    fiftyBeforeZero = !Volatile.Read(ref zeroDone);
                    gate.Set();
                }

                return new object[] { i };
            },
            item =>
            {
                order.Add((int)((object[])item)[0]);
                Volatile.Write(ref consumed, order[^1]);
            },
            CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 200), order);
        Assert.True(mostAhead <= 8, $"an item started {mostAhead} ahead of the consumer");
        Assert.False(fiftyBeforeZero, "item 50 started while item 0 was unfinished: the window did not hold");
    }

    [Fact]
    public void AFailingItem_StopsTheRun_AndItsExceptionSurfaces()
    {
        var e = Assert.Throws<InvalidOperationException>(() => OrderedWork.Run(100, 2, 8, i => i == 40 ? throw new InvalidOperationException("boom") : new object(), _ => { }, CancellationToken.None));

        Assert.Equal("boom", e.Message);
    }

    [Fact]
    public void SarifCollector_KeepsTheMostSevere_InReportOrder_AndSaysHowManyWereLeftOut()
    {
        var catalog = RuleCatalog.Default;
        using var collector = new SarifCollector(new SarifOptions("/repo", "/repo", "1.0.0") { Limits = new SarifLimits(100, 10_000_000) }, catalog);
        for (var i = 0; i < 300; i++)
        {
            var severity = i % 3 == 0 ? Severity.Error : Severity.Note;
            collector.Add(new Diagnostic(catalog["ML1001"], severity, $"finding {i}", new SourceSpan($"f{i:D3}.yaml", 1, 1, 1, 2), [], new Dictionary<string, string>(), $"ML1001|{i}"));
        }

        using var stream = new MemoryStream();
        var omitted = collector.Write(stream);

        var run = JsonNode.Parse(stream.ToArray())!["runs"]![0]!;
        var results = run["results"]!.AsArray();
        Assert.Equal(100, results.Count);
        Assert.All(results, r => Assert.Equal("error", (string?)r!["level"]));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"finding {i * 3}"), results.Select(r => (string?)r!["message"]!["text"]));
        Assert.Equal(200, omitted);
        Assert.Equal(200, (int)run["properties"]!["omittedResults"]!);
        Assert.Contains(run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray(), n => ((string)n!["message"]!["text"]!).StartsWith("200 of 300 results", StringComparison.Ordinal));
    }

    [Fact]
    public void SarifCollector_GivesTheFingerprintsOfTheCollectedWriter()
    {
        var inputs = Enumerable.Range(0, 3).Select(i => AnalysisInput.FromText($"env-{i}/web.yaml", Pod("web"))).ToList();
        var result = new AnalysisEngine().Analyze(inputs);
        var options = new SarifOptions("/repo", "/repo", "1.0.0");
        using var collector = new SarifCollector(options, RuleCatalog.Default);
        foreach (var d in result.Diagnostics)
        {
            collector.Add(d);
        }

        using var stream = new MemoryStream();
        collector.Write(stream);
        Assert.Equal(SarifWriter.ToJson(SarifWriter.Build(result, RuleCatalog.Default, options)), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
