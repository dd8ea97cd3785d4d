using System.Text.RegularExpressions;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes.Catalog;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// Tells which runtime a container runs: from the executable its command line ends up running, then from the
/// image repository (the image catalog, <c>rules/images.yaml</c>, then the runtimes' own images), then (a guess) from runtime-specific environment variables. The executable wins over the
/// image because a JVM image can run a shell tool, but not the other way round. A Java application image
/// (Kafka, Elasticsearch ...) counts only while the container runs the image's own program, and a command that
/// runs a common tool (<c>curl</c>, <c>sleep</c>, <c>bats</c> ...) says the image's runtime is not what runs.
/// </summary>
public static partial class RuntimeDetector
{
    private static readonly string[] JvmImages = ["eclipse-temurin", "openjdk", "amazoncorretto", "ibm-semeru-runtimes", "adoptopenjdk", "sapmachine", "ibmjava"];

    private static readonly (string Name, Runtime Runtime)[] EnvHints =
    [
        ("JAVA_TOOL_OPTIONS", Runtime.Jvm), ("JDK_JAVA_OPTIONS", Runtime.Jvm), ("_JAVA_OPTIONS", Runtime.Jvm), ("JAVA_OPTS", Runtime.Jvm),
        ("GOMEMLIMIT", Runtime.Go), ("GOGC", Runtime.Go),
        ("NODE_OPTIONS", Runtime.Node),
    ];

    /// <summary>Programs that are no language runtime: a command running one of them does not run the image's runtime.</summary>
    private static readonly HashSet<string> Tools = new(StringComparer.Ordinal)
    {
        "awk", "bats", "cat", "chmod", "chown", "cp", "curl", "echo", "find", "grep", "jq", "kubectl", "ln", "ls", "mkdir", "mv",
        "nc", "openssl", "ping", "printf", "rm", "sed", "sleep", "sysctl", "tail", "tar", "test", "touch", "true", "wget",
    };

    public static RuntimeDetection Detect(Container container) => Detect(container, ContainerCommandLine.From(container));

    public static RuntimeDetection Detect(Container container, ContainerCommandLine commandLine) => Detect(container, commandLine, ImageCatalog.Default);

    /// <param name="catalog">The image catalog: the built-in one, with a user's <c>images:</c> entries in front.</param>
    public static RuntimeDetection Detect(Container container, ContainerCommandLine commandLine, ImageCatalog catalog)
    {
        var image = ImageReference.Parse(container.Image);
        var entry = catalog.Find(image);
        var fromExecutable = FromExecutable(commandLine.Executable);
        if (fromExecutable == Runtime.Unknown && entry is { Runtime: not Runtime.Unknown })
        {
            // A JVM application counts only while its start script runs (the launcher's variables mean nothing
            // otherwise); another catalog program unless the command runs a common tool instead, or, in an init
            // container, unless anything but options is given: a setup step in a server's image (Cilium's init
            // containers run its scripts and tools, as a command or as arguments to the entrypoint) is not the server.
            var runsProgram = entry.Runtime == Runtime.Jvm
                ? JvmLaunchers.RunsImageProgram(commandLine)
                : container.Kind == ContainerKind.Init
                    ? commandLine.UsesImageEntrypoint && (commandLine.Argv.Count == 0 || commandLine.Argv[0].Text.StartsWith('-'))
                    : commandLine.UsesImageEntrypoint || commandLine.Executable is not { } tool || !Tools.Contains(tool);
            if (runsProgram)
            {
                return new RuntimeDetection(entry.Runtime, [$"image {image} ({entry.Name} in {entry.Origin})"], true, entry.VersionFromTag ? RuntimeVersion.FromTag(entry.Runtime, image!.Tag) : null)
                {
                    Launcher = entry.Launcher ?? (entry.Processes.Count > 0 ? Several(entry) : null),
                    Image = entry,
                };
            }

            // The container runs something else than the application (a tool, a test, a setup step): the image
            // says nothing about it.
            image = null;
        }

        var fromImage = image is null || (!commandLine.UsesImageEntrypoint && commandLine.Executable is { } program && Tools.Contains(program))
            ? Runtime.Unknown
            : FromImage(image);
        var version = fromImage == Runtime.Unknown || image is null ? null : ImageVersion(fromImage, image);
        if (fromExecutable != Runtime.Unknown)
        {
            List<string> reasons = [$"command {commandLine.Executable}"];
            if (fromImage == fromExecutable)
            {
                reasons.Add($"image {image}");
            }

            return new RuntimeDetection(fromExecutable, reasons, true, fromImage == fromExecutable ? version : null);
        }

        if (fromImage != Runtime.Unknown)
        {
            return new RuntimeDetection(fromImage, [$"image {image}"], true, version);
        }

        var hints = EnvHints.Where(h => commandLine.Environment[h.Name] is not null).ToList();
        var kinds = hints.Select(h => h.Runtime).Distinct().ToList();
        return kinds.Count == 1
            ? new RuntimeDetection(kinds[0], hints.Select(h => $"env {h.Name}").ToList(), false, null)
            : RuntimeDetection.Unknown with { Reasons = hints.Select(h => $"env {h.Name}").ToList() };
    }

    /// <summary>An image that starts several JVMs, until the rules judge them one by one: known to be Java, heap unknown.</summary>
    private static JvmLauncher Several(ImageCatalogEntry entry) =>
        new(entry.Name, $"{entry.Name}'s launcher ({entry.Processes.Count} JVMs: {string.Join(", ", entry.Processes.Select(p => p.Name))})", []) { CatalogOrigin = entry.Origin };

    /// <summary>The runtime an executable name belongs to: <c>java</c>, <c>node</c>, <c>python3.12</c>, <c>gunicorn</c> ...</summary>
    public static Runtime FromExecutable(string? executable) => executable switch
    {
        "java" => Runtime.Jvm,
        "node" or "nodejs" => Runtime.Node,
        "gunicorn" or "uvicorn" or "celery" => Runtime.Python,
        { } name when PythonExecutable().IsMatch(name) => Runtime.Python,
        _ => Runtime.Unknown,
    };

    public static Runtime FromImage(ImageReference image)
    {
        var (path, name) = (image.Path, image.Name);
        if (IsJvmVendorImage(image) || name.EndsWith("-jre", StringComparison.Ordinal) || name.EndsWith("-jdk", StringComparison.Ordinal)
            || (image.Tag is { } tag && JavaTag().IsMatch(tag)))
        {
            return Runtime.Jvm;
        }

        return name switch
        {
            "golang" => Runtime.Go,
            "node" => Runtime.Node,
            "python" or "pypy" => Runtime.Python,
            _ when path.Contains("distroless/", StringComparison.Ordinal) && name.StartsWith("nodejs", StringComparison.Ordinal) => Runtime.Node,
            _ when path.Contains("distroless/", StringComparison.Ordinal) && name.StartsWith("python3", StringComparison.Ordinal) => Runtime.Python,
            _ => Runtime.Unknown,
        };
    }

    /// <summary>A JDK vendor's own image, whose tag is the Java version (unlike an app image named <c>billing-jre:3.2</c>).</summary>
    private static bool IsJvmVendorImage(ImageReference image) =>
        JvmImages.Contains(image.Name) || image.Name is "jre" or "jdk"
        || image.Path.Contains("zulu-openjdk", StringComparison.Ordinal) || image.Path.StartsWith("bellsoft/liberica-", StringComparison.Ordinal)
        || (image.Path.Contains("distroless/", StringComparison.Ordinal) && image.Name.StartsWith("java", StringComparison.Ordinal));

    /// <summary>The version of a runtime's own image: from the tag, or from a distroless name such as <c>java17-debian12</c>.</summary>
    private static RuntimeVersion? ImageVersion(Runtime runtime, ImageReference image)
    {
        if (image.Path.Contains("distroless/", StringComparison.Ordinal) && DistrolessVersion().Match(image.Name) is { Success: true } m)
        {
            return new RuntimeVersion(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return runtime != Runtime.Jvm || IsJvmVendorImage(image) ? RuntimeVersion.FromTag(runtime, image.Tag) : null;
    }

    [GeneratedRegex(@"^python(?:\d+(?:\.\d+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonExecutable();

    /// <summary>A tag with a <c>jre</c>/<c>jdk</c> component: <c>17-jre-alpine</c>, <c>jdk8u372-b07</c>, <c>1.4-jdk</c>.</summary>
    [GeneratedRegex(@"(?:^|[-_.])(?:jre|jdk)(?:$|[-_.0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex JavaTag();

    [GeneratedRegex(@"^(?:java|nodejs|python)(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex DistrolessVersion();
}
