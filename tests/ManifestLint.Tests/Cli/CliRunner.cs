using ManifestLint.Cli;

namespace ManifestLint.Tests.Cli;

/// <summary>Runs the CLI in memory, in a given working directory, capturing its output and exit code.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(string workingDirectory, params string[] args) =>
        RunWithInput(workingDirectory, string.Empty, args);

    public static (int ExitCode, string Out, string Error) RunWithInput(string workingDirectory, string standardInput, params string[] args) =>
        RunWith(workingDirectory, standardInput, e => e, args);

    /// <summary>Runs with an environment <paramref name="shape"/> adjusts (a terminal on standard output, environment variables).</summary>
    public static (int ExitCode, string Out, string Error) RunWith(string workingDirectory, string standardInput, Func<CliEnvironment, CliEnvironment> shape, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(output, error, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standardInput)), workingDirectory)
        {
            GetEnvironmentVariable = _ => null,
        };
        var code = CliApplication.Run(args, shape(environment));
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary directory with files, deleted at the end of the test.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "manifestlint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
