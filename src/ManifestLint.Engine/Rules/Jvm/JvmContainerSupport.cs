using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>How much of the container's memory limit a JVM can see.</summary>
internal enum JvmLimitVisibility
{
    /// <summary>Sees it on cgroup v1 and v2, or the version is not known from the image tag.</summary>
    Sees,

    /// <summary>Sees a cgroup v1 limit only: on cgroup v2 nodes it sizes itself from the node.</summary>
    CgroupV1Only,

    /// <summary>Never sees it: container support is off or predates this JDK.</summary>
    Blind,
}

/// <summary>
/// Container support by JDK version (memory-facts §7, §8): <c>UseContainerSupport</c> arrived in JDK 10 and 8u191;
/// cgroup v2 support in 8u372, 11.0.16 and 15. 8u131–8u190 and 9 could read a cgroup v1 limit only with the
/// experimental <c>-XX:+UseCGroupMemoryLimitForHeap</c>.
/// </summary>
internal static class JvmContainerSupport
{
    public static (JvmLimitVisibility Visibility, string Why, JvmFlag? Flag) Of(JvmOptions options, RuntimeVersion? version)
    {
        if (options[JvmFlagKind.UseContainerSupport] is { Enabled: false } off && options.IsSettled(off))
        {
            return (JvmLimitVisibility.Blind, $"{off.Describe()} turns container detection off", off);
        }

        if (version is null)
        {
            return (JvmLimitVisibility.Sees, string.Empty, null);
        }

        var experimental = options[JvmFlagKind.UseCGroupMemoryLimitForHeap] is { Enabled: true };
        var (visibility, why) = version switch
        {
            { Major: <= 7 } or { Major: 8, Update: < 131 } => (JvmLimitVisibility.Blind, $"Java {version} predates container support (8u191, JDK 10)"),
            { Major: 8, Update: < 191 } or { Major: 9 } when !experimental =>
                (JvmLimitVisibility.Blind, $"Java {version} predates container support (8u191, JDK 10)"),
            { Major: 8, Update: < 191 } or { Major: 9 } =>
                (JvmLimitVisibility.CgroupV1Only, $"Java {version} reads only a cgroup v1 limit, through the experimental -XX:+UseCGroupMemoryLimitForHeap"),
            { Major: 8, Update: < 372 } or { Major: 10 or 12 or 13 or 14 } or { Major: 11, Minor: 0, Patch: < 16 } =>
                (JvmLimitVisibility.CgroupV1Only, $"Java {version} has no cgroup v2 support (added in 8u372, 11.0.16 and 15)"),
            _ => (JvmLimitVisibility.Sees, string.Empty),
        };
        return (visibility, why, null);
    }
}
