using System.CommandLine;
using ManifestLint.Cli.Input;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// <c>manifestlint config --print [path]</c>: the effective configuration of a file (or of the files directly in a
/// directory): which <c>.manifestlint.yaml</c> applies, which overrides match, and every rule's severity and options.
/// The output is itself a valid configuration file.
/// </summary>
public static class ConfigCommand
{
    public static readonly Option<bool> Print = new("--print")
    {
        Description = "Print the effective configuration for the path.",
    };

    public static readonly Argument<string?> Path = new("path")
    {
        Description = "A file or directory (default: the working directory).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("config", "Show the configuration that applies to a path.") { Print, Path, LintConfigurationOptions.ConfigOption };
        command.SetAction(parseResult =>
        {
            if (!parseResult.GetValue(Print))
            {
                environment.Error.WriteLine("manifestlint: say what to do with the configuration: `manifestlint config --print [path]`.");
                return ExitCodes.ToolFailure;
            }

            var given = parseResult.GetValue(Path) ?? ".";
            var full = System.IO.Path.GetFullPath(given, environment.WorkingDirectory);
            var isDirectory = Directory.Exists(full);
            if (!isDirectory && !File.Exists(full))
            {
                environment.Error.WriteLine($"manifestlint: path not found: {given}");
                return ExitCodes.ToolFailure;
            }

            // For a directory, a file directly in it stands for "the files here".
            var probe = InputCollector.DisplayPath(isDirectory ? System.IO.Path.Combine(full, "*") : full, environment.WorkingDirectory);
            if (ConfigurationLoader.Load(parseResult.GetValue(LintConfigurationOptions.ConfigOption), [probe], environment) is not { } configuration)
            {
                return ExitCodes.ToolFailure;
            }

            var display = InputCollector.DisplayPath(full, environment.WorkingDirectory) + (isDirectory ? "/ (files directly in it)" : string.Empty);
            environment.Out.Write(ConfigurationWriter.Print(configuration.For(probe), RuleCatalog.Default, display, f => InputCollector.DisplayPath(f, environment.WorkingDirectory)));
            return ExitCodes.Success;
        });
        return command;
    }
}
