using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>The end-to-end tests spawn long builds; they share one clean checkout and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndTests : ICollectionFixture<CleanCheckout>
{
    public const string Name = "EndToEnd";
}

/// <summary>
/// A clean checkout of the repository as a user's clone (or pre-commit's) would have it: every file git tracks or
/// would track (the working tree, uncommitted changes included, without ignored files such as bin/, obj/,
/// artifacts/ or .tools/), committed into a fresh git repository in a temporary directory. Builds inside it
/// cannot touch the working tree other people build in.
/// </summary>
public sealed class CleanCheckout : IDisposable
{
    public static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(2);

    public CleanCheckout()
    {
        Directory = Path.Combine(Path.GetTempPath(), "manifestlint-e2e", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Directory, "manifestlint");
        System.IO.Directory.CreateDirectory(Root);
        var files = Git(RepositoryPaths.Root, "ls-files", "--cached", "--others", "--exclude-standard", "-z").Out
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files)
        {
            var source = Path.Combine(RepositoryPaths.Root, file);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree, not yet in the index
            }

            var target = Path.Combine(Root, file);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(source));
            }
        }

        Git(Root, "init", "--quiet", "--initial-branch=main");
        Git(Root, "add", "--all");
        Git(Root, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "--quiet", "--message", "clean checkout");
    }

    /// <summary>A temporary directory for the tests' own files; the checkout is <see cref="Root"/> inside it.</summary>
    public string Directory { get; }

    public string Root { get; }

    internal static ProcessResult Git(string workingDirectory, params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, workingDirectory, GitTimeout);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)}: {result}");
        return result;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
