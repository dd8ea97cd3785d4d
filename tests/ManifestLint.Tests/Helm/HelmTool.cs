using ManifestLint.Helm;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// The real Helm the chart tests run: <c>helm</c> on PATH, else <c>.tools/bin/helm</c> installed by
/// <c>scripts/install-helm.sh</c>. A missing Helm fails the test (under CI and locally alike); it never skips it,
/// so a CI machine without Helm cannot pass the chart tests by not running them.
/// </summary>
internal static class HelmTool
{
    private static readonly Lazy<string?> Found = new(() =>
        HelmLocator.Find(null, Environment.GetEnvironmentVariable("PATH"), RepositoryPaths.Root)
        ?? HelmLocator.Find(Path.Combine(RepositoryPaths.Root, ".tools", "bin", "helm"), null, RepositoryPaths.Root));

    /// <summary>The absolute path of the helm executable; fails the calling test when there is none.</summary>
    public static string Executable
    {
        get
        {
            if (Found.Value is { } helm)
            {
                return helm;
            }

            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            Assert.Fail(ci
                ? "Helm is required by the chart tests and is missing on this CI machine: scripts/test.sh runs scripts/install-helm.sh first; check its output."
                : "Helm is required by the chart tests: run scripts/install-helm.sh (installs the pinned Helm into .tools/bin) or put helm on PATH.");
            return string.Empty;
        }
    }
}
