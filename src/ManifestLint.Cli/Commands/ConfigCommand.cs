using System.CommandLine;
using ManifestLint.Cli.Input;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// <c>manifestlint config [path]</c>: the effective configuration of a file (or of the files directly in a directory,
/// the working directory by default): which <c>.manifestlint.yaml</c> applies, which overrides match, and every rule's
/// severity and options. The output is itself a valid configuration file. <c>--print</c> is accepted and changes nothing.
/// </summary>
public static class ConfigCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var print = new Option<bool>("--print")
        {
            Description = "Print the effective configuration for the path (what config does anyway).",
        };
        var path = new Argument<string?>("path")
        {
            Description = "A file or directory (default: the working directory).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var configOption = LintConfigurationOptions.CreateConfigOption();
        var command = new Command("config", "Print the configuration that applies to a path (default: the working directory).") { print, path, configOption };
        command.SetAction(parseResult =>
        {
            var given = parseResult.GetValue(path) ?? ".";
            var full = System.IO.Path.GetFullPath(given, environment.WorkingDirectory);
            var isDirectory = Directory.Exists(full);
            if (!isDirectory && !File.Exists(full))
            {
                environment.Error.WriteLine($"manifestlint: path not found: {given}");
                return ExitCodes.ToolFailure;
            }

            // For a directory, a file directly in it stands for "the files here".
            var probe = InputCollector.DisplayPath(isDirectory ? System.IO.Path.Combine(full, "*") : full, environment.WorkingDirectory);
            if (ConfigurationLoader.Load(parseResult.GetValue(configOption), [probe], environment) is not { } configuration)
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
