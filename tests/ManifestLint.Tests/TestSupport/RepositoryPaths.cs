using System.Runtime.CompilerServices;

namespace ManifestLint.Tests.TestSupport;

/// <summary>Finds the repository checkout (the directory holding ManifestLint.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Rules => Path.Combine(Root, "rules");

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        // The build output may live outside the repository (dotnet test --artifacts-path /tmp/...), so the working
        // directory, the compile-time path of this file and GITHUB_WORKSPACE are tried after the output folder.
        string?[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(ThisFile()), Environment.GetEnvironmentVariable("GITHUB_WORKSPACE")];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ManifestLint.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No directory holding ManifestLint.sln above any of: {string.Join(", ", starts)}.");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
