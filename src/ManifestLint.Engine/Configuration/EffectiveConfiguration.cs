using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Engine.Configuration;

/// <summary>
/// The configuration that applies to one file: its <c>.manifestlint.yaml</c> with the <c>overrides:</c> blocks whose
/// globs match the file applied in order. Within one layer a rule ID wins over its category; a later layer wins
/// over an earlier one, option by option.
/// </summary>
public sealed class EffectiveConfiguration
{
    private readonly IReadOnlyList<RuleTable> layers;

    internal EffectiveConfiguration(ManifestLintConfig config, string fullPath)
    {
        Config = config;
        AppliedOverrides = config.Overrides.Where(o => o.Glob.IsMatch(config.Directory, fullPath)).ToList();
        Excluded = config.ExcludeGlob.IsMatch(config.Directory, fullPath);
        (ScopeDirectory, ScopeName) = FindScope(config, fullPath);
        layers = [config.Rules, .. AppliedOverrides.Select(o => o.Rules)];
        var options = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (id, rule) in layers.SelectMany(l => l.Rules))
        {
            if (!options.TryGetValue(id, out var values))
            {
                values = options[id] = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var (name, text) in rule.Options)
            {
                values[name] = text;
            }
        }

        Settings = new RuleSettings(options.ToDictionary(o => o.Key, o => (IReadOnlyDictionary<string, string>)o.Value, StringComparer.Ordinal));
    }

    /// <summary>The built-in defaults: no file, no overrides, nothing excluded.</summary>
    public static EffectiveConfiguration Default { get; } = new(ManifestLintConfig.Defaults("."), Path.GetFullPath("."));

    /// <summary>The file it comes from (<see cref="ManifestLintConfig.Path"/> is null for the defaults).</summary>
    public ManifestLintConfig Config { get; }

    /// <summary>The <c>overrides:</c> blocks that match the file, in file order.</summary>
    public IReadOnlyList<ConfigurationOverride> AppliedOverrides { get; }

    /// <summary>True when an <c>exclude:</c> glob matches the file: it is not analysed.</summary>
    public bool Excluded { get; }

    /// <summary>Rule options for the file, merged across layers.</summary>
    public RuleSettings Settings { get; }

    /// <summary>The full path of the scope directory (a <c>scopes:</c> glob match) the file is in; null when none is.</summary>
    public string? ScopeDirectory { get; }

    /// <summary>The scope's name: its directory relative to the configuration file, with '/' separators.</summary>
    public string? ScopeName { get; }

    public SuppressionConfiguration Suppressions => Config.Suppressions;

    public HelmConfiguration Helm => Config.Helm;

    public KustomizeConfiguration Kustomize => Config.Kustomize;

    /// <summary>The severity the configuration sets for the rule, or null when it leaves the default.</summary>
    public Severity? ConfiguredSeverity(RuleDescriptor rule)
    {
        Severity? severity = null;
        foreach (var layer in layers)
        {
            severity = layer.SeverityOf(rule) ?? severity;
        }

        return severity;
    }

    public Severity SeverityOf(RuleDescriptor rule) => ConfiguredSeverity(rule) ?? rule.DefaultSeverity;

    /// <summary>An option's configured text, or null when it keeps its documented default.</summary>
    public string? OptionText(string ruleId, string name)
    {
        string? text = null;
        foreach (var layer in layers)
        {
            text = layer.Rules.GetValueOrDefault(ruleId)?.Options.GetValueOrDefault(name) ?? text;
        }

        return text;
    }

    /// <summary>The deepest directory above the file, inside the configuration's directory, that a scope glob matches.</summary>
    private static (string? Directory, string? Name) FindScope(ManifestLintConfig config, string fullPath)
    {
        if (config.Scopes.Count == 0)
        {
            return (null, null);
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(config.Directory));
        for (var directory = Path.GetDirectoryName(fullPath); directory is not null && directory.Length > root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (config.ScopeGlob.IsMatch(root, directory))
            {
                return (directory, Path.GetRelativePath(root, directory).Replace('\\', '/'));
            }
        }

        return (null, null);
    }
}
