using ManifestLint.Cli.Input;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// Loads the configuration for a run from disk: the <c>--config</c> file, or the nearest <c>.manifestlint.yaml</c>
/// of each path. Every mistake is printed compiler-style, <c>path(line,col): message</c>, on standard error, and the
/// caller exits 2: a configuration that cannot be trusted is never half-applied.
/// </summary>
public static class ConfigurationLoader
{
    public static ConfigurationFileAccess DiskAccess(CliEnvironment environment) =>
        new(File.Exists, Directory.Exists, path => FileReader.ReadWhole(path), full => InputCollector.DisplayPath(full, environment.WorkingDirectory));

    /// <summary>The configuration of <paramref name="paths"/> (as the engine names them), or null after printing why not.</summary>
    public static ConfigurationSet? Load(string? configPath, IEnumerable<string> paths, CliEnvironment environment)
    {
        var access = DiskAccess(environment);
        ConfigurationSet configuration;
        try
        {
            if (configPath is not null)
            {
                if (!File.Exists(Path.GetFullPath(configPath, environment.WorkingDirectory)))
                {
                    environment.Error.WriteLine($"manifestlint: configuration file not found: {configPath}");
                    return null;
                }

                configuration = ConfigurationSet.FromFile(configPath, access, RuleCatalog.Default, environment.WorkingDirectory);
            }
            else
            {
                configuration = ConfigurationSet.Discover(access, RuleCatalog.Default, environment.WorkingDirectory);
            }
        }
        catch (ConfigurationException e)
        {
            return Fail(e.Errors, environment);
        }

        var errors = configuration.Validate(paths);
        return errors.Count == 0 ? configuration : Fail(errors, environment);
    }

    private static ConfigurationSet? Fail(IReadOnlyList<ConfigurationError> errors, CliEnvironment environment)
    {
        Report(errors, environment);
        return null;
    }

    /// <summary>Prints each error as <c>path(line,col): message</c>, then one closing line, on standard error.</summary>
    public static void Report(IReadOnlyList<ConfigurationError> errors, CliEnvironment environment)
    {
        foreach (var error in errors)
        {
            environment.Error.WriteLine(error.ToString());
        }

        environment.Error.WriteLine($"manifestlint: the configuration has {errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}; nothing was linted.");
    }
}
