using ManifestLint.Model.Runtimes;
using ManifestLint.Tests.Model.Semantics;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

/// <summary>
/// Java application images whose start scripts build the java command line from environment variables. The cases
/// are minimal copies of containers in the public corpus (../shared/corpus), named after where they come from.
/// </summary>
public class JvmLaunchersTests
{
    [Theory]
    [InlineData("docker.io/bitnami/kafka:4.0.0-debian-12-r10", "Kafka")]
    [InlineData("confluentinc/cp-enterprise-kafka:6.1.0", "Kafka")]
    [InlineData("apache/kafka:3.9.0", "Kafka")]
    [InlineData("confluentinc/cp-kafka-rest:6.1.0", "Kafka REST Proxy")]
    [InlineData("docker.elastic.co/elasticsearch/elasticsearch:8.5.1", "Elasticsearch")]
    [InlineData("docker.io/bitnami/elasticsearch:9.1.2-debian-12-r0", "Elasticsearch")]
    [InlineData("opensearchproject/opensearch:3.6.0", "OpenSearch")]
    [InlineData("docker.elastic.co/logstash/logstash:8.5.1", "Logstash")]
    [InlineData("docker.io/bitnami/cassandra:5.0.5-debian-12-r7", "Cassandra")]
    [InlineData("gcr.io/google-samples/cassandra:v14", "Cassandra")]
    [InlineData("docker.io/bitnami/zookeeper:3.9.3-debian-12-r21", "ZooKeeper")]
    [InlineData("docker.io/jenkins/jenkins:2.568.2-jdk21", "Jenkins")]
    [InlineData("docker.io/bitnami/keycloak:26.3.3-debian-12-r0", "Keycloak")]
    public void ApplicationImage_IsAJvmWithItsLauncher(string image, string product)
    {
        var detection = Detect($"image: {image}");

        Assert.Equal(Runtime.Jvm, detection.Kind);
        Assert.True(detection.IsCertain);
        Assert.Equal(product, detection.Launcher?.Product);
    }

    [Theory]
    [InlineData("docker.io/bitnami/postgresql:17")]
    [InlineData("nginx:1.27")]
    public void OtherImages_HaveNoLauncher(string image)
    {
        Assert.Null(Detect($"image: {image}").Launcher);
    }

    // Java images whose start script sets a heap the catalog does not model: a JVM, heap unknown.
    [Theory]
    [InlineData("solsson/kafka-prometheus-jmx-exporter@sha256:6f82e2b0464f50da8104acd7363fb9b995001ddff77d248379f8788e78946143")]
    [InlineData("zookeeper:3.9")]
    [InlineData("flink:1.20")]
    public void OpaqueJavaImages_AreJvmsWithUnknownHeap(string image)
    {
        var detection = Detect($"image: {image}");

        Assert.Equal(Runtime.Jvm, detection.Kind);
        Assert.True(detection.Launcher?.IsOpaque);
        Assert.False(Options($"image: {image}\nresources: {{ limits: {{ memory: 1Gi }} }}").IsComplete);
    }

    // rendered/jenkins.yaml, Pod jenkins-ui-test: the Jenkins image runs the bats test runner, not Java.
    [Fact]
    public void JenkinsImageRunningBats_IsNotAJvm()
    {
        var detection = Detect("image: docker.io/jenkins/jenkins:2.568.2-jdk21\ncommand: [\"/tools/bats/bin/bats\", \"-t\", \"/tests/run.sh\"]");

        Assert.Equal(Runtime.Unknown, detection.Kind);
    }

    // rendered/elastic-elasticsearch.yaml, the Helm test Pod: curl in the Elasticsearch image.
    [Fact]
    public void ElasticsearchImageRunningCurl_IsNotAJvm()
    {
        var detection = Detect("image: docker.elastic.co/elasticsearch/elasticsearch:8.5.1\ncommand: [sh, -c, 'curl -XGET --fail https://elasticsearch-master:9200/']");

        Assert.Equal(Runtime.Unknown, detection.Kind);
    }

    [Theory]
    [InlineData("image: eclipse-temurin:21\ncommand: [sleep, infinity]")]
    [InlineData("image: openjdk:17\ncommand: [sh, -c, 'curl -f http://svc/health']")]
    public void JdkImageRunningACommonTool_IsNotAJvm(string fields)
    {
        Assert.Equal(Runtime.Unknown, Detect(fields).Kind);
    }

    // rendered/bitnami-solr.yaml (zookeeper sub-chart): command /scripts/setup.sh, which execs /entrypoint.sh /run.sh.
    // rendered/cp-helm-charts.yaml, cp-kafka-broker: sh -exc "export ... && exec /etc/confluent/docker/run".
    // rendered/jenkins.yaml, controller: args [--httpPort=8080] to the image's entrypoint.
    [Theory]
    [InlineData("image: docker.io/bitnami/zookeeper:3.9.3-debian-12-r21\ncommand: [/scripts/setup.sh]")]
    [InlineData("image: confluentinc/cp-enterprise-kafka:6.1.0\ncommand: [sh, -exc, 'export KAFKA_BROKER_ID=${HOSTNAME##*-} && exec /etc/confluent/docker/run']")]
    [InlineData("image: docker.io/jenkins/jenkins:2.568.2-jdk21\nargs: [--httpPort=8080]")]
    public void StartScriptsAndOptionArguments_RunTheImageProgram(string fields)
    {
        Assert.NotNull(Detect(fields).Launcher);
    }

    // rendered/bitnami-solr.yaml: ZOO_HEAP_SIZE=1024 under a 384Mi limit (the corpus README's first example).
    [Fact]
    public void BitnamiZooKeeperHeapSize_IsPassedAsXmxInMebibytes()
    {
        var flag = Options("image: docker.io/bitnami/zookeeper:3.9.3-debian-12-r21\ncommand: [/scripts/setup.sh]\nenv:\n  - {name: ZOO_HEAP_SIZE, value: \"1024\"}")[JvmFlagKind.MaxHeapSize];

        Assert.Equal(1024L << 20, flag?.Bytes);
        Assert.Equal("-Xmx1024m from ZOO_HEAP_SIZE=1024, which bitnami's libzookeeper.sh passes as -Xmx1024m -Xms1024m (per the image catalog)", flag?.Describe());
    }

    [Fact]
    public void BitnamiZooKeeperHeapSize_IsIgnoredWhenJvmFlagsHoldsAHeap()
    {
        var options = Options("image: docker.io/bitnami/zookeeper:3.9\nenv:\n  - {name: JVMFLAGS, value: -Xms256m -Xmx256m}\n  - {name: ZOO_HEAP_SIZE, value: \"1024\"}");

        Assert.Equal(256L << 20, options[JvmFlagKind.MaxHeapSize]?.Bytes);
    }

    // rendered/bitnami-kafka.yaml: KAFKA_HEAP_OPTS="-XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75".
    [Fact]
    public void KafkaHeapOpts_AreCommandLineOptions()
    {
        var options = Options("image: docker.io/bitnami/kafka:4.0.0-debian-12-r10\nenv:\n  - {name: KAFKA_HEAP_OPTS, value: \"-XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75\"}");

        Assert.Equal(75, options[JvmFlagKind.MaxRamPercentage]?.Number);
        Assert.Equal("in KAFKA_HEAP_OPTS, which kafka-run-class.sh puts on the java command line (per the image catalog)", options[JvmFlagKind.MaxRamPercentage]?.Where);
        Assert.True(options.IsComplete);
    }

    [Fact]
    public void KafkaWithoutHeapOpts_GetsTheStartScriptDefault()
    {
        var flag = Options("image: apache/kafka:3.9.0")[JvmFlagKind.MaxHeapSize];

        Assert.Equal(1L << 30, flag?.Bytes);
        Assert.Equal("-Xmx1G from Kafka's start script (its default when KAFKA_HEAP_OPTS is unset, per the image catalog)", flag?.Describe());
    }

    // rendered/elastic-elasticsearch.yaml: no ES_JAVA_OPTS, so jvm.options or Elasticsearch's heap ergonomics decide.
    [Fact]
    public void ElasticsearchWithoutEsJavaOpts_HasAnUnknownHeap()
    {
        var options = Options("image: docker.elastic.co/elasticsearch/elasticsearch:8.5.1");

        Assert.Null(options[JvmFlagKind.MaxHeapSize]);
        Assert.False(options.IsComplete);
    }

    // rendered/elastic-elasticsearch--resources.yaml: ES_JAVA_OPTS="-Xmx1g -Xms1g" comes after jvm.options, so it wins.
    [Fact]
    public void EsJavaOpts_WinsOverJvmOptionsFiles()
    {
        var options = Options("image: docker.elastic.co/elasticsearch/elasticsearch:8.5.1\nenv:\n  - {name: ES_JAVA_OPTS, value: \"-Xmx1g -Xms1g\"}");

        Assert.True(options.IsSettled(options[JvmFlagKind.MaxHeapSize]!));
    }

    // manifests/bank-of-anthos/balance-reader.yaml: JVM_OPTS in an image whose ENTRYPOINT is java -jar: read by nobody.
    [Fact]
    public void JvmOptsOfAnUnknownImage_AreNotRead()
    {
        var options = Options("image: us-central1-docker.pkg.dev/bank-of-anthos-ci/bank-of-anthos/balancereader:v0.6.10\nenv:\n  - {name: JVM_OPTS, value: -Xms256m -Xmx512m}");

        Assert.Null(options[JvmFlagKind.MaxHeapSize]);
    }

    // Many start scripts pass $JAVA_OPTS to java: where the java command line is not in the manifest, memory flags in
    // JAVA_OPTS make the heap unknown (neither counted nor ignored); other JAVA_OPTS content changes nothing.
    [Theory]
    [InlineData("image: ghcr.io/acme/billing:3.2\nenv:\n  - {name: JAVA_OPTS, value: -Xmx2g}", false)]
    [InlineData("image: ghcr.io/acme/billing:3.2\ncommand: [/app/bin/billing]\nenv:\n  - {name: JAVA_OPTS, value: -XX:MaxRAMPercentage=80}", false)]
    [InlineData("image: ghcr.io/acme/billing:3.2\nenv:\n  - {name: JAVA_OPTS, value: -Dfile.encoding=UTF-8}", true)]
    [InlineData("image: eclipse-temurin:21\ncommand: [java, -jar, app.jar]\nenv:\n  - {name: JAVA_OPTS, value: -Xmx2g}", true)]
    public void JavaOptsWithMemoryFlags_AndNoVisibleJavaCommand_AreUnknown(string fields, bool complete)
    {
        Assert.Equal(complete, Options(fields).IsComplete);
    }

    // rendered/cp-helm-charts.yaml, prometheus-jmx-exporter: java -XX:MaxRAMFraction=1 (HotSpot: MaxRAMPercentage = 100 / N).
    [Theory]
    [InlineData("-XX:MaxRAMFraction=1", 100, 512)]
    [InlineData("-XX:MaxRAMFraction=2", 50, 256)]
    [InlineData("-XX:MaxRAMFraction=1 -XX:MaxRAMPercentage=25", 25, 128)]
    public void MaxRamFraction_IsConvertedToAPercentage(string flags, double percentage, long heapMiB)
    {
        var options = JvmOptions.Parse(flags);
        var heap = JvmErgonomics.MaxHeap(512L << 20, options);

        Assert.Equal(percentage, heap?.Percentage);
        Assert.Equal(heapMiB << 20, heap?.Bytes);
    }

    private static RuntimeDetection Detect(string fields) => RuntimeDetector.Detect(Container(fields));

    private static JvmOptions Options(string fields)
    {
        var container = Container(fields);
        var commandLine = ContainerCommandLine.From(container);
        var detection = RuntimeDetector.Detect(container, commandLine);
        return JvmOptions.From(container, commandLine, detection.Version, detection.Launcher);
    }

    private static ManifestLint.Model.Kubernetes.Container Container(string fields)
    {
        var indented = string.Join('\n', fields.Split('\n').Select(l => "    " + l));
        return ManifestBuilder.Pod($"containers:\n  - name: app\n{indented}").Container("app");
    }
}
