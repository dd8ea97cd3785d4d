using System.Text.RegularExpressions;

namespace ManifestLint.Model.Runtimes;

/// <summary>How an environment variable read by an image's start script reaches the <c>java</c> command line.</summary>
public enum LauncherVariableKind
{
    /// <summary>JVM options, split on white space and put on the command line as written: <c>KAFKA_HEAP_OPTS</c>, <c>ES_JAVA_OPTS</c>.</summary>
    Options,

    /// <summary>A size in HotSpot's syntax the script passes as <c>-Xms{v} -Xmx{v}</c>: Cassandra's <c>MAX_HEAP_SIZE=768M</c>.</summary>
    HeapSize,

    /// <summary>A number of MiB the script passes as <c>-Xmx{v}m -Xms{v}m</c>: bitnami ZooKeeper's <c>ZOO_HEAP_SIZE=1024</c>.</summary>
    HeapMebibytes,

    /// <summary>A size the launcher passes as <c>-Xmx{v}</c> alone: Spark's <c>SPARK_DAEMON_MEMORY=2g</c>.</summary>
    MaxHeapSize,
}

/// <param name="SkippedWhenHeapIn">The script ignores this variable when that options variable already holds a heap (bitnami ZooKeeper: two -Xm[xs] in JVMFLAGS).</param>
public sealed record LauncherVariable(string Name, LauncherVariableKind Kind, string? SkippedWhenHeapIn = null);

/// <summary>
/// A Java application image whose start script builds the <c>java</c> command line from environment variables
/// (the JVM itself reads none of them, memory-facts §8: only <c>JAVA_TOOL_OPTIONS</c> and <c>_JAVA_OPTIONS</c>).
/// Each entry was read from the script named in <see cref="Script"/>; an image not listed here is not assumed
/// to pass any variable to Java.
/// </summary>
/// <param name="Product">"Kafka", for messages.</param>
/// <param name="Script">The script that reads the variables: "kafka-run-class.sh".</param>
/// <param name="Variables">In the order the script puts them on the java command line (a later flag wins).</param>
/// <param name="HeapBeforeVariables">
/// What sets a heap ahead of the variables, unknown here (a <c>jvm.options</c> file, the product's own heap
/// ergonomics); null when nothing does. A heap in the variables overrides it; without one the heap is unknown.
/// </param>
/// <param name="HeapWhenUnset">
/// The heap the script picks itself when this variable is unset or empty, unknown here (it depends on the node, or
/// differs between image builds): a heap flag only takes effect through that variable.
/// </param>
/// <param name="DefaultWhenUnset">Options the server script uses when <paramref name="HeapWhenUnset"/>'s variable is empty, when they are known (Kafka's -Xmx1G -Xms1G); used only when the image's entrypoint runs (no <c>command</c>).</param>
/// <param name="TakesHeapPercentage">
/// True when -XX:MaxRAMPercentage in the variables decides the heap. False when the script or the product always
/// adds its own -Xmx, which beats any percentage (memory-facts §8): then advice to use a percentage is wrong.
/// </param>
public sealed record JvmLauncher(
    string Product,
    string Script,
    IReadOnlyList<LauncherVariable> Variables,
    string? HeapBeforeVariables = null,
    string? HeapWhenUnset = null,
    string? DefaultWhenUnset = null,
    bool TakesHeapPercentage = true)
{
    /// <summary>True for images known to run Java whose start script this table does not model: heap unknown.</summary>
    public bool IsOpaque => Variables.Count == 0;
}

/// <summary>The start scripts of well-known Java application images (see <see cref="JvmLauncher"/>).</summary>
public static partial class JvmLaunchers
{
    private static LauncherVariable Opts(string name) => new(name, LauncherVariableKind.Options);

    // apache/kafka bin/kafka-server-start.sh: KAFKA_HEAP_OPTS defaults to "-Xmx1G -Xms1G" when empty; kafka-run-class.sh:
    // exec "$JAVA" $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS $KAFKA_GC_LOG_OPTS $KAFKA_JMX_OPTS $KAFKA_LOG4J_OPTS -cp ... $KAFKA_OPTS.
    // Bitnami's image (libkafka.sh: KAFKA_HEAP_OPTS:-"-Xmx1024m -Xms1024m") and Confluent's cp-kafka use the same scripts.
    private static readonly JvmLauncher Kafka = new(
        "Kafka", "kafka-run-class.sh", [Opts("KAFKA_HEAP_OPTS"), Opts("KAFKA_JVM_PERFORMANCE_OPTS"), Opts("KAFKA_OPTS")],
        HeapWhenUnset: "KAFKA_HEAP_OPTS", DefaultWhenUnset: "-Xmx1G -Xms1G");

    // The other Kafka-script programs of Confluent's images (zookeeper-server-start, connect-distributed) read the same
    // variables, with defaults of their own.
    private static readonly JvmLauncher KafkaTool = Kafka with { HeapWhenUnset = "KAFKA_HEAP_OPTS", DefaultWhenUnset = null };

    // Confluent's <component>-run-class scripts: exec $JAVA $X_HEAP_OPTS $X_JVM_PERFORMANCE_OPTS ... -cp $CLASSPATH $X_OPTS.
    private static JvmLauncher Confluent(string product, string script, string prefix) =>
        new(product, script, [Opts($"{prefix}_HEAP_OPTS"), Opts($"{prefix}_JVM_PERFORMANCE_OPTS"), Opts($"{prefix}_OPTS")], HeapWhenUnset: $"{prefix}_HEAP_OPTS");

    // elastic/elasticsearch JvmOptionsParser: jvm.options, then jvm.options.d/*.options, then ES_JAVA_OPTS appended; when no
    // heap is given, JvmErgonomics adds one of its own (the "heap ergonomics" of ES 7.11+), so a percentage never decides.
    private static readonly JvmLauncher Elasticsearch = new(
        "Elasticsearch", "the Elasticsearch launcher", [Opts("ES_JAVA_OPTS")],
        HeapBeforeVariables: "jvm.options or Elasticsearch's own heap sizing", TakesHeapPercentage: false);

    // bitnami/elasticsearch libelasticsearch.sh elasticsearch_set_heap_size: ELASTICSEARCH_HEAP_SIZE as -Xms/-Xmx in
    // jvm.options.d/heap.options, or half the node's memory when unset; ES_JAVA_OPTS still comes after.
    private static readonly JvmLauncher BitnamiElasticsearch = new(
        "Elasticsearch", "bitnami's libelasticsearch.sh", [new("ELASTICSEARCH_HEAP_SIZE", LauncherVariableKind.HeapSize), Opts("ES_JAVA_OPTS")],
        HeapWhenUnset: "ELASTICSEARCH_HEAP_SIZE", TakesHeapPercentage: false);

    // OpenSearch (an Elasticsearch 7.10 fork) keeps the same parser: jvm.options (-Xms1g -Xmx1g), then OPENSEARCH_JAVA_OPTS.
    private static readonly JvmLauncher OpenSearch = new(
        "OpenSearch", "the OpenSearch launcher", [Opts("OPENSEARCH_JAVA_OPTS")], HeapBeforeVariables: "jvm.options", TakesHeapPercentage: false);

    // Logstash's JvmOptionsParser: config/jvm.options (-Xms1g -Xmx1g), then LS_JAVA_OPTS appended.
    private static readonly JvmLauncher Logstash = new(
        "Logstash", "the Logstash launcher", [Opts("LS_JAVA_OPTS")], HeapBeforeVariables: "jvm.options", TakesHeapPercentage: false);

    // cassandra-env.sh: -Xms${MAX_HEAP_SIZE} -Xmx${MAX_HEAP_SIZE} (calculated from the node's memory when unset), and
    // JVM_EXTRA_OPTS at the end.
    private static readonly JvmLauncher Cassandra = new(
        "Cassandra", "cassandra-env.sh", [new("MAX_HEAP_SIZE", LauncherVariableKind.HeapSize), Opts("JVM_EXTRA_OPTS")],
        HeapWhenUnset: "MAX_HEAP_SIZE", TakesHeapPercentage: false);

    // bitnami/zookeeper libzookeeper.sh zookeeper_configure_heap_size: unless JVMFLAGS holds -Xm[xs] twice, appends
    // "-Xmx${ZOO_HEAP_SIZE}m -Xms${ZOO_HEAP_SIZE}m" to JVMFLAGS; zkServer.sh passes $JVMFLAGS to java.
    private static readonly JvmLauncher BitnamiZooKeeper = new(
        "ZooKeeper", "bitnami's libzookeeper.sh", [Opts("JVMFLAGS"), new("ZOO_HEAP_SIZE", LauncherVariableKind.HeapMebibytes, SkippedWhenHeapIn: "JVMFLAGS")],
        HeapWhenUnset: "ZOO_HEAP_SIZE", TakesHeapPercentage: false);

    // jenkinsci/docker jenkins.sh: exec java -Duser.home=... $JAVA_OPTS $JENKINS_JAVA_OPTS ... -jar jenkins.war, when the
    // arguments are empty or start with "--"; no heap of its own.
    private static readonly JvmLauncher Jenkins = new("Jenkins", "jenkins.sh", [Opts("JAVA_OPTS"), Opts("JENKINS_JAVA_OPTS")]);

    // bitnami/spark run.sh runs start-master.sh or start-worker.sh (SPARK_MODE); Spark's SparkClassCommandBuilder builds
    // java ... $SPARK_DAEMON_JAVA_OPTS $SPARK_MASTER_OPTS|$SPARK_WORKER_OPTS -Xmx${SPARK_DAEMON_MEMORY:-1g} for both, and
    // refuses an -Xmx in the options variables.
    private static readonly JvmLauncher BitnamiSpark = new(
        "Spark", "Spark's launcher", [Opts("SPARK_DAEMON_JAVA_OPTS"), Opts("SPARK_MASTER_OPTS"), Opts("SPARK_WORKER_OPTS"), new("SPARK_DAEMON_MEMORY", LauncherVariableKind.MaxHeapSize)],
        HeapWhenUnset: "SPARK_DAEMON_MEMORY", DefaultWhenUnset: "-Xmx1g", TakesHeapPercentage: false);

    // Java images whose start scripts set a heap this table does not model (Keycloak's kc.sh JAVA_OPTS_KC_HEAP, Solr's
    // SOLR_HEAP, bitnami Tomcat's setenv.sh, other Spark images' scripts): known to be a JVM, heap unknown.
    private static JvmLauncher Opaque(string product) => new(product, $"{product}'s start script", []);

    /// <summary>The launcher of an image, by repository: null for images not listed.</summary>
    public static JvmLauncher? ForImage(ImageReference image)
    {
        var (path, name) = (image.Path, image.Name);
        var bitnami = path.StartsWith("bitnami/", StringComparison.Ordinal) || path.StartsWith("bitnamilegacy/", StringComparison.Ordinal);
        return name switch
        {
            "kafka" or "cp-kafka" or "cp-enterprise-kafka" or "cp-server" => Kafka,
            "cp-zookeeper" or "cp-kafka-connect" or "cp-kafka-connect-base" or "cp-server-connect" or "cp-server-connect-base" => KafkaTool,
            "cp-schema-registry" => Confluent("Schema Registry", "schema-registry-run-class", "SCHEMA_REGISTRY"),
            "cp-kafka-rest" => Confluent("Kafka REST Proxy", "kafka-rest-run-class", "KAFKAREST"),
            "cp-ksqldb-server" or "cp-ksql-server" or "ksqldb-server" => Confluent("ksqlDB", "ksql-run-class", "KSQL"),
            "cp-enterprise-control-center" => Confluent("Control Center", "control-center-run-class", "CONTROL_CENTER"),
            "elasticsearch" when bitnami => BitnamiElasticsearch,
            "elasticsearch" => Elasticsearch,
            "opensearch" when !bitnami => OpenSearch,
            "logstash" when !bitnami => Logstash,
            "cassandra" => Cassandra,
            "zookeeper" when bitnami => BitnamiZooKeeper,
            "jenkins" when path == "jenkins/jenkins" => Jenkins,
            "keycloak" => Opaque("Keycloak"),
            "solr" => Opaque("Solr"),
            "spark" when bitnami => BitnamiSpark,
            "spark" => Opaque("Spark"),
            "tomcat" => Opaque("Tomcat"),
            _ => null,
        };
    }

    /// <summary>
    /// True when the container runs the image's own program: no <c>command</c> and no arguments or only options
    /// (an entrypoint runs the server; other arguments are usually a different program to exec), or a command
    /// that ends up in a start script (<c>run.sh</c>, <c>/etc/confluent/docker/run</c>, <c>entrypoint.sh</c>).
    /// </summary>
    public static bool RunsImageProgram(ContainerCommandLine commandLine)
    {
        if (commandLine.UsesImageEntrypoint)
        {
            return commandLine.Argv.Count == 0 || commandLine.Argv[0].Text.StartsWith('-') || IsStartScript(commandLine.Argv[0].Text);
        }

        return commandLine.Executable is { } executable && IsStartScript(executable);
    }

    /// <summary>A start script by its name: <c>*.sh</c>, or a name with run, start, launch or entrypoint in it.</summary>
    public static bool IsStartScript(string path) => StartScript().IsMatch(Path.GetFileName(path));

    [GeneratedRegex(@"(?:\.sh$|run|start|launch|entrypoint)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StartScript();
}
