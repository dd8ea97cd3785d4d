namespace ManifestLint.Cli;

/// <summary>Everything the CLI takes from the process, so tests can run it in memory with their own writers.</summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, string WorkingDirectory)
{
    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Console.OpenStandardInput, Directory.GetCurrentDirectory());
}
