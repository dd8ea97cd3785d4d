using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Jvm;

public class JvmCannotSeeMemoryLimitRuleTests
{
    private const string Rule = "ML2004";

    [Theory]
    [InlineData("openjdk:8u181-jre", "Java 8u181 predates container support (8u191, JDK 10) (image openjdk:8u181-jre), so the JVM ignores the 1024 MiB memory limit")]
    [InlineData("openjdk:8u121-jdk", "predates container support")]
    [InlineData("openjdk:7u221-jre", "Java 7 predates container support")]
    [InlineData("openjdk:9-jre", "Java 9 predates container support")]
    [InlineData("amazoncorretto:8.342.07.1", "Java 8u342 has no cgroup v2 support (added in 8u372, 11.0.16 and 15) (image amazoncorretto:8.342.07.1), so on cgroup v2 nodes")]
    [InlineData("openjdk:8u191-jre", "Java 8u191 has no cgroup v2 support")]
    [InlineData("openjdk:11.0.15-jre", "Java 11.0.15 has no cgroup v2 support")]
    [InlineData("eclipse-temurin:11.0.15_10-jre", "Java 11.0.15 has no cgroup v2 support")]
    [InlineData("openjdk:10-jre", "Java 10 has no cgroup v2 support")]
    [InlineData("openjdk:14", "Java 14 has no cgroup v2 support")]
    public void OldJdkFromTheImageTag_IsReportedAtTheImage(string image, string message)
    {
        var annotation = $"# Noncompliant {{{{{message}}}}}";

        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: {image}   {annotation}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Theory]
    [InlineData("openjdk:8u372-jre")]
    [InlineData("eclipse-temurin:8u402-b06-jre")]
    [InlineData("openjdk:8-jre")]
    [InlineData("openjdk:11.0.16-jre")]
    [InlineData("eclipse-temurin:11")]
    [InlineData("openjdk:15")]
    [InlineData("eclipse-temurin:21-jre")]
    [InlineData("ghcr.io/acme/billing-jre:8u181")]
    public void CurrentOrUnknownJdk_IsNotReported(string image)
    {
        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: {image}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void ContainerSupportTurnedOff_IsReportedAtTheFlag_UnlessALaterFlagTurnsItOn()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: off
                  image: eclipse-temurin:21-jre
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: -XX:-UseContainerSupport   # Noncompliant {{-XX:-UseContainerSupport in JAVA_TOOL_OPTIONS turns container detection off, so the JVM ignores the 1024 MiB memory limit and sizes its heap from the node's memory. Remove the flag.}}
                  resources:
                    limits:
                      memory: 1Gi
                - name: back-on
                  image: eclipse-temurin:21-jre
                  command: [java, -XX:+UseContainerSupport, -jar, app.jar]
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: -XX:-UseContainerSupport
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void ExperimentalCgroupFlagOnJava8_GetsTheCgroupV2Message()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: openjdk:8u181-jre   # Noncompliant {{reads only a cgroup v1 limit, through the experimental -XX:+UseCGroupMemoryLimitForHeap}}
                  command: [java, -XX:+UnlockExperimentalVMOptions, -XX:+UseCGroupMemoryLimitForHeap, -jar, app.jar]
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void FixedHeapOrNoLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: xmx
                  image: openjdk:8u181-jre
                  command: [java, -Xmx700m, -jar, app.jar]
                  resources:
                    limits:
                      memory: 1Gi
                - name: no-limit
                  image: openjdk:8u181-jre
            """);
    }
}
