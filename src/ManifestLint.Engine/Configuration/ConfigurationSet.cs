using System.Collections.Concurrent;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;

namespace ManifestLint.Engine.Configuration;

/// <summary>
/// How the configuration reaches the file system, so the engine never touches it: the CLI passes
/// <see cref="File.Exists(string)"/> and friends, tests pass a dictionary.
/// </summary>
/// <param name="DisplayPath">How errors name a configuration file (relative to the working directory); the full path when null.</param>
public sealed record ConfigurationFileAccess(Func<string, bool> FileExists, Func<string, bool> DirectoryExists, Func<string, byte[]> ReadAllBytes, Func<string, string>? DisplayPath = null);

/// <summary>
/// Maps every analysed path to its <see cref="EffectiveConfiguration"/>. With <see cref="Discover"/>, a file gets the
/// nearest <c>.manifestlint.yaml</c> found walking up from its directory, stopping at the repository root (the
/// directory holding <c>.git</c>); nearest wins, files are not merged, as with <c>.editorconfig</c> plus
/// <c>root = true</c>. With <see cref="ForAll"/>, every file gets the one given (<c>--config</c>).
/// Paths are the engine's: relative to the working directory, or <c>&lt;stdin&gt;</c> (which looks up from the working directory).
/// </summary>
public sealed class ConfigurationSet
{
    private readonly string workingDirectory;
    private readonly Func<string, ManifestLintConfig> configFor;
    private readonly ConcurrentDictionary<string, EffectiveConfiguration> effective = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ManifestLintConfig, EffectiveConfiguration> shared = new(ReferenceEqualityComparer.Instance);

    private ConfigurationSet(string workingDirectory, Func<string, ManifestLintConfig> configFor)
    {
        this.workingDirectory = Path.GetFullPath(workingDirectory);
        this.configFor = configFor;
    }

    /// <summary>Every path gets <paramref name="config"/>; its globs are relative to its own directory.</summary>
    public static ConfigurationSet ForAll(ManifestLintConfig config, string workingDirectory) => new(workingDirectory, _ => config);

    /// <summary>Every path gets the configuration file <paramref name="file"/> (<c>--config</c>); throws <see cref="ConfigurationException"/> when it is invalid.</summary>
    public static ConfigurationSet FromFile(string file, ConfigurationFileAccess access, RuleCatalog catalog, string workingDirectory) =>
        ForAll(new ConfigurationLocator(access, catalog).Load(Path.GetFullPath(file, workingDirectory)), workingDirectory);

    /// <summary>Each path gets the nearest <c>.manifestlint.yaml</c> above it, or the defaults when there is none.</summary>
    public static ConfigurationSet Discover(ConfigurationFileAccess access, RuleCatalog catalog, string workingDirectory)
    {
        var locator = new ConfigurationLocator(access, catalog);
        return new ConfigurationSet(workingDirectory, locator.ConfigFor);
    }

    /// <summary>The configuration of a file that would sit in the working directory: what input-set rules use for their options.</summary>
    public EffectiveConfiguration ForRun => For(AnalysisInput.StandardInputPath);

    /// <summary>The configuration of one path; throws <see cref="ConfigurationException"/> when its configuration file is invalid.</summary>
    public EffectiveConfiguration For(string path)
    {
        if (effective.TryGetValue(path, out var found))
        {
            return found;
        }

        var full = FullPath(path);
        var config = configFor(full);

        // A configuration without path globs is the same for every file under it: one object for all of them, not one
        // per file (a run over 50,000 files would otherwise keep 50,000 copies).
        return config.Overrides.Count == 0 && config.Exclude.Count == 0 && config.Scopes.Count == 0
            ? shared.GetOrAdd(config, c => new EffectiveConfiguration(c, full))
            : effective.GetOrAdd(path, _ => new EffectiveConfiguration(config, full));
    }

    /// <summary>Loads the configuration of every path up front and returns every error, each configuration file once.</summary>
    public IReadOnlyList<ConfigurationError> Validate(IEnumerable<string> paths)
    {
        var errors = new List<ConfigurationError>();
        foreach (var path in paths.Append(AnalysisInput.StandardInputPath))
        {
            try
            {
                For(path);
            }
            catch (ConfigurationException e)
            {
                errors.AddRange(e.Errors.Where(error => !errors.Contains(error)));
            }
        }

        return errors;
    }

    /// <summary>The full path of an engine path (relative to the working directory, or <c>&lt;stdin&gt;</c>).</summary>
    public string FullPathOf(string path) => FullPath(path);

    private string FullPath(string path) => path == AnalysisInput.StandardInputPath
        ? Path.Combine(workingDirectory, AnalysisInput.StandardInputPath)
        : Path.GetFullPath(path, workingDirectory);
}

/// <summary>Finds and parses the nearest configuration file of a path, each directory and file once.</summary>
internal sealed class ConfigurationLocator(ConfigurationFileAccess access, RuleCatalog catalog)
{
    private readonly ConcurrentDictionary<string, string?> nearest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ManifestLintConfig>> parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ManifestLintConfig> defaults = new(StringComparer.Ordinal);

    public ManifestLintConfig ConfigFor(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath) ?? fullPath;
        if (Nearest(directory) is not { } file)
        {
            return defaults.GetOrAdd(directory, ManifestLintConfig.Defaults);
        }

        return parsed.GetOrAdd(file, f => new Lazy<ManifestLintConfig>(() => Load(f))).Value;
    }

    /// <summary>Loads one configuration file; used for <c>--config</c> too.</summary>
    public ManifestLintConfig Load(string file)
    {
        byte[] bytes;
        try
        {
            bytes = access.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var display = access.DisplayPath?.Invoke(file) ?? file;
            throw new ConfigurationException([new ConfigurationError(Model.Source.SourceSpan.FileStart(display), $"the configuration file cannot be read: {e.Message}")]);
        }

        return ConfigurationParser.Parse(file, bytes, catalog, access.DisplayPath?.Invoke(file));
    }

    private string? Nearest(string directory) => nearest.GetOrAdd(directory, d =>
    {
        var candidate = Path.Combine(d, ManifestLintConfig.FileName);
        if (access.FileExists(candidate))
        {
            return candidate;
        }

        var git = Path.Combine(d, ".git");
        if (access.DirectoryExists(git) || access.FileExists(git))
        {
            return null;
        }

        return Path.GetDirectoryName(d) is { } parent && parent != d ? Nearest(parent) : null;
    });
}
