using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

/// <summary>
/// One problem, one finding (issue 13): ML1001, ML1002 and ML1006 split the shapes of missing memory, so a container
/// with neither request nor limit is never reported two or three times. A BestEffort pod is ML1006's, a container with
/// no request (and so no limit) in a Burstable pod ML1002's, a request without a limit ML1001's; a rule turned off in the
/// configuration hands its shape to the next one.
/// </summary>
public class MissingMemoryOwnershipTests
{
    private static readonly string[] MissingMemoryRules = [RuleIds.MemoryLimitMissing, RuleIds.MemoryRequestMissing, RuleIds.BestEffortPod];

    private const string BestEffortDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """;

    private const string BurstablePod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources: {requests: {cpu: 250m}}
            - name: cache
              image: redis:7.4
              resources: {requests: {memory: 256Mi}}
        """;

    [Fact]
    public void BestEffortContainer_GetsOneFinding_TheBestEffortPod()
    {
        var finding = Assert.Single(Missing(BestEffortDeployment));

        Assert.Equal(RuleIds.BestEffortPod, finding.RuleId);
        Assert.Contains("container \"web\" has no memory request or limit", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeitherRequestNorLimit_InABurstablePod_GetsOneFinding_SayingBothAreMissing()
    {
        var findings = Missing(BurstablePod);

        Assert.Equal([RuleIds.MemoryRequestMissing, RuleIds.MemoryLimitMissing], findings.Select(d => d.RuleId));
        Assert.StartsWith("Pod shop/web, container \"web\" has no memory request or limit,", findings[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Pod shop/web, container \"cache\" has no memory limit,", findings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RuleIds.BestEffortPod, RuleIds.MemoryRequestMissing)]
    [InlineData(RuleIds.BestEffortPod + "," + RuleIds.MemoryRequestMissing, RuleIds.MemoryLimitMissing)]
    [InlineData(RuleIds.BestEffortPod + "," + RuleIds.MemoryRequestMissing + "," + RuleIds.MemoryLimitMissing, "")]
    [InlineData(RuleIds.MemoryRequestMissing, RuleIds.BestEffortPod)]
    [InlineData(RuleIds.MemoryLimitMissing, RuleIds.BestEffortPod)]
    public void RuleTurnedOff_HandsTheBestEffortContainerToTheNext(string off, string expected)
    {
        var findings = Missing(BestEffortDeployment, Off(off.Split(',', StringSplitOptions.RemoveEmptyEntries)));

        Assert.Equal(expected.Length == 0 ? [] : [expected], findings.Select(d => d.RuleId));
        Assert.All(findings, d => Assert.Contains("no memory request or limit", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void RequestRuleTurnedOff_LimitRuleSaysBothAreMissing()
    {
        var findings = Missing(BurstablePod, Off(RuleIds.MemoryRequestMissing));

        Assert.Equal([RuleIds.MemoryLimitMissing, RuleIds.MemoryLimitMissing], findings.Select(d => d.RuleId));
        Assert.Contains("container \"web\" has no memory request or limit", findings[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("Set resources.requests.memory and resources.limits.memory.", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JvmWithNeither_KeepsTheHeapNote()
    {
        Verify(RuleIds.MemoryRequestMissing, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: eclipse-temurin:21-jre
                  resources:
                    requests:   # Noncompliant {{has no memory request or limit, so the scheduler reserves none for it and it can use memory until the node runs out; as a JVM it sizes its heap from the node's memory (25% of node RAM by default).}}
                      cpu: "1"
            """);
    }

    private static List<Diagnostic> Missing(string yaml, AnalysisOptions? options = null) =>
        Analyze(yaml, options).Where(d => MissingMemoryRules.Contains(d.RuleId)).OrderBy(d => d.Location.StartLine).ToList();

    private static AnalysisOptions Off(params string[] ids) =>
        new() { SeverityOverrides = ids.ToDictionary(id => id, _ => Severity.None, StringComparer.Ordinal) };
}
