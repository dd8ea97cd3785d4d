using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.NodeJs;

public class NodeCannotSeeMemoryLimitRuleTests
{
    private const string Rule = "ML4003";

    [Theory]
    [InlineData("node:18-alpine", "1Gi", "runs Node.js 18 (image node:18-alpine), which does not read cgroup v2 limits (added in Node.js 20.3.0)")]
    [InlineData("node:20.2.0-slim", "1Gi", "runs Node.js 20.2.0 (image node:20.2.0-slim), which does not read cgroup v2 limits")]
    [InlineData("node:12", "5Gi", "Set NODE_OPTIONS=--max-old-space-size=3840 (75% of the limit), or use Node.js 20.3 or later.")]
    [InlineData("gcr.io/distroless/nodejs18-debian12", "512Mi", "runs Node.js 18 (image gcr.io/distroless/nodejs18-debian12)")]
    [InlineData("node:10-alpine", "1Gi", "predates cgroup awareness (Node.js 12): V8's old space stays about 1400 MiB whatever the 1024 MiB memory limit")]
    [InlineData("node:v8.17.0", "512Mi", "runs Node.js 8.17.0")]
    public void OldNodeFromTheImageTag_IsReportedAtTheImage(string image, string limit, string message)
    {
        Verify(Rule, Pod(image, limit, "command: [node, server.js]", "   # Noncompliant {{" + message + "}}"));
    }

    [Theory]
    [InlineData("node:20.3.0", "1Gi")]
    [InlineData("node:20", "1Gi")]
    [InlineData("node:22-alpine", "1Gi")]
    [InlineData("node:lts", "1Gi")]
    [InlineData("ghcr.io/example/node-app:18", "1Gi")]
    [InlineData("node:18", "6Gi")]
    [InlineData("node:10", "2Gi")]
    public void CurrentUnknownOrHarmless_IsNotReported(string image, string limit)
    {
        Verify(Rule, Pod(image, limit, "command: [node, server.js]", string.Empty));
    }

    [Fact]
    public void ExplicitOldSpace_FixesTheHeap_ButAPercentageDoesNot()
    {
        Verify(Rule, Pod("node:18", "1Gi", "command: [node, --max-old-space-size=768, server.js]", string.Empty));
        Verify(Rule, Pod("node:10", "1Gi", "command: [node, --max-old-space-size=768, server.js]", string.Empty));
        Verify(Rule, Pod("node:18", "1Gi", "command: [node, --max-old-space-size=0, server.js]", "   # Noncompliant"));
        Verify(Rule, Pod("node:18", "1Gi", "command: [node, --max-old-space-size-percentage=50, --max-old-space-size=768, server.js]", "   # Noncompliant {{; --max-old-space-size-percentage=50 on the node command line does not help, it is a share of the memory Node sees}}"));
    }

    [Fact]
    public void NpmOnANodeImage_UsesTheImageVersion_AndSaysScriptsAreNotRead()
    {
        Verify(Rule, Pod("node:16-bullseye", "1Gi", "command: [npm, start]", "   # Noncompliant {{or use Node.js 20.3 or later (npm starts node from package.json or its own configuration, not read here: a flag written there is not seen).}}"));
    }

    [Fact]
    public void UnknownNodeOptions_OrNoLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: secret
                  image: node:18
                  env:
                    - name: NODE_OPTIONS
                      valueFrom:
                        secretKeyRef: {name: node, key: options}
                  resources:
                    limits:
                      memory: 1Gi
                - name: no-limit
                  image: node:18
            """);
    }

    private static string Pod(string image, string limit, string command, string annotation) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: {image}{annotation}
              {command}
              resources:
                limits:
                  memory: {limit}
        """;
}
