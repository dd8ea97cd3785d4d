using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using Xunit;

namespace ManifestLint.Tests.Rules;

/// <summary>Rules whose milder case is a warning report it as one, while the severe case keeps the rule's error.</summary>
public class MilderCaseSeverityTests
{
    private static Severity SeverityOf(string ruleId, string yaml, AnalysisOptions? options = null) =>
        Assert.Single(new AnalysisEngine().Analyze([AnalysisInput.FromText("m.yaml", yaml)], options).Diagnostics, d => d.RuleId == ruleId).Severity;

    private static string GoPod(string memLimit) => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: golang:1.22
              command: [/api]
              env: [{name: GOMEMLIMIT, value: {{{memLimit}}}}]
              resources: {limits: {memory: 1000Mi}, requests: {memory: 1000Mi}}
        """;

    private static string NodePod(int mib) => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: node:22
              command: [node, server.js]
              env: [{name: NODE_OPTIONS, value: --max-old-space-size={{{mib}}}}]
              resources: {limits: {memory: 1Gi}, requests: {memory: 1Gi}}
        """;

    private static string JavaPod(string tag) => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          containers:
            - name: app
              image: openjdk:{{{tag}}}
              command: [java, -jar, app.jar]
              resources: {limits: {memory: 1Gi}, requests: {memory: 1Gi}}
        """;

    [Fact]
    public void GoMemLimitAtTheLimit_IsAnError_AndAbove95Percent_IsAWarning()
    {
        Assert.Equal(Severity.Error, SeverityOf("ML3001", GoPod("1000MiB")));
        Assert.Equal(Severity.Warning, SeverityOf("ML3001", GoPod("980MiB")));
    }

    [Fact]
    public void NodeOldSpaceAtTheLimit_IsAnError_AndAbove75Percent_IsAWarning()
    {
        Assert.Equal(Severity.Error, SeverityOf("ML4001", NodePod(1024)));
        Assert.Equal(Severity.Warning, SeverityOf("ML4001", NodePod(900)));
    }

    [Fact]
    public void JvmWithoutContainerSupport_IsAnError_AndWithoutCgroupV2Support_IsAWarning()
    {
        Assert.Equal(Severity.Error, SeverityOf("ML2004", JavaPod("8u181-jre")));
        Assert.Equal(Severity.Warning, SeverityOf("ML2004", JavaPod("8u292-jre")));
    }

    [Fact]
    public void ConfiguredSeverity_StaysTheCeiling()
    {
        var options = new AnalysisOptions { SeverityOverrides = new Dictionary<string, Severity> { ["ML3001"] = Severity.Note } };

        Assert.Equal(Severity.Note, SeverityOf("ML3001", GoPod("980MiB"), options));
    }
}
