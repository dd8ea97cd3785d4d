using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.NodeJs;

public class NodeOldSpaceTooLargeRuleTests
{
    private const string Rule = "ML4001";

    [Fact]
    public void CommandLine_WinsOverNodeOptions()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: lowered
                  image: node:22
                  command: [node, --max-old-space-size=700, server.js]
                  env:
                    - {name: NODE_OPTIONS, value: --max-old-space-size=4096}
                  resources:
                    limits:
                      memory: 1Gi
                - name: raised
                  image: node:22
                  command: [node, --max_old_space_size=1024, server.js]   # Noncompliant {{--max_old_space_size=1024 on the node command line lets V8's old space grow to 1024 MiB, at or above the 1024 MiB memory limit}}
                  env:
                    - {name: NODE_OPTIONS, value: --max-old-space-size=512}
                  resources:
                    limits:
                      memory: 1Gi
                - name: after-the-script
                  image: node:22
                  command: [node, server.js, --max-old-space-size=4096]
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void Percentage_WinsWhateverTheOrder_AndSaysWhatItOverrides()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: full
                  image: node:24
                  command: [node, --max-old-space-size-percentage=100, --max-old-space-size=500, app.js]   # Noncompliant {{100% of the 1024 MiB memory limit, 1024 MiB; it overrides --max-old-space-size=500 on the node command line, whatever the order. Set --max-old-space-size-percentage=75 or lower.}}
                  resources:
                    limits:
                      memory: 1Gi
                - name: percentage-first-in-node-options
                  image: node:24
                  command: [node, --max-old-space-size=2000, app.js]
                  env:
                    - {name: NODE_OPTIONS, value: --max-old-space-size-percentage=50}
                  resources:
                    limits:
                      memory: 1Gi
                - name: invalid-percentage
                  image: node:24
                  command: [node, --max-old-space-size-percentage=150, --max-old-space-size=2000, app.js]
                  resources:
                    limits:
                      memory: 1Gi
                - name: old-node-does-not-see-the-limit
                  image: node:18
                  command: [node, --max-old-space-size-percentage=95, app.js]
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void FlagsReachingNodeIndirectly_AreRead()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: expanded
                      image: ghcr.io/example/web:1
                      command: [node, '--max-old-space-size=$(HEAP_MIB)', server.js]   # Noncompliant {{lets V8's old space grow to 900 MiB, 87.9% of the 1024 MiB memory limit}}
                      env:
                        - {name: HEAP_MIB, value: "900"}
                      resources:
                        limits:
                          memory: 1Gi
                    - name: entrypoint
                      image: node:22-slim
                      args: [--max-old-space-size, "2048", server.js]   # Noncompliant {{--max-old-space-size 2048 on the node command line}}
                      resources:
                        limits:
                          memory: 2Gi
                    - name: script
                      image: ghcr.io/example/web:1
                      command: [sh, -c, 'export NODE_OPTIONS="--max-old-space-size=480"; exec node server.js']   # Noncompliant {{in NODE_OPTIONS lets V8's old space grow to 480 MiB, 93.8% of the 512 MiB}}
                      resources:
                        limits:
                          memory: 512Mi
            """);
    }

    [Fact]
    public void LimitFromALimitRange_IsNamed()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
                - name: web
                  image: node:22
                  env:
                    - name: NODE_OPTIONS
                      value: --max-old-space-size=1000   # Noncompliant {{97.7% of the 1024 MiB (default of LimitRange shop/defaults) memory limit}}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: shop
            spec:
              limits:
                - type: Container
                  default:
                    memory: 1Gi
            """);
    }

    [Fact]
    public void UnknownAfterTheFlag_NoLimit_OrNotNode_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: secret-after
                  image: node:22
                  command: [node, '$(EXTRA)', server.js]
                  env:
                    - {name: NODE_OPTIONS, value: --max-old-space-size=4096}
                    - name: EXTRA
                      valueFrom:
                        secretKeyRef: {name: node, key: args}
                  resources:
                    limits:
                      memory: 1Gi
                - name: no-limit
                  image: node:22
                  env:
                    - {name: NODE_OPTIONS, value: --max-old-space-size=4096}
                - name: a-jvm
                  image: eclipse-temurin:21
                  command: [java, -jar, app.jar]
                  env:
                    - {name: NODE_OPTIONS, value: --max-old-space-size=4096}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void MaxHeapPercentOption_IsHonoured()
    {
        var options = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["maxHeapPercent"] = "90" },
            }),
        };

        Verify(Rule, Pod("1800", "2Gi", string.Empty), options);
        Verify(Rule, Pod("1900", "2Gi", "# Noncompliant {{more than 90%, leaving 148 MiB for everything outside the old space. Set --max-old-space-size=1843 (90% of the limit) or lower.}}"), options);
        Verify(Rule, Pod("1536", "2Gi", string.Empty));
        Verify(Rule, Pod("1537", "2Gi", "# Noncompliant {{75.05% of the 2048 MiB memory limit, more than 75%}}"));
        Verify(Rule, Pod("1538", "2Gi", "# Noncompliant {{75.1% of the 2048 MiB memory limit, more than 75%}}"));
    }

    private static string Pod(string mib, string limit, string annotation) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: dashboard
        spec:
          containers:
            - name: dashboard
              image: docker.elastic.co/kibana/kibana:8.5.1
              env:
                - name: NODE_OPTIONS
                  value: --max-old-space-size={mib}   {annotation}
              resources:
                limits:
                  memory: {limit}
        """;
}
