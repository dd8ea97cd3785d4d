namespace ManifestLint.Cli;

/// <summary>Everything the CLI takes from the process, so tests can run it in memory with their own writers.</summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, string WorkingDirectory)
{
    /// <summary>Standard output is a terminal (not a pipe or a file): text output may be coloured.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Reads an environment variable (<c>NO_COLOR</c>); tests give their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Console.OpenStandardInput, Directory.GetCurrentDirectory())
        {
            OutIsTerminal = !Console.IsOutputRedirected,
        };
}
