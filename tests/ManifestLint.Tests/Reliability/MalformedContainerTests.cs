using ManifestLint.Tests.Rules;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// A container whose <c>resources</c>, <c>env</c>, <c>command</c> or <c>args</c> is not the shape Kubernetes requires
/// is one ML0001 at the fault; the API server rejects the pod, so its rules (and the pod's QoS rules) stay quiet instead
/// of claiming, say, "no memory limit" on a limit written inside a list. Its well-formed neighbours are still checked.
/// </summary>
public class MalformedContainerTests
{
    [Theory]
    [InlineData("resources as a list", "resources:\n        - limits: {memory: 1Gi}", 9)]
    [InlineData("limits as a list", "resources:\n        limits: [memory, 1Gi]", 9)]
    [InlineData("env as a mapping", "env: {JAVA_OPTS: -Xmx1g}\n      resources: {limits: {memory: 1Gi}, requests: {memory: 1Gi}}", 8)]
    [InlineData("an env entry as a string", "env: [JAVA_OPTS=-Xmx1g]\n      resources: {limits: {memory: 1Gi}, requests: {memory: 1Gi}}", 8)]
    [InlineData("command as a string map", "command: {run: java}\n      resources: {limits: {memory: 1Gi}, requests: {memory: 1Gi}}", 8)]
    public void MalformedField_IsOneML0001_AndTheContainerGetsNoOtherFinding(string what, string field, int line)
    {
        var yaml = $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: broken
                  {field}
                  image: eclipse-temurin:21
                - name: sidecar
                  image: nginx:1.27
            """;

        var findings = ExpectedFindings.Analyze(yaml);

        var ml0001 = Assert.Single(findings, d => d.RuleId == "ML0001");
        Assert.True(ml0001.Location.StartLine == line, $"{what}: ML0001 on line {ml0001.Location.StartLine}, not {line}: {ml0001.Message}");
        Assert.DoesNotContain(findings, d => d.RuleId != "ML0001" && d.Message.Contains("\"broken\"", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, d => d.RuleId == "ML1006");
        Assert.Contains(findings, d => d.RuleId == "ML1002" && d.Message.Contains("\"sidecar\" has no memory request or limit", StringComparison.Ordinal));
    }
}
