using ManifestLint.Kustomize;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// The real kustomize the Kustomize tests run: <c>kubectl</c> on PATH, else <c>.tools/bin/kubectl</c> installed by
/// <c>scripts/install-helm.sh</c> (kubectl v1.33 embeds kustomize v5.6). A missing kubectl fails the test; it never skips it.
/// </summary>
internal static class KustomizeTool
{
    private static readonly Lazy<string?> Found = new(() =>
        KustomizeLocator.Find(Path.Combine(RepositoryPaths.Root, ".tools", "bin", "kubectl"), null, RepositoryPaths.Root)
        ?? KustomizeLocator.Find(null, Environment.GetEnvironmentVariable("PATH"), RepositoryPaths.Root));

    /// <summary>The absolute path of kubectl; fails the calling test when there is none.</summary>
    public static string Executable
    {
        get
        {
            if (Found.Value is { } kubectl)
            {
                return kubectl;
            }

            Assert.Fail("kubectl (with kustomize) is required by the Kustomize tests: run scripts/install-helm.sh (installs the pinned kubectl into .tools/bin) or put kubectl on PATH.");
            return string.Empty;
        }
    }

    public static string Fixtures => Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Tests", "Kustomize", "TestData", "kustomize");

    public static KustomizeSettings Settings => new() { ExecutablePath = Executable, MaxParallelism = 2 };

    public static KustomizeLintResult Lint(params string[] directories) => Lint(Settings, directories);

    public static KustomizeLintResult Lint(KustomizeSettings settings, params string[] directories) => Lint(settings, null, directories);

    /// <param name="options">The analysis options; their configuration gives each kustomization its <c>kustomize:</c> section.</param>
    public static KustomizeLintResult Lint(KustomizeSettings settings, ManifestLint.Engine.Analysis.AnalysisOptions? options, params string[] directories) =>
        new KustomizeLinter(settings, RepositoryPaths.Root)
            .AnalyzeAsync([.. directories.Select(d => Path.GetFullPath(d, Fixtures))], [], options)
            .GetAwaiter().GetResult();

    /// <summary>The text of a location's line in its file (the repository-relative path), trimmed.</summary>
    public static string LineText(ManifestLint.Model.Source.SourceSpan span) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Root, span.Path))[span.StartLine - 1].Trim();
}
