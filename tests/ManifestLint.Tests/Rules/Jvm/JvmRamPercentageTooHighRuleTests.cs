using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Jvm;

public class JvmRamPercentageTooHighRuleTests
{
    private const string Rule = "ML2003";

    [Theory]
    [InlineData("-XX:MaxRAMPercentage=90", "1Gi", true)]
    [InlineData("-XX:MaxRAMPercentage=75.5", "1Gi", true)]
    [InlineData("-XX:MaxRAMPercentage=75", "1Gi", false)]
    [InlineData("-XX:MaxRAMPercentage=75.0", "1Gi", false)]
    [InlineData("-XX:MaxRAMPercentage=90 -Xmx512m", "1Gi", false)]
    [InlineData("-XX:MaxRAMPercentage=100", "1Gi", false)]
    [InlineData("-XX:MaxRAMPercentage=90 -XX:MaxRAMPercentage=50", "1Gi", false)]
    [InlineData("-XX:MaxRAMPercentage=90%", "1Gi", false)]
    [InlineData("-XX:InitialRAMPercentage=90", "1Gi", false)]
    [InlineData("-XX:InitialRAMPercentage=90 -Xms256m -XX:MaxRAMPercentage=70", "1Gi", false)]
    public void MaxRamPercentage_IsReportedOnlyAboveTheThreshold(string options, string limit, bool reported)
    {
        var annotation = reported ? "   # Noncompliant" : string.Empty;

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
                      value: "{options}"{annotation}
                  resources:
                    limits:
                      memory: {limit}
            """);
    }

    [Fact]
    public void HighPercentage_NamesTheHeapTheJvmPicks()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: large
                  image: eclipse-temurin:21-jre
                  args: [java, -XX:MaxRAMPercentage=90, -jar, app.jar]   # Noncompliant {{-XX:MaxRAMPercentage=90 on the command line gives the heap 90% of the 2048 MiB memory limit, ≈1843 MiB, too little room}}
                  resources:
                    limits:
                      memory: 2Gi
                - name: small
                  image: eclipse-temurin:21-jre
                  args: [java, -XX:MaxRAMPercentage=90, -jar, app.jar]   # Noncompliant {{would give the heap 90% of the 200 MiB memory limit, but the JVM picks 100 MiB (50% of the 200 MiB limit: below ≈250 MiB HotSpot uses MinRAMPercentage, default 50); above ≈250 MiB the heap jumps to 90%}}
                  resources:
                    limits:
                      memory: 200Mi
                - name: max-ram
                  image: eclipse-temurin:21-jre
                  args: [java, -XX:MaxRAM=1g, -XX:MaxRAMPercentage=80, -jar, app.jar]   # Noncompliant {{gives the heap 80% of -XX:MaxRAM=1g on the command line, ≈819 MiB}}
                  resources:
                    limits:
                      memory: 2Gi
            """);
    }

    [Fact]
    public void InitialRamPercentage_IsReportedWhenTheHeapItStartsWithIsHigh()
    {
        Verify(Rule, """
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
                      value: -XX:MaxRAMPercentage=80 -XX:InitialRAMPercentage=80   # Noncompliant {{-XX:MaxRAMPercentage=80}}
                  resources:                                                       # Noncompliant@-1 {{-XX:InitialRAMPercentage=80 in JAVA_TOOL_OPTIONS starts the heap at ≈819 MiB (80% of the 1024 MiB memory limit)}}
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void MaxPercentageOption_IsHonoured()
    {
        var options = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["maxPercentage"] = "85" },
            }),
        };

        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: eighty
                  image: eclipse-temurin:21-jre
                  args: [java, -XX:MaxRAMPercentage=80, -jar, app.jar]
                  resources:
                    limits:
                      memory: 1Gi
                - name: ninety
                  image: eclipse-temurin:21-jre
                  args: [java, -XX:MaxRAMPercentage=90, -jar, app.jar]   # Noncompliant {{Keep MaxRAMPercentage at 85 or lower.}}
                  resources:
                    limits:
                      memory: 1Gi
            """, options);
    }
}
