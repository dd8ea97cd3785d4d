namespace ManifestLint.Cli.Input;

/// <summary>
/// The repository root that SARIF URIs are relative to (<c>%SRCROOT%</c>): the nearest directory above the
/// working directory holding <c>.git</c>, else the working directory. GitHub resolves URIs from the checkout root.
/// </summary>
public static class SourceRoot
{
    public static string Find(string workingDirectory)
    {
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        return workingDirectory;
    }
}
