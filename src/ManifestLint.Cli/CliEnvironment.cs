namespace ManifestLint.Cli;

/// <summary>Everything the CLI takes from the process, so tests can run it in memory with their own writers.</summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, string WorkingDirectory)
{
    /// <summary>Standard output is a terminal (not a pipe or a file): text output may be coloured.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Standard error is a terminal: a long lint may show its progress there.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>How long a lint runs before progress appears (on a terminal, or with <c>--progress</c>).</summary>
    public TimeSpan ProgressDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Ctrl-C (SIGINT) and SIGTERM cancel the running command: only for the real process, never in tests.</summary>
    public bool HandleTermination { get; init; }

    /// <summary>Reads an environment variable (<c>NO_COLOR</c>, <c>CI</c>); tests give their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Console.OpenStandardInput, Directory.GetCurrentDirectory())
        {
            OutIsTerminal = !Console.IsOutputRedirected,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            HandleTermination = true,
        };
}
