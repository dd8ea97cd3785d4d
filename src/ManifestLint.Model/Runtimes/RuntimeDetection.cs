namespace ManifestLint.Model.Runtimes;

/// <summary>The language runtime a container runs, as far as the manifest shows.</summary>
public enum Runtime
{
    Unknown,
    Jvm,
    Go,
    Node,
    Python,
}

/// <summary>
/// What runs in a container and why we think so.
/// </summary>
/// <param name="Reasons">The evidence, e.g. "image eclipse-temurin:21-jre", "command java", "env JAVA_TOOL_OPTIONS".</param>
/// <param name="IsCertain">True when the image or the executable says so; false when only environment variables hint at it.</param>
/// <param name="Version">The runtime version from the image tag, when the image is the runtime's own (openjdk:8u181-jre: 8u181).</param>
public sealed record RuntimeDetection(Runtime Kind, IReadOnlyList<string> Reasons, bool IsCertain, RuntimeVersion? Version)
{
    public static RuntimeDetection Unknown { get; } = new(Runtime.Unknown, [], false, null);

    /// <summary>For a Java application image (Kafka, Elasticsearch ...): the start script that builds its java command line.</summary>
    public JvmLauncher? Launcher { get; init; }

    /// <summary>The image catalog entry the runtime was detected from, when it was.</summary>
    public Catalog.ImageCatalogEntry? Image { get; init; }

    /// <summary>For messages about a guess: " (JVM detected from env JAVA_TOOL_OPTIONS)"; empty when certain.</summary>
    public string GuessNote => IsCertain || Kind == Runtime.Unknown ? string.Empty : $" ({DisplayName} detected from {string.Join(", ", Reasons)})";

    /// <summary>"JVM", "Go", "Node.js", "Python".</summary>
    public string DisplayName => Kind switch { Runtime.Jvm => "JVM", Runtime.Node => "Node.js", _ => Kind.ToString() };
}
