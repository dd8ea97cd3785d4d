using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Jvm;

public class JvmHeapHardCodedRuleTests
{
    private const string Rule = "ML2005";

    [Theory]
    [InlineData("-Xmx768m", "1Gi", "-Xmx768m in JAVA_TOOL_OPTIONS fixes the heap at 768 MiB (75% of the 1024 MiB memory limit)", "-XX:MaxRAMPercentage=75 instead")]
    [InlineData("-Xmx256m", "1Gi", "fixes the heap at 256 MiB (25% of the 1024 MiB memory limit)", "-XX:MaxRAMPercentage=25 instead")]
    [InlineData("-Xmx900m", "1Gi", "(87.9% of the 1024 MiB memory limit)", "-XX:MaxRAMPercentage=75 instead")]
    [InlineData("-XX:MaxHeapSize=512m", "2Gi", "-XX:MaxHeapSize=512m in JAVA_TOOL_OPTIONS fixes the heap at 512 MiB", "-XX:MaxRAMPercentage=25 instead")]
    public void FixedHeap_IsReportedWithAPercentage(string options, string limit, string fixes, string suggests)
    {
        Verify(Rule, Pod(options, limit, $"# Noncompliant {{{{{fixes}}}}}"));
        Verify(Rule, Pod(options, limit, $"# Noncompliant {{{{{suggests}}}}}"));
    }

    [Fact]
    public void NotReported_WhenMl2001Fires_WithoutALimit_ForABlindJvm_OrWithAPercentage()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: heap-fills-the-limit
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx1g, -jar, app.jar]
                  resources:
                    limits:
                      memory: 1Gi
                - name: no-limit
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx512m, -jar, app.jar]
                - name: blind-jvm
                  image: openjdk:8u181-jre
                  command: [java, -Xmx512m, -jar, app.jar]
                  resources:
                    limits:
                      memory: 1Gi
                - name: percentage
                  image: eclipse-temurin:21-jre
                  command: [java, -XX:MaxRAMPercentage=70, -jar, app.jar]
                  resources:
                    limits:
                      memory: 1Gi
                - name: application-argument
                  image: eclipse-temurin:21-jre
                  command: [java, -jar, app.jar, -Xmx512m]
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    private static string Pod(string options, string limit, string annotation) => $"""
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
                  value: {options}   {annotation}
              resources:
                limits:
                  memory: {limit}
        """;
}
