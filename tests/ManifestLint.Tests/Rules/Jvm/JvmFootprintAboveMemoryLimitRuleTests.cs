using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Jvm;

public class JvmFootprintAboveMemoryLimitRuleTests
{
    private const string Rule = "ML2002";

    // Typical mode below 1792 MiB (Serial): heap + 16 + 12 + 0 + 50 × 256 KiB + 0.5% of the heap + 28 MiB.
    [Theory]
    [InlineData("-Xmx960m", "1Gi", "≈ 1034 MiB (heap 960 + metaspace 16 + code cache 12 + direct 0 + threads 13 + GC 5 + JVM 28) exceeds")]
    [InlineData("-XX:MaxRAMPercentage=95", "1Gi", "≈ 1047 MiB (heap 973 + metaspace 16")]
    [InlineData("-Xmx600m -XX:MaxMetaspaceSize=250m -XX:ReservedCodeCacheSize=50m -XX:MaxDirectMemorySize=64m", "1Gi", "≈ 1045 MiB (heap 600 + metaspace 250 + code cache 50 + direct 64 + threads 50 + GC 3 + JVM 28; native caps as written) exceeds the 1024 MiB limit")]
    [InlineData("-Xmx900m -XX:-TieredCompilation -XX:ReservedCodeCacheSize=240m", "1Gi", "code cache 48")]
    [InlineData("-Xmx600m -XX:MaxDirectMemorySize=1g", "1700Mi", "direct 1024")]
    [InlineData("-Xmx900m -Xss2m", "1Gi", "threads 100")]
    [InlineData("-Xmx900m -XX:ThreadStackSize=2048", "1Gi", "threads 100")]
    [InlineData("-Xmx1920m", "2Gi", "GC 77 + JVM 28")]
    [InlineData("-Xmx1700m -XX:+UseParallelGC", "1800Mi", "GC 51 + JVM 28")]
    public void EstimateAboveTheLimit_IsReported(string options, string limit, string shown)
    {
        var annotation = $"# Noncompliant {{{{{shown}}}}}";

        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: eclipse-temurin:21-jre
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: "{options}"   {annotation}
                  resources:
                    limits:
                      memory: {limit}
            """);
    }

    [Theory]
    [InlineData("-Xmx600m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=16m -Xss256k", "1Gi")]
    [InlineData("-XX:MaxRAMPercentage=50", "2Gi")]
    [InlineData("", "1Gi")]
    [InlineData("-Xmx1g", "1Gi")]
    [InlineData("-Xmx2g", "1Gi")]
    [InlineData("-Xmx600m -XX:MaxMetaspaceSize=64MB", "1Gi")]
    [InlineData("", "512Mi")]
    [InlineData("-Xmx600m", "1Gi")]
    [InlineData("-Xmx900m", "1Gi")]
    public void EstimateWithinTheLimit_OrHeapAloneTooBig_IsNotReported(string options, string limit)
    {
        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: eclipse-temurin:21-jre
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: "{options}"
                  resources:
                    limits:
                      memory: {limit}
            """);
    }

    // The JVM's default heap: only the smallest containers are too small for it (the exporter in 192 MiB measured 151 MiB).
    [Fact]
    public void DefaultHeapWithoutFlags_IsReportedOnlyInTheSmallestContainers()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: tiny
                  image: amazoncorretto:21
                  resources:
                    limits:
                      memory: 128Mi   # Noncompliant {{≈ 133 MiB (heap 64 + metaspace 16 + code cache 12 + direct 0 + threads 13 + GC 0 + JVM 28) exceeds the 128 MiB limit}}
                - name: exporter-sized
                  image: amazoncorretto:21
                  resources:
                    limits:
                      memory: 192Mi
                - name: floor
                  image: amazoncorretto:21
                  resources:
                    limits:
                      memory: 256Mi
            """);
    }

    // With 2 CPUs and 2 GiB HotSpot picks G1 (4% of the heap); with a 1-CPU limit, Serial (0.5%).
    [Fact]
    public void Collector_FollowsHotSpotsErgonomics()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: g1
                  image: eclipse-temurin:21-jre
                  args: [java, -Xmx1920m, -jar, app.jar]   # Noncompliant {{GC 77 + JVM 28}}
                  resources:
                    limits:
                      memory: 2Gi
                - name: serial
                  image: eclipse-temurin:21-jre
                  args: [java, -Xmx1920m, -jar, app.jar]
                  resources:
                    limits:
                      cpu: "1"
                      memory: 2Gi
            """);
    }

    [Fact]
    public void Options_ReplaceTheTypicalFigures()
    {
        var options = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string>
                {
                    ["threads"] = "100", ["threadStackKiB"] = "2048", ["metaspaceMiB"] = "64", ["codeCacheMiB"] = "20", ["directMemoryMiB"] = "8", ["overheadMiB"] = "50",
                },
            }),
        };

        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: fits
                  image: eclipse-temurin:21-jre
                  args: [java, -Xmx600m, -jar, app.jar]
                  resources:
                    limits:
                      memory: 1Gi
                - name: does-not-fit
                  image: eclipse-temurin:21-jre
                  args: [java, -Xmx900m, -jar, app.jar]   # Noncompliant {{≈ 1072 MiB (heap 900 + metaspace 64 + code cache 20 + direct 8 + threads 25 + GC 5 + JVM 50) exceeds}}
                  resources:
                    limits:
                      memory: 1Gi
                - name: budget
                  image: eclipse-temurin:21-jre
                  args: [java, -Xmx700m, -XX:MaxMetaspaceSize=100m, -jar, app.jar]   # Noncompliant {{≈ 1082 MiB (heap 700 + metaspace 100 + code cache 20 + direct 8 + threads 200 + GC 4 + JVM 50; native caps as written)}}
                  resources:
                    limits:
                      memory: 1Gi
            """, options);
    }
}
