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
        Assert.StartsWith("WORKLOAD", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^Deployment payments/ledger\s+ledger\s+Jvm 21\s+2 GiB\s+2 GiB\s+Burstable\s+1536 MiB .*≈1666 MiB\s+≈382 MiB$", lines[1]);
        Assert.Matches(@"^Deployment payments/ledger\s+relay\s+Go 1\.22\s+256 MiB\s+512 MiB\s+Burstable\s+GOMEMLIMIT 460 MiB\s+52 MiB$", lines[2]);
    }

    [Fact]
    public void WithoutTheOption_NoRowsAreCollected()
    {
        var result = new AnalysisEngine().Analyze([AnalysisInput.FromText("w.yaml", Workloads)]);

        Assert.Empty(result.MemorySummary);
    }
}
