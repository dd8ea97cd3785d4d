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
                - name: default-heap
                  image: eclipse-temurin:21-jre
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{until the node runs out; as a JVM it sizes its heap from the node's memory (25% of node RAM by default). Set resources.limits.memory.}}
                - name: percentage
                  image: eclipse-temurin:21-jre
                  env:
                    - {name: JAVA_TOOL_OPTIONS, value: -XX:MaxRAMPercentage=75}
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{(75% of node RAM, -XX:MaxRAMPercentage=75 in JAVA_TOOL_OPTIONS)}}
                - name: guessed
                  image: ghcr.io/example/app:1
                  env:
                    - {name: _JAVA_OPTIONS, value: -Dfile.encoding=UTF-8}
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{as a JVM (JVM detected from env _JAVA_OPTIONS) it sizes its heap}}
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
                - name: xmx
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx512m, -jar, app.jar]
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{until the node runs out. Set resources.limits.memory.}}
                - name: max-ram
                  image: eclipse-temurin:21-jre
                  command: [java, -XX:MaxRAM=2g, -jar, app.jar]
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{until the node runs out. Set resources.limits.memory.}}
                - name: node
                  image: node:22
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{until the node runs out. Set resources.limits.memory.}}
            """);
    }


    // Corpus: rendered/cp-helm-charts.yaml. The cp-* servers get -Xmx512M from *_HEAP_OPTS, which Confluent's
    // run-class scripts put on the java command line; the jmx exporter runs java -XX:MaxRAMFraction=1 (100% of RAM);
    // rendered/opensearch.yaml and elastic-elasticsearch take their heap from jvm.options or their own sizing.
    [Fact]
    public void StartScriptHeaps_AndDeprecatedFractions_AreNamedOrLeftUnsaid()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: cp-kafka-rest-server
                  image: confluentinc/cp-kafka-rest:6.1.0
                  env:
                    - {name: KAFKAREST_HEAP_OPTS, value: "-Xms512M -Xmx512M"}
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{until the node runs out. Set resources.limits.memory.}}
                - name: prometheus-jmx-exporter
                  image: solsson/kafka-prometheus-jmx-exporter@sha256:6f82e2b0464f50da8104acd7363fb9b995001ddff77d248379f8788e78946143
                  command: [java, -XX:+UnlockExperimentalVMOptions, -XX:+UseCGroupMemoryLimitForHeap, -XX:MaxRAMFraction=1, -XshowSettings:vm, -jar, jmx_prometheus_httpserver.jar, "5556", /etc/jmx/config.yml]
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{(100% of node RAM, -XX:MaxRAMFraction=1 on the command line)}}
                - name: elasticsearch
                  image: docker.elastic.co/elasticsearch/elasticsearch:8.5.1
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{until the node runs out. Set resources.limits.memory.}}
                - name: jenkins-ui-test
                  image: docker.io/jenkins/jenkins:2.568.2-jdk21
                  command: ["/tools/bats/bin/bats", "-t", "/tests/run.sh"]
                  resources: {requests: {memory: 512Mi}}   # Noncompliant {{until the node runs out. Set resources.limits.memory.}}
            """);
    }
}
