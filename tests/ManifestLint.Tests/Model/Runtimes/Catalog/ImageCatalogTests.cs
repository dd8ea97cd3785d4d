using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Runtimes.Catalog;
using ManifestLint.Model.Yaml;
using ManifestLint.Tests.Model.Semantics;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes.Catalog;

public class ImageCatalogTests
{
    [Fact]
    public void BuiltInCatalog_ParsesWithoutErrors_AndEveryEntryCitesASource()
    {
        var errors = new List<CatalogError>();
        var root = (MappingNode)YamlFileLoader.Load("rules/images.yaml", ImageCatalog.BuiltInText()).Documents[0].Root!;
        var entries = ImageCatalogReader.ReadEntries(root["images"]!, "the image catalog", errors);

        Assert.Empty(errors);
        Assert.Equal(entries.Count, ImageCatalog.Default.Entries.Count);
        Assert.True(entries.Count >= 80, $"{entries.Count} entries");
        Assert.All(entries, e => Assert.StartsWith("https://", e.Source, StringComparison.Ordinal));
        Assert.All(entries.Where(e => e.Runtime == Runtime.Go), e => Assert.NotNull(e.Go));
        Assert.All(entries.Where(e => e.Runtime == Runtime.Jvm), e => Assert.True(e.Launcher is not null || e.Processes.Count > 0, e.Name));
    }

    [Theory]
    [InlineData("docker.io/bitnami/kafka:4.0.0", "Kafka", Runtime.Jvm)]
    [InlineData("confluentinc/cp-kafka-rest:6.1.0", "Kafka REST Proxy", Runtime.Jvm)]
    [InlineData("bitnami/elasticsearch:9", "Elasticsearch (Bitnami)", Runtime.Jvm)]
    [InlineData("docker.elastic.co/elasticsearch/elasticsearch:8.5.1", "Elasticsearch", Runtime.Jvm)]
    [InlineData("tomcat:10.1-jdk21", "Tomcat", Runtime.Jvm)]
    [InlineData("bitnami/tomcat:11", "Tomcat (Bitnami)", Runtime.Jvm)]
    [InlineData("sonarqube:10-community", "SonarQube", Runtime.Jvm)]
    [InlineData("flink:1.20", "Flink", Runtime.Jvm)]
    [InlineData("neo4j:5", "Neo4j", Runtime.Jvm)]
    [InlineData("quay.io/strimzi/operator:0.45.0", "Strimzi", Runtime.Jvm)]
    [InlineData("quay.io/prometheus/prometheus:v3.14.0", "Prometheus", Runtime.Go)]
    [InlineData("quay.io/prometheus/node-exporter:v1.12.1", "Prometheus exporter or tool", Runtime.Go)]
    [InlineData("quay.io/prometheus-operator/prometheus-config-reloader:v0.93.1", "config reloader", Runtime.Go)]
    [InlineData("minio/minio:RELEASE.2025-01-01T00-00-00Z", "MinIO", Runtime.Go)]
    [InlineData("traefik:v3.3", "Traefik", Runtime.Go)]
    [InlineData("ko://knative.dev/serving/cmd/activator", "Knative Serving (ko)", Runtime.Go)]
    [InlineData("n8nio/n8n:1.80.0", "n8n", Runtime.Node)]
    [InlineData("parseplatform/parse-server:7", "Parse Server", Runtime.Node)]
    [InlineData("ghcr.io/open-telemetry/demo:3.0.0-payment", "OpenTelemetry demo Node.js service", Runtime.Node)]
    [InlineData("ghcr.io/open-telemetry/demo:3.0.0-ad", "OpenTelemetry demo Java service", Runtime.Jvm)]
    [InlineData("apache/airflow:3.0.0", "Airflow", Runtime.Python)]
    public void Find_MatchesTheImageFamily(string image, string name, Runtime runtime)
    {
        var entry = ImageCatalog.Default.Find(ImageReference.Parse(image));

        Assert.Equal(name, entry?.Name);
        Assert.Equal(runtime, entry?.Runtime);
    }

    [Theory]
    [InlineData("nginx:1.27")]
    [InlineData("ghcr.io/open-telemetry/demo:3.0.0-cart")]
    [InlineData("acme/kafkaesque:1")]
    [InlineData("redis:7")]
    public void Find_LeavesOtherImagesAlone(string image) => Assert.Null(ImageCatalog.Default.Find(ImageReference.Parse(image)));

    // rendered/bitnami-cilium.yaml: the agent's init containers run setup tools of the Cilium image, not the agent.
    [Fact]
    public void GoImageInAnInitContainerWithACommand_IsNotTheProgram()
    {
        var pod = ManifestBuilder.Pod("""
            initContainers:
              - name: build-config
                image: docker.io/bitnami/cilium:1.18.1-debian-12-r0
                command: [cilium-dbg, build-config]
              - name: install-cni-plugin
                image: docker.io/bitnami/cilium:1.18.1-debian-12-r0
                args: [/opt/bitnami/scripts/cilium/install-cni-plugin.sh]
            containers:
              - name: cilium-agent
                image: docker.io/bitnami/cilium:1.18.1-debian-12-r0
                command: [cilium-agent]
            """);

        Assert.Equal(Runtime.Unknown, RuntimeDetector.Detect(pod.Container("build-config")).Kind);
        Assert.Equal(Runtime.Unknown, RuntimeDetector.Detect(pod.Container("install-cni-plugin")).Kind);
        Assert.Equal(Runtime.Go, RuntimeDetector.Detect(pod.Container("cilium-agent")).Kind);
    }

    [Theory]
    [InlineData("image: ':::'")]
    [InlineData("image: '@'")]
    [InlineData("image: ''")]
    [InlineData("image: 'UPPER/Case:tag with spaces'")]
    public void UnparsableImageReference_HasNoRuntime_AndDoesNotThrow(string field)
    {
        var detection = RuntimeDetector.Detect(ManifestBuilder.Pod($"containers:\n  - name: app\n    {field}").Container("app"));

        Assert.Equal(Runtime.Unknown, detection.Kind);
    }

    [Fact]
    public void UserEntries_FromConfiguration_AreMatchedFirst_AndNamedInDetection()
    {
        var config = ConfigurationParser.Parse("/r/.manifestlint.yaml", """
            images:
              - name: Billing
                match: [acme/billing]
                runtime: jvm
                source: https://git.example.com/acme/billing/blob/main/docker/start.sh
                jvm:
                  script: start.sh
                  variables:
                    - { name: BILLING_JAVA_OPTS, kind: options }
              - name: Our Kafka
                match: [kafka]
                runtime: jvm
                source: internal
                jvm: { script: our-kafka.sh, heap: unknown }
            """, RuleCatalog.Default);

        Assert.Equal("Billing", config.Images.Find(ImageReference.Parse("ghcr.io/acme/billing:3"))?.Name);
        Assert.Equal("Our Kafka", config.Images.Find(ImageReference.Parse("bitnami/kafka:4"))?.Name);
        Assert.Equal("Kafka", ImageCatalog.Default.Find(ImageReference.Parse("bitnami/kafka:4"))?.Name);
        Assert.Equal("images: in .manifestlint.yaml", config.ImageEntries[0].Origin);
    }

    [Theory]
    [InlineData("images:\n  - name: X\n    match: [acme/x]\n    runtime: ruby\n    source: s\n", 4, 14, "unknown runtime 'ruby'")]
    [InlineData("images:\n  - name: X\n    match: [acme/x]\n    runtime: go\n    source: s\n    go: { goMemLimit: maybe }\n", 6, 23, "unknown goMemLimit 'maybe'")]
    [InlineData("images:\n  - name: X\n    match: [acme/x]\n    runtime: jvm\n    source: s\n    jvm: { script: s.sh, heap: unknown }\n    colour: blue\n", 7, 5, "unknown key 'colour'")]
    [InlineData("images:\n  - name: X\n    runtime: go\n    source: s\n    go: { goMemLimit: none }\n", 2, 5, "missing 'match'")]
    [InlineData("images:\n  - name: X\n    match: [acme/x]\n    runtime: jvm\n    source: s\n    jvm:\n      script: s.sh\n      variables:\n        - { name: V, kind: megabytes }\n", 9, 28, "unknown variable kind 'megabytes'")]
    [InlineData("images: { name: X }\n", 1, 9, "expects a list")]
    public void BadUserEntries_AreConfigurationErrors_WithLineAndColumn(string yaml, int line, int column, string message)
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse("/r/.manifestlint.yaml", yaml, RuleCatalog.Default));

        var error = Assert.Single(e.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.At.StartLine, error.At.StartColumn));
    }
}
