using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Jvm;

public class JvmFootprintAboveMemoryLimitRuleTests
{
    private const string Rule = "ML2002";

    [Theory]
    [InlineData("-Xmx800m", "1Gi", "≈ 1090 MiB (heap 800 + metaspace 96 + code cache 48 + direct 32 + threads 50 + overhead 64)")]
    [InlineData("-XX:MaxRAMPercentage=75", "1Gi", "≈ 1058 MiB (heap 768 + metaspace 96")]
    [InlineData("-Xmx800m -XX:-TieredCompilation -XX:ReservedCodeCacheSize=240m", "1Gi", "code cache 48")]
    [InlineData("-Xmx600m -XX:MaxDirectMemorySize=1g", "1792Mi", "direct 1024")]
    [InlineData("-Xmx800m -Xss2m", "1Gi", "threads 100")]
    [InlineData("-Xmx800m -XX:ThreadStackSize=2048", "1Gi", "threads 100")]
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

    [Theory]
    [InlineData("384Mi", "≈ 415 MiB (heap 125 + metaspace 96", "the heap (HotSpot's ≈125 MiB floor for the 384 MiB limit)")]
    [InlineData("256Mi", "≈ 415 MiB (heap 125 + metaspace 96", "the heap (HotSpot's ≈125 MiB floor for the 256 MiB limit)")]
    [InlineData("200Mi", "≈ 390 MiB (heap 100 + metaspace 96", "the heap (50% of the 200 MiB limit: below ≈250 MiB HotSpot uses MinRAMPercentage, default 50)")]
    public void DefaultHeapWithoutFlags_IsReportedAtTheLimit(string limit, string sum, string heap)
    {
        foreach (var fragment in new[] { sum, heap })
        {
            var annotation = $"# Noncompliant {{{{{fragment}}}}}";
            Verify(Rule, $"""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: app
                spec:
                  containers:
                    - name: app
                      image: amazoncorretto:21
                      resources:
                        limits:
                          memory: {limit}   {annotation}
                """);
        }
    }

    [Fact]
    public void Options_ReplaceTheTypicalFigures()
    {
        var options = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["threads"] = "100", ["threadStackKiB"] = "2048", ["metaspaceMiB"] = "64", ["overheadMiB"] = "50" },
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
                  args: [java, -Xmx800m, -jar, app.jar]   # Noncompliant {{≈ 1194 MiB (heap 800 + metaspace 64 + code cache 48 + direct 32 + threads 200 + overhead 50)}}
                  resources:
                    limits:
                      memory: 1Gi
            """, options);
    }
}
