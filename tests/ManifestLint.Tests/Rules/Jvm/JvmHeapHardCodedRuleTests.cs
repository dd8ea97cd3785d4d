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


    // Corpus: rendered/elastic-logstash.yaml, LS_JAVA_OPTS="-Xmx1g -Xms1g" under 1536Mi. Logstash's config/jvm.options
    // already holds an -Xmx, and -Xmx beats any percentage, so "use -XX:MaxRAMPercentage" would not work there.
    // The Kafka scripts pass KAFKA_HEAP_OPTS as given, so there the advice holds.
    [Fact]
    public void StartScriptsThatAlwaysSetAHeap_AreNotToldToUseAPercentage()
    {
        ManifestLint.Tests.Rules.ExpectedFindings.Verify("ML2005", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: logstash
                  image: docker.elastic.co/logstash/logstash:8.5.1
                  env:
                    - name: LS_JAVA_OPTS
                      value: "-Xmx1g -Xms1g"
                  resources:
                    limits:
                      memory: 1536Mi
                - name: kafka
                  image: docker.io/bitnami/kafka:4.0.0-debian-12-r10
                  env:
                    - name: KAFKA_HEAP_OPTS
                      value: "-Xmx512m -Xms512m"   # Noncompliant {{-Xmx512m in KAFKA_HEAP_OPTS, which kafka-run-class.sh puts on the java command line (per the image catalog) fixes the heap at 512 MiB (50% of the 1024 MiB memory limit)}}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }
}
