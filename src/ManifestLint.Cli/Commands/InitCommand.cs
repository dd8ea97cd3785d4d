using System.CommandLine;
using ManifestLint.Cli.Input;
using ManifestLint.Cli.Output;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;

namespace ManifestLint.Cli.Commands;

/// <summary><c>manifestlint init [directory]</c>: writes a commented starter <c>.manifestlint.yaml</c>, listing every rule at its default.</summary>
public static class InitCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var directoryArgument = new Argument<string?>("directory")
        {
            Description = "Where to write .manifestlint.yaml (default: the working directory; usually the repository root).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Overwrite an existing .manifestlint.yaml.",
        };
        var command = new Command("init", $"Write a commented starter {ManifestLintConfig.FileName}.") { directoryArgument, force };
        command.SetAction(parseResult =>
        {
            var directory = System.IO.Path.GetFullPath(parseResult.GetValue(directoryArgument) ?? ".", environment.WorkingDirectory);
            if (!System.IO.Directory.Exists(directory))
            {
                environment.Error.WriteLine($"manifestlint: directory not found: {parseResult.GetValue(directoryArgument)}");
                return ExitCodes.ToolFailure;
            }

            var path = System.IO.Path.Combine(directory, ManifestLintConfig.FileName);
            var display = InputCollector.DisplayPath(path, environment.WorkingDirectory);
            if (File.Exists(path) && !parseResult.GetValue(force))
            {
                environment.Error.WriteLine($"manifestlint: {display} already exists; use --force to overwrite it.");
                return ExitCodes.ToolFailure;
            }

            try
            {
                var text = new System.Text.UTF8Encoding(false).GetBytes(ConfigurationWriter.Starter(RuleCatalog.Default));
                AtomicFile.Write(path, stream => stream.Write(text));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"manifestlint: cannot write {display}: {e.Message}");
                return ExitCodes.ToolFailure;
            }

            environment.Out.WriteLine($"Wrote {display}: every rule is listed at its default, commented out. Check what applies to a file with `manifestlint config --print PATH`.");
            return ExitCodes.Success;
        });
        return command;
    }
}
