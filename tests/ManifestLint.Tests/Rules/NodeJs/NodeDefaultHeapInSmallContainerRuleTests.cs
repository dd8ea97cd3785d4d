using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.NodeJs;

public class NodeDefaultHeapInSmallContainerRuleTests
{
    private const string Rule = "ML4002";

    [Theory]
    [InlineData("128Mi", "256 MiB (its 256 MiB floor), 200% of the limit")]
    [InlineData("256Mi", "256 MiB (its 256 MiB floor), 100% of the limit")]
    [InlineData("300Mi", "256 MiB (its 256 MiB floor), 85.3% of the limit")]
    [InlineData("320M", "V8's old space defaults to 256 MiB (its 256 MiB floor), 83.9% of the limit")]
    public void SmallLimitWithoutTheFlag_ShowsV8sDefault(string limit, string message)
    {
        Verify(Rule, Pod(limit, "command: [node, server.js]   # Noncompliant {{" + message + "}}"));
    }

    // Corpus: rendered/node-red.yaml, nodered/node-red:4.1.2 at 512Mi: the default is half the limit on a Node.js that
    // reads cgroup v2 limits, which leaves room; the old message asked to raise it to 75%.
    [Theory]
    [InlineData("400Mi")]
    [InlineData("500M")]
    [InlineData("512Mi")]
    [InlineData("513Mi")]
    [InlineData("1Gi")]
    public void DefaultAtMostThreeQuarters_OnANodeThatReadsTheLimit_IsNotReported(string limit)
    {
        Verify(Rule, Pod(limit, "command: [node, server.js]"));
    }

    [Fact]
    public void DefaultAtMostThreeQuarters_OfAnUnknownNodeVersion_SaysItHoldsOnlyFrom20_3_AndPinsTheDefault()
    {
        Verify(Rule, Pod("512Mi", "command: [node, server.js]   # Noncompliant {{V8's old space is 256 MiB (half of it, 50% of the limit) only if its Node.js is 20.3 or later, and the image does not tell the version; an older one sizes it from the node's memory. Set NODE_OPTIONS=--max-old-space-size=256.}}", "ghcr.io/example/web:1.4"));
    }

    [Fact]
    public void SmallLimitMiBOption_IsHonoured()
    {
        var options = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["smallLimitMiB"] = "1024" },
            }),
        };

        Verify(Rule, Pod("1Gi", "command: [node, server.js]   # Noncompliant {{V8's old space is 512 MiB (half of it, 50% of the limit) only if}}", "ghcr.io/example/web:1.4"), options);
        Verify(Rule, Pod("1Gi", "command: [node, server.js]", "ghcr.io/example/web:1.4"));
        Verify(Rule, Pod("256Mi", "command: [node, server.js]"), new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["smallLimitMiB"] = "128" },
            }),
        });
    }

    [Fact]
    public void ZeroIsV8sDefault_AndIsReportedAtTheFlag()
    {
        Verify(Rule, Pod("256Mi", "command: [node, --max-old-space-size=0, server.js]   # Noncompliant {{--max-old-space-size=0 on the node command line (0 means V8's default)}}"));
    }

    [Fact]
    public void AnAppImageRunByNpm_SaysThatNpmScriptsAreNotRead()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: ghcr.io/example/web:4.2.0
                  command: [npm, run, start]
                  resources:
                    limits:
                      memory: 256Mi   # Noncompliant {{100% of the limit. Set NODE_OPTIONS=--max-old-space-size=192 (75% of the limit) (npm starts node from package.json or its own configuration, not read here: a flag written there is not seen).}}
            """);
    }

    [Theory]
    [InlineData("command: [./start.sh]", "(start.sh is not read here: a flag it passes to node is not seen).", false)]
    [InlineData("args: [npm, start]", "(npm starts node from package.json or its own configuration, not read here: a flag written there is not seen).", false)]
    [InlineData("args: [dist/server.js]", "Set NODE_OPTIONS=--max-old-space-size=192 (75% of the limit).", true)]
    public void WhatIsNotRead_IsSaid_AndTheFindingIsOnTheNodeCommandElseTheLimit(string command, string ending, bool onCommand)
    {
        var annotation = $"   # Noncompliant {{{{{ending}}}}}";
        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: node:22-alpine
                  {command}{(onCommand ? annotation : string.Empty)}
                  resources:
                    limits:
                      memory: 256Mi{(onCommand ? string.Empty : annotation)}
            """);
    }

    [Fact]
    public void ExplicitOrUnknownHeap_OldNode_OrNoLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: sized
                  image: node:22
                  env:
                    - {name: NODE_OPTIONS, value: --max-old-space-size=192}
                  resources:
                    limits:
                      memory: 256Mi
                - name: percentage
                  image: node:24
                  command: [node, --max-old-space-size-percentage=70, server.js]
                  resources:
                    limits:
                      memory: 256Mi
                - name: from-a-config-map
                  image: node:22
                  env:
                    - name: NODE_OPTIONS
                      valueFrom:
                        configMapKeyRef: {name: node, key: options}
                  resources:
                    limits:
                      memory: 256Mi
                - name: node-18-is-ml4003s
                  image: node:18-alpine
                  command: [node, server.js]
                  resources:
                    limits:
                      memory: 256Mi
                - name: no-limit
                  image: node:22
                  command: [node, server.js]
                - name: not-node
                  image: python:3.12
                  command: [python, app.py]
                  resources:
                    limits:
                      memory: 256Mi
            """);
    }

    [Fact]
    public void NodeOptionsWithoutTheFlag_IsWhereTheFindingGoes()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: payment
            spec:
              containers:
                - name: payment
                  image: ghcr.io/example/payment:3.0.0
                  env:
                    - name: NODE_OPTIONS
                      value: --require @opentelemetry/auto-instrumentations-node/register   # Noncompliant {{container "payment" (Node.js detected from env NODE_OPTIONS) has a 140 MiB memory limit and no --max-old-space-size}}
                  resources:
                    limits:
                      memory: 140Mi
            """);
    }

    private static string Pod(string limit, string command, string image = "node:22-alpine") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: {image}
              {command}
              resources:
                limits:
                  memory: {limit}
        """;


    // Corpus: manifests/opentelemetry-demo-rendered/component.yaml, Deployment payment: NODE_OPTIONS holds the
    // OpenTelemetry --require under a 140Mi limit. "Set NODE_OPTIONS=--max-old-space-size=105" would drop the --require.
    [Fact]
    public void ExistingNodeOptions_AreKeptByTheAdvice()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: payment
            spec:
              containers:
                - name: payment
                  image: ghcr.io/open-telemetry/demo:3.0.0-payment
                  env:
                    - name: NODE_OPTIONS
                      value: --require @opentelemetry/auto-instrumentations-node/register   # Noncompliant {{has a 140 MiB memory limit and no --max-old-space-size: V8's old space defaults to 256 MiB (its 256 MiB floor), 182.9% of the limit}}
                  resources:
                    limits:
                      memory: 140Mi
            """);
        Assert.Contains(
            "Add --max-old-space-size=105 to NODE_OPTIONS (75% of the limit)",
            Analyze("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: payment
                spec:
                  containers:
                    - name: payment
                      image: ghcr.io/open-telemetry/demo:3.0.0-payment
                      env:
                        - {name: NODE_OPTIONS, value: --require @opentelemetry/auto-instrumentations-node/register}
                      resources:
                        limits:
                          memory: 140Mi
                """).Single(d => d.RuleId == Rule).Message,
            StringComparison.Ordinal);
    }
}
