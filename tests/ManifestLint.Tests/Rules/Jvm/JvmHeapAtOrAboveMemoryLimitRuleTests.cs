using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Jvm;

public class JvmHeapAtOrAboveMemoryLimitRuleTests
{
    private const string Rule = "ML2001";

    [Fact]
    public void XmxInJavaToolOptionsEqualToTheLimit_IsReportedAtTheEnvValue()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: eclipse-temurin:21-jre
                      env:
                        - name: JAVA_TOOL_OPTIONS
                          value: -Xmx1g   # Noncompliant {{Deployment shop/web, container "web": JVM max heap 1024 MiB (-Xmx1g in JAVA_TOOL_OPTIONS) is at or above the 1024 MiB memory limit. Set -XX:MaxRAMPercentage=75 or lower (or -Xmx at most ~75% of the limit, 768 MiB).}}
                      resources:
                        limits:
                          memory: 1Gi
            """);
    }

    [Theory]
    [InlineData("-Xmx1024m", "1Gi", true)]
    [InlineData("-Xmx1023m", "1Gi", false)]
    [InlineData("-Xmx2g", "1Gi", true)]
    [InlineData("-XX:MaxHeapSize=1073741824", "1Gi", true)]
    [InlineData("-Xmx954m", "1G", true)]
    [InlineData("-Xmx953m", "1G", false)]
    [InlineData("-XX:MaxRAMPercentage=100", "1Gi", true)]
    [InlineData("-XX:MaxRAMPercentage=99.9", "1Gi", false)]
    [InlineData("-XX:MaxRAMPercentage=90", "200Mi", false)]
    [InlineData("-XX:MinRAMPercentage=100", "200Mi", false)]
    [InlineData("-XX:MinRAMPercentage=100", "120Mi", true)]
    [InlineData("-XX:MaxRAM=4g", "1Gi", true)]
    [InlineData("-XX:MaxRAM=4g -XX:MaxRAMPercentage=20", "1Gi", false)]
    [InlineData("-Xms1g", "1Gi", true)]
    [InlineData("-Xmx2Gi", "1Gi", false)]
    [InlineData("-Xmx1g -Xms2g", "512Mi", false)]
    [InlineData("-Xmx1g -Xmx512m", "1Gi", false)]
    [InlineData("-Xmx512m -Xmx1g", "1Gi", true)]
    public void Heap_ComparedWithTheLimitByValue(string options, string limit, bool reported)
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
                      value: {options}{annotation}
                  resources:
                    limits:
                      memory: {limit}
            """);
    }

    [Fact]
    public void CommandLineBeatsJavaToolOptions_AndJavaOptionsBeatsTheCommandLine()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: command-line-wins
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx512m, -jar, app.jar]
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: -Xmx2g
                  resources:
                    limits:
                      memory: 1Gi
                - name: underscore-wins
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx512m, -jar, app.jar]
                  env:
                    - name: _JAVA_OPTIONS
                      value: -Xmx2g   # Noncompliant {{(-Xmx2g in _JAVA_OPTIONS)}}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void FlagOnTheCommandLine_IsReportedAtItsArgsItem()
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
                  command:
                    - java
                    - -Xms2g   # Noncompliant {{JVM max heap 2048 MiB (raised to the initial heap, -Xms2g on the command line)}}
                    - -jar
                    - app.jar
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void JavaOpts_IsReadOnlyWhereAScriptExpandsIt()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: not-expanded
                  image: eclipse-temurin:21-jre
                  command: [java, -jar, app.jar]
                  env:
                    - name: JAVA_OPTS
                      value: -Xmx2g
                  resources:
                    limits:
                      memory: 1Gi
                - name: expanded
                  image: eclipse-temurin:21-jre
                  command: [sh, -c, 'exec java $JAVA_OPTS -jar app.jar']
                  env:
                    - name: JAVA_OPTS
                      value: -Xms512m -Xmx2g   # Noncompliant {{(-Xmx2g in $JAVA_OPTS on the command line)}}
                  resources:
                    limits:
                      memory: 1Gi
                - name: after-the-jar
                  image: eclipse-temurin:21-jre
                  command: [sh, -c, 'exec java -jar app.jar $JAVA_OPTS']
                  env:
                    - name: JAVA_OPTS
                      value: -Xmx2g
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void MaxRam_ReplacesTheLimit()
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
                  args: [java, -XX:MaxRAM=4g, -jar, app.jar]   # Noncompliant {{JVM max heap 1024 MiB (25% of -XX:MaxRAM=4g on the command line, the default MaxRAMPercentage)}}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void UnknownSourceThatCouldOverrideTheFlag_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: may-be-overridden
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx2g, -jar, app.jar]
                  env:
                    - name: _JAVA_OPTIONS
                      valueFrom:
                        configMapKeyRef: {name: jvm, key: options}
                  resources:
                    limits:
                      memory: 1Gi
                - name: cannot-be-overridden
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx2g, -jar, app.jar]   # Noncompliant
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      valueFrom:
                        secretKeyRef: {name: jvm, key: options}
                  resources:
                    limits:
                      memory: 1Gi
                - name: percentage-with-unknown-part
                  image: eclipse-temurin:21-jre
                  command: [java, -XX:MaxRAMPercentage=100, -jar, app.jar]
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      valueFrom:
                        secretKeyRef: {name: jvm, key: options}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void LimitFromALimitRange_IsUsedAndNamed()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: shop
            spec:
              limits:
                - type: Container
                  default:
                    memory: 512Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
              namespace: shop
            spec:
              initContainers:
                - name: migrate
                  image: eclipse-temurin:21-jre
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: -Xmx512m   # Noncompliant {{init container "migrate": JVM max heap 512 MiB (-Xmx512m in JAVA_TOOL_OPTIONS) is at or above the 512 MiB (default of LimitRange shop/defaults) memory limit}}
              containers:
                - name: app
                  image: eclipse-temurin:21-jre
            """);
    }

    [Fact]
    public void NoLimitOrNoJvm_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: no-limit
                  image: eclipse-temurin:21-jre
                  command: [java, -Xmx8g, -jar, app.jar]
                - name: not-a-jvm
                  image: node:22
                  command: [node, server.js, -Xmx8g]
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void EnvOnlyDetection_SaysSo()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/billing:3.2
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: -Xmx1g   # Noncompliant {{container "app" (JVM detected from env JAVA_TOOL_OPTIONS): JVM max heap 1024 MiB}}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void JvmThatCannotSeeTheLimit_CountsOnlyExplicitSizes()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: percentage
                  image: openjdk:8u181-jre
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: -XX:MaxRAMPercentage=100
                  resources:
                    limits:
                      memory: 1Gi
                - name: xmx
                  image: openjdk:8u181-jre
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: -Xmx1g   # Noncompliant
                  resources:
                    limits:
                      memory: 1Gi
                - name: java8-ignores-jdk-java-options
                  image: eclipse-temurin:8u402-b06-jre
                  env:
                    - name: JDK_JAVA_OPTIONS
                      value: -Xmx2g
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }


    // Corpus: rendered/bitnami-solr.yaml, StatefulSet bitnami-solr-zookeeper (bitnami zookeeper sub-chart):
    // ZOO_HEAP_SIZE=1024 (MiB) under a 384Mi limit. bitnami's libzookeeper.sh passes it as -Xmx1024m -Xms1024m.
    [Fact]
    public void BitnamiSolrZooKeeper_HeapSizeAboveTheLimit_IsReportedAtTheVariable()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: bitnami-solr-zookeeper
            spec:
              selector:
                matchLabels: {app: zookeeper}
              template:
                metadata:
                  labels: {app: zookeeper}
                spec:
                  containers:
                    - name: zookeeper
                      image: docker.io/bitnami/zookeeper:3.9.3-debian-12-r21
                      command:
                        - /scripts/setup.sh
                      env:
                        - name: ZOO_HEAP_SIZE
                          value: "1024"   # Noncompliant {{JVM max heap 1024 MiB (-Xmx1024m from ZOO_HEAP_SIZE=1024, which bitnami's libzookeeper.sh passes as -Xmx1024m -Xms1024m (per the image catalog)) is at or above the 384 MiB memory limit. Lower ZOO_HEAP_SIZE to at most ~75% of the limit, 288 MiB.}}
                      resources:
                        limits:
                          memory: 384Mi
                        requests:
                          memory: 256Mi
            """);
    }

    // Kafka's kafka-server-start.sh sets KAFKA_HEAP_OPTS="-Xmx1G -Xms1G" when it is empty: a 1Gi Kafka is full of heap.
    [Fact]
    public void KafkaWithoutHeapOpts_UsesTheStartScriptDefault()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: kafka
            spec:
              containers:
                - name: default-heap
                  image: apache/kafka:3.9.0
                  resources:
                    limits:
                      memory: 1Gi   # Noncompliant {{JVM max heap 1024 MiB (-Xmx1G from Kafka's start script (its default when KAFKA_HEAP_OPTS is unset, per the image catalog)) is at or above the 1024 MiB memory limit}}
                - name: heap-opts
                  image: apache/kafka:3.9.0
                  env:
                    - name: KAFKA_HEAP_OPTS
                      value: -XX:MaxRAMPercentage=60
                  resources:
                    limits:
                      memory: 1Gi
                - name: kafka-topics
                  image: apache/kafka:3.9.0
                  command: [sh, -c, "kafka-topics.sh --list --bootstrap-server kafka:9092"]
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }


    // Corpus: rendered/bitnami-spark.yaml, master and worker: SPARK_DAEMON_MEMORY="" under a 768Mi limit. bitnami's run.sh
    // starts start-master.sh / start-worker.sh, and Spark's launcher (SparkClassCommandBuilder) passes
    // -Xmx${SPARK_DAEMON_MEMORY:-1g}: a 1 GiB heap in a 768 MiB container.
    [Fact]
    public void BitnamiSpark_DefaultDaemonMemoryAboveTheLimit_IsReportedAtTheEmptyVariable()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: bitnami-spark-master
            spec:
              selector:
                matchLabels: {app: spark}
              template:
                metadata:
                  labels: {app: spark}
                spec:
                  containers:
                    - name: spark-master
                      image: docker.io/bitnami/spark:4.0.0-debian-12-r20
                      env:
                        - name: SPARK_MODE
                          value: "master"
                        - name: SPARK_DAEMON_MEMORY
                          value: ""   # Noncompliant {{JVM max heap 1024 MiB (-Xmx1g from Spark's start script (its default when SPARK_DAEMON_MEMORY is unset, per the image catalog)) is at or above the 768 MiB memory limit. Lower SPARK_DAEMON_MEMORY to at most ~75% of the limit, 576 MiB.}}
                      resources:
                        limits:
                          memory: 768Mi
                        requests:
                          memory: 512Mi
                    - name: sized
                      image: docker.io/bitnami/spark:4.0.0-debian-12-r20
                      env:
                        - name: SPARK_DAEMON_MEMORY
                          value: 512m
                      resources:
                        limits:
                          memory: 768Mi
            """);
    }
}
