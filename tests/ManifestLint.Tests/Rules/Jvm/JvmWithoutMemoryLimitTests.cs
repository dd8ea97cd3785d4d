using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Jvm;

/// <summary>ML1001's message for a JVM: without a limit, HotSpot sizes the heap from the node's RAM.</summary>
public class JvmWithoutMemoryLimitTests
{
    private const string Rule = "ML1001";

    [Fact]
    public void JvmWithoutALimit_SaysTheHeapFollowsTheNode()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: default-heap   # Noncompliant {{on the node. As a JVM, it also sizes its heap from the node's memory (25% of node RAM by default). Set resources.limits.memory.}}
                  image: eclipse-temurin:21-jre
                - name: percentage   # Noncompliant {{(75% of node RAM, -XX:MaxRAMPercentage=75 in JAVA_TOOL_OPTIONS)}}
                  image: eclipse-temurin:21-jre
                  env:
                    - {name: JAVA_TOOL_OPTIONS, value: -XX:MaxRAMPercentage=75}
                - name: guessed   # Noncompliant {{As a JVM (JVM detected from env _JAVA_OPTIONS), it also sizes its heap}}
                  image: ghcr.io/example/app:1
                  env:
                    - {name: _JAVA_OPTIONS, value: -Dfile.encoding=UTF-8}
            """);
    }

    [Fact]
    public void FixedHeapOrNotAJvm_HasThePlainMessage()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: xmx   # Noncompliant {{on the node. Set resources.limits.memory.}}
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx512m, -jar, app.jar]
                - name: max-ram   # Noncompliant {{on the node. Set resources.limits.memory.}}
                  image: eclipse-temurin:21-jre
                  command: [java, -XX:MaxRAM=2g, -jar, app.jar]
                - name: node   # Noncompliant {{on the node. Set resources.limits.memory.}}
                  image: node:22
            """);
    }
}
