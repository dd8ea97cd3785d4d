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
/// Each entry of the image catalog was read from the script named in <see cref="Script"/>; an image not in the
/// catalog is not assumed to pass any variable to Java.
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
    /// <summary>Where this launcher is described: "the image catalog", or a user's <c>images:</c>. Messages name it.</summary>
    public string CatalogOrigin { get; init; } = "the image catalog";

    /// <summary>True for images known to run Java whose start script this table does not model: heap unknown.</summary>
    public bool IsOpaque => Variables.Count == 0;
}

/// <summary>
/// Whether a container runs its image's own program. The launchers themselves are data: the image catalog
/// (<c>rules/images.yaml</c>, <see cref="Catalog.ImageCatalog"/>), where each entry names the script it was read from.
/// </summary>
public static partial class JvmLaunchers
{
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
