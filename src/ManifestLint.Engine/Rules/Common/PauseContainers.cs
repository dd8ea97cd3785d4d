using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Common;

/// <summary>
/// The Kubernetes pause image (<c>registry.k8s.io/pause</c>, <c>k8s.gcr.io/pause-amd64</c> ...), run as a container by
/// capacity placeholders and image-puller DaemonSets. Its binary only waits for a signal
/// (<c>kubernetes/kubernetes: build/pause/linux/pause.c</c>), so its memory never grows: "it can take memory until the
/// node runs out" would be wrong, and a request for it reserves nothing it uses.
/// </summary>
internal static class PauseContainers
{
    /// <summary>True for a container that runs the pause image's own binary (no command of its own).</summary>
    public static bool IsPause(Container container) =>
        container.Node["command"] is null && container.Node["args"] is null
        && ImageReference.Parse(container.Image) is { Name: var name } && (name == "pause" || name.StartsWith("pause-", StringComparison.Ordinal));
}
