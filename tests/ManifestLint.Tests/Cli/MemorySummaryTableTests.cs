using ManifestLint.Cli.Output;
using ManifestLint.Engine.Analysis;
using Xunit;

namespace ManifestLint.Tests.Cli;

public class MemorySummaryTableTests
{
    private const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ledger, namespace: payments}
        spec:
          template:
            spec:
              containers:
                - name: ledger
                  image: eclipse-temurin:21-jre
                  command: [java, -XX:MaxRAMPercentage=75, -jar, app.jar]
                  resources: {requests: {memory: 2Gi}, limits: {memory: 2Gi}}
                - name: relay
                  image: golang:1.22
                  command: [/relay]
                  env: [{name: GOMEMLIMIT, value: 460MiB}]
                  resources: {requests: {memory: 256Mi}, limits: {memory: 512Mi}}
        """;

    [Fact]
    public void Summary_ShowsHeapFootprintAndHeadroomPerContainer()
    {
        var result = new AnalysisEngine().Analyze([AnalysisInput.FromText("w.yaml", Workloads)], new AnalysisOptions { CollectMemorySummary = true });
        using var writer = new StringWriter { NewLine = "\n" };

        MemorySummaryTable.Write(result.MemorySummary, writer);

        var lines = writer.ToString().Trim('\n').Split('\n');
        Assert.Matches(@"^  CONTAINER\s+RUNTIME\s+REQUEST\s+LIMIT\s+QOS\s+HEAP\s+FOOTPRINT\s+HEADROOM$", lines[0]);
        Assert.Equal("Deployment payments/ledger", lines[1]);
        Assert.Matches(@"^  ledger\s+Jvm 21\s+2 GiB\s+2 GiB\s+Burstable\s+1536 MiB\b", lines[2]);
        Assert.Matches(@"^  relay\s+Go 1\.22\s+256 MiB\s+512 MiB\s+Burstable\s+GOMEMLIMIT 460 MiB\b", lines[3]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= MemorySummaryTable.MaxWidth, l));
    }

    [Fact]
    public void LongCells_AreCutToFitAHundredColumns()
    {
        var row = new ManifestLint.Engine.Summary.MemorySummaryRow(
            new string('w', 150), new string('c', 80), "Jvm 21", "2 GiB", "2 GiB", "Burstable", "-XX:MaxRAMPercentage=75 of the limit: 1536 MiB", "1826 MiB", "222 MiB", new ManifestLint.Model.Source.SourceSpan("a.yaml", 1, 1, 1, 2));
        using var writer = new StringWriter { NewLine = "\n" };

        MemorySummaryTable.Write([row], writer);

        var lines = writer.ToString().Trim('\n').Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= MemorySummaryTable.MaxWidth, $"{l.Length}: {l}"));
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.Contains("222 MiB", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheOption_NoRowsAreCollected()
    {
        var result = new AnalysisEngine().Analyze([AnalysisInput.FromText("w.yaml", Workloads)]);

        Assert.Empty(result.MemorySummary);
    }
}
