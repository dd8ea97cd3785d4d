using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes;

/// <summary>The HotSpot flags that decide a JVM's memory use, plus the ones that change how it sees the container.</summary>
public enum JvmFlagKind
{
    /// <summary><c>-Xmx</c>, <c>-XX:MaxHeapSize=</c>.</summary>
    MaxHeapSize,

    /// <summary><c>-Xms</c>, <c>-XX:InitialHeapSize=</c>.</summary>
    InitialHeapSize,

    /// <summary><c>-Xss</c>, <c>-XX:ThreadStackSize=</c> (in KiB).</summary>
    ThreadStackSize,
    MaxRam,
    MaxRamPercentage,
    MinRamPercentage,
    InitialRamPercentage,

    /// <summary>
    /// The deprecated <c>-XX:MaxRAMFraction=N</c> (and Min/Initial): HotSpot converts it to a percentage of 100 / N when the
    /// matching percentage flag is not set (<c>Arguments::set_heap_size</c>, "Convert deprecated flags").
    /// </summary>
    MaxRamFraction,
    MinRamFraction,
    InitialRamFraction,
    MaxMetaspaceSize,
    ReservedCodeCacheSize,
    MaxDirectMemorySize,
    UseContainerSupport,
    TieredCompilation,
    ActiveProcessorCount,

    /// <summary>The experimental JDK 8u131–8u190 / 9 flag that sized the heap from the cgroup v1 limit.</summary>
    UseCGroupMemoryLimitForHeap,
    UseCompressedOops,

    /// <summary>The collector selection flags: <c>-XX:+UseSerialGC</c>, <c>+UseParallelGC</c>, <c>+UseG1GC</c>, <c>+UseZGC</c>, <c>+UseShenandoahGC</c>.</summary>
    UseSerialGC,
    UseParallelGC,
    UseG1GC,
    UseZGC,
    UseShenandoahGC,
}

/// <summary>Where the JVM reads options from, in the order it applies them (a later setting wins).</summary>
public enum JvmOptionSource
{
    /// <summary>Read by the VM first.</summary>
    JavaToolOptions,

    /// <summary>Read by the <c>java</c> launcher (JDK 9+) and put in front of the command line.</summary>
    JdkJavaOptions,
    CommandLine,

    /// <summary><c>_JAVA_OPTIONS</c>: read by the VM last, so it beats the command line.</summary>
    JavaOptions,
}

/// <summary>
/// One parsed JVM flag as written. Exactly one of <see cref="Bytes"/>, <see cref="Number"/> and <see cref="Enabled"/>
/// is set when the value is valid; an invalid value (<c>-Xmx512MB</c>, <c>-XX:MaxRAMPercentage=75%</c>) makes the JVM
/// refuse to start, and is kept with all three null.
/// </summary>
/// <param name="Text">The option as written, e.g. <c>-Xmx1g</c>.</param>
/// <param name="WrittenAt">The env value or command-line item it was written in; null when parsed from free text.</param>
/// <param name="Variable">The shell variable it reached the command line through, e.g. <c>JAVA_OPTS</c>.</param>
public sealed record JvmFlag(JvmFlagKind Kind, string Text, JvmOptionSource Source, YamlNode? WrittenAt = null, string? Variable = null)
{
    /// <summary>
    /// Where an image's start script took the flag from, when that is not the text of an option variable:
    /// "from ZOO_HEAP_SIZE=1024, which bitnami's ZooKeeper scripts pass as -Xmx1024m -Xms1024m". Replaces <see cref="Where"/>.
    /// </summary>
    public string? Origin { get; init; }

    public long? Bytes { get; init; }

    public double? Number { get; init; }

    public bool? Enabled { get; init; }

    public bool IsValid => Bytes is not null || Number is not null || Enabled is not null;

    /// <summary>"in JAVA_TOOL_OPTIONS", "on the command line", "in $JAVA_OPTS on the command line".</summary>
    public string Where => Origin ?? Source switch
    {
        JvmOptionSource.JavaToolOptions => "in JAVA_TOOL_OPTIONS",
        JvmOptionSource.JdkJavaOptions => "in JDK_JAVA_OPTIONS",
        JvmOptionSource.JavaOptions => "in _JAVA_OPTIONS",
        _ when Variable is not null => $"in ${Variable} on the command line",
        _ => "on the command line",
    };

    /// <summary>"-Xmx1g in JAVA_TOOL_OPTIONS".</summary>
    public string Describe() => $"{Text} {Where}";
}
