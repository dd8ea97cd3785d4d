using System.CommandLine;
using System.CommandLine.Invocation;
using ManifestLint.Cli.Commands;

namespace ManifestLint.Cli;

/// <summary>
/// The root command and how a command line is run. Parse errors are exit 2 (System.CommandLine's own default would be
/// 1, our "findings"); so is an option nobody defines, which would otherwise be taken for a path.
/// </summary>
public static class CliApplication
{
    /// <summary>A new command tree: every command and option object is made for it alone (none is shared or static).</summary>
    public static RootCommand CreateRootCommand(CliEnvironment environment) =>
        HelpExamples.AddTo(new("ManifestLint: finds Kubernetes memory mistakes (OOMKilled, evictions) in manifests before they reach a cluster.")
        {
            LintCommand.Create(environment),
            RulesCommand.Create(environment),
            ExplainCommand.Create(environment),
            ConfigCommand.Create(environment),
            InitCommand.Create(environment),
            BaselineCommand.Create(environment),
            UsageCommand.Create(environment),
        });

    /// <summary>Runs a command line to its exit code, in the calling thread's time (tests, <c>baseline write</c>).</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        var (exitCode, parseResult) = Parse(args, environment);
        return exitCode ?? Invoke(parseResult!, environment);
    }

    /// <summary>
    /// Runs a command line as the process does: the action gets <paramref name="cancellation"/>, and with
    /// <see cref="CliEnvironment.HandleTermination"/> Ctrl-C (SIGINT) and SIGTERM cancel it too. A cancelled lint stops its
    /// helm processes, writes no report and exits 130.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellation = default)
    {
        var (exitCode, parseResult) = Parse(args, environment);
        if (exitCode is { } code)
        {
            return code;
        }

        try
        {
            return await parseResult!.InvokeAsync(Configuration(environment), cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            environment.Error.WriteLine(LintRunner.CancelledMessage);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            environment.Error.WriteLine($"manifestlint: internal error: {e}");
            return ExitCodes.ToolFailure;
        }
    }

    private static int Invoke(ParseResult parseResult, CliEnvironment environment)
    {
        try
        {
            return parseResult.Invoke(Configuration(environment));
        }
        catch (Exception e)
        {
            environment.Error.WriteLine($"manifestlint: internal error: {e}");
            return ExitCodes.ToolFailure;
        }
    }

    private static InvocationConfiguration Configuration(CliEnvironment environment) => new()
    {
        Output = environment.Out,
        Error = environment.Error,
        EnableDefaultExceptionHandler = false,
        // System.CommandLine turns SIGINT and SIGTERM into cancelling the action's token, then waits this long for it to
        // stop before exiting anyway (130). Only for the real process: tests run many command lines in one.
        ProcessTerminationTimeout = environment.HandleTermination ? TimeSpan.FromSeconds(10) : null,
    };

    /// <summary>The parse result to invoke, or the exit code of a command line that must not run (after saying why).</summary>
    private static (int? ExitCode, ParseResult? ParseResult) Parse(string[] args, CliEnvironment environment)
    {
        ParseResult parseResult;
        try
        {
            // No arguments at all: what a newcomer types first. Show them the help.
            parseResult = CreateRootCommand(environment).Parse(args.Length == 0 ? ["--help"] : args);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // A validator that reads a value the parser could not convert throws instead of reporting: still a usage error.
            return (Usage(environment, [e.Message]), null);
        }

        // --help and the [suggest] directive (shell completion through dotnet-suggest) run even on an incomplete command line.
        if (parseResult.Action is not null and not ParseErrorAction && parseResult.Errors.Count > 0)
        {
            return (null, parseResult);
        }

        var unknown = UnknownOptions.Find(parseResult);
        if (unknown.Count > 0 || parseResult.Errors.Count > 0)
        {
            // An unknown option is the mistake to show: the parser's errors then follow from it ("required argument missing").
            var messages = unknown.Count > 0 ? unknown.Select(u => u.Message) : parseResult.Errors.Select(e => e.Message);
            return (Usage(environment, messages, parseResult.CommandResult.Command), null);
        }

        return (null, parseResult);
    }

    private static int Usage(CliEnvironment environment, IEnumerable<string> messages, Command? command = null)
    {
        foreach (var message in messages)
        {
            environment.Error.WriteLine($"manifestlint: {message}");
        }

        var help = command is null or RootCommand ? "manifestlint --help" : $"manifestlint {CommandPath(command)} --help";
        environment.Error.WriteLine($"Run '{help}' for usage.");
        return ExitCodes.ToolFailure;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }
}
