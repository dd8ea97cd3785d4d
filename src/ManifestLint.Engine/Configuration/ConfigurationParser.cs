using System.Globalization;
using System.Text.RegularExpressions;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Problems;
using ManifestLint.Model.Runtimes.Catalog;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Configuration;

/// <summary>
/// Reads and validates a <c>.manifestlint.yaml</c> with the project's YAML loader, so every mistake carries its
/// file, line and column: an unknown key, rule ID, category or option, a wrong type, a duplicate key or invalid
/// YAML is an error naming what was expected there. Nothing is ignored silently. No reflection-based
/// deserialisation: the tree is walked by hand (Native AOT).
/// </summary>
public sealed partial class ConfigurationParser
{
    private static readonly string[] TopLevelKeys = ["rules", "overrides", "helm", "exclude", "scopes", "suppressions", "images", "usage", "kustomize"];
    private static readonly string[] OverrideKeys = ["files", "rules"];
    private static readonly string[] HelmKeys = ["values", "releaseName", "namespace", "kubeVersion", "set", "variants", "timeout", "includeTests"];
    private static readonly string[] KustomizeKeys = ["path", "enableHelm", "loadRestrictor", "timeout"];
    private static readonly string[] LoadRestrictors = ["rootOnly", "none"];
    private static readonly string[] SuppressionKeys = ["comments", "annotations"];
    private const string Severities = "error, warning, note or none";

    private readonly RuleCatalog catalog;
    private readonly List<ConfigurationError> errors = [];
    private readonly HashSet<string> categories;

    private ConfigurationParser(RuleCatalog catalog)
    {
        this.catalog = catalog;
        categories = catalog.Descriptors.Select(d => d.Category).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Parses a configuration file's bytes; throws <see cref="ConfigurationException"/> listing every error.</summary>
    /// <param name="path">The file's full path: findings about it, and relative globs, start from here.</param>
    /// <param name="displayPath">How errors name the file (relative to the working directory); defaults to <paramref name="path"/>.</param>
    public static ManifestLintConfig Parse(string path, ReadOnlySpan<byte> bytes, RuleCatalog catalog, string? displayPath = null)
    {
        var file = YamlFileLoader.Load(displayPath ?? path, bytes);
        return new ConfigurationParser(catalog).Read(path, file);
    }

    public static ManifestLintConfig Parse(string path, string text, RuleCatalog catalog, string? displayPath = null)
    {
        var file = YamlFileLoader.Load(displayPath ?? path, text);
        return new ConfigurationParser(catalog).Read(path, file);
    }

    private ManifestLintConfig Read(string path, YamlFile file)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        // Repeated keys are reported below, in the configuration's own words.
        errors.AddRange(file.Problems.Where(p => p.Kind != ModelProblemKind.DuplicateKey).Select(p => new ConfigurationError(p.Span, p.Message)));
        var documents = file.Documents.Where(d => d.Root is not null).ToList();
        if (documents.Count > 1)
        {
            Error(documents[1].Span, "a configuration file holds one YAML document; expected no second '---' document.");
        }

        var config = ManifestLintConfig.Defaults(directory) with { Path = path };
        if (documents.FirstOrDefault()?.Root is { } root && !IsNull(root))
        {
            if (root is not MappingNode mapping)
            {
                Error(root.Span, $"expected a mapping with the keys {List(TopLevelKeys)}, not {root.ShapeName}.");
            }
            else
            {
                config = ReadRoot(mapping, config);
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors.OrderBy(e => e.At.StartLine).ThenBy(e => e.At.StartColumn).ToList());
        }

        return config;
    }

    private ManifestLintConfig ReadRoot(MappingNode root, ManifestLintConfig config)
    {
        foreach (var (key, value) in Entries(root, TopLevelKeys, "top-level key"))
        {
            config = key switch
            {
                "rules" => config with { Rules = ReadRules(value) },
                "overrides" => config with { Overrides = ReadOverrides(value) },
                "helm" => config with { Helm = ReadHelm(value) },
                "exclude" => config with { Exclude = ReadGlobs(value, "exclude") },
                "images" => config with { ImageEntries = ReadImages(value, config.Path) },
                "scopes" => config with { Scopes = ReadGlobs(value, "scopes", "a list of directory globs, one cluster each, such as [\"clusters/*\"]") },
                "usage" => config with { Usage = ReadUsage(value) },
                "kustomize" => config with { Kustomize = ReadKustomize(value) },
                _ => config with { Suppressions = ReadSuppressions(value) },
            };
        }

        return config;
    }

    /// <summary>The <c>images:</c> list: image catalog entries in the format of <c>rules/images.yaml</c> (see rules/images.md).</summary>
    private IReadOnlyList<ImageCatalogEntry> ReadImages(YamlNode node, string? path)
    {
        var catalogErrors = new List<CatalogError>();
        var entries = ImageCatalogReader.ReadEntries(node, $"images: in {System.IO.Path.GetFileName(path) ?? ManifestLintConfig.FileName}", catalogErrors);
        errors.AddRange(catalogErrors.Select(e => new ConfigurationError(e.At, e.Message)));
        return entries;
    }

    private RuleTable ReadRules(YamlNode node)
    {
        if (IsNull(node))
        {
            return RuleTable.Empty;
        }

        if (node is not MappingNode mapping)
        {
            Error(node.Span, $"'rules' expects a mapping of rule IDs or categories to a severity ({Severities}) or to {{ severity, options }}, not {node.ShapeName}.");
            return RuleTable.Empty;
        }

        var rules = new Dictionary<string, RuleConfiguration>(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (key, keyNode, value) in UniqueEntries(mapping))
        {
            if (catalog.TryGet(key, out var rule))
            {
                if (ReadRule(rule, value) is { } entry)
                {
                    rules[key] = entry;
                }
            }
            else if (categories.Contains(key))
            {
                if (ReadCategorySeverity(key, value) is { } severity)
                {
                    byCategory[key] = severity;
                }
            }
            else
            {
                var known = catalog.Descriptors.Select(d => d.Id).Concat(categories);
                var hint = RuleIdPattern().IsMatch(key) ? "no rule has this ID (run 'manifestlint rules' for the list)" : "it is neither a rule ID nor a category";
                Error(keyNode.Span, $"unknown rule or category '{key}': {hint}; expected a rule ID such as ML1001 or one of the categories {List(categories.Order(StringComparer.Ordinal))}.{DidYouMean(key, known)}");
            }
        }

        return new RuleTable(rules, byCategory);
    }

    private RuleConfiguration? ReadRule(RuleDescriptor rule, YamlNode value)
    {
        var options = catalog.OptionsOf(rule.Id);
        if (value is ScalarNode scalar)
        {
            return ReadSeverity(scalar, $"the severity of {rule.Id}") is { } severity ? new RuleConfiguration(severity, new Dictionary<string, string>()) : null;
        }

        if (value is not MappingNode mapping)
        {
            Error(value.Span, $"{rule.Id} expects a severity ({Severities}) or a mapping of 'severity'{(options.Count > 0 ? $" and its options ({List(options.Select(o => o.Name))})" : string.Empty)}, not {value.ShapeName}.");
            return null;
        }

        Severity? ruleSeverity = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, keyNode, optionValue) in UniqueEntries(mapping))
        {
            if (key == "severity")
            {
                ruleSeverity = optionValue is ScalarNode s ? ReadSeverity(s, $"the severity of {rule.Id}") : NoSeverity(optionValue, $"the severity of {rule.Id} expects one of {Severities}, not {optionValue.ShapeName}.");
                continue;
            }

            if (options.FirstOrDefault(o => o.Name == key) is not { } option)
            {
                var expected = options.Count == 0
                    ? $"{rule.Id} has no options; only 'severity' can be set"
                    : $"expected 'severity' or one of its options: {List(options.Select(o => o.Name))}";
                Error(keyNode.Span, $"{rule.Id} has no option '{key}'; {expected}.{DidYouMean(key, options.Select(o => o.Name).Append("severity"))}");
                continue;
            }

            if (ReadOption(rule, option, optionValue) is { } text)
            {
                values[key] = text;
            }
        }

        return new RuleConfiguration(ruleSeverity, values);
    }

    private Severity? ReadCategorySeverity(string category, YamlNode value)
    {
        if (value is ScalarNode scalar)
        {
            return ReadSeverity(scalar, $"the severity of category {category}");
        }

        if (value is MappingNode mapping)
        {
            Severity? severity = null;
            foreach (var (key, keyNode, v) in UniqueEntries(mapping))
            {
                if (key == "severity" && v is ScalarNode s)
                {
                    severity = ReadSeverity(s, $"the severity of category {category}");
                }
                else
                {
                    Error(keyNode.Span, $"category {category} takes only 'severity' (options belong to a rule ID); unexpected '{key}'.");
                }
            }

            return severity;
        }

        return NoSeverity(value, $"category {category} expects a severity ({Severities}), not {value.ShapeName}.");
    }

    private string? ReadOption(RuleDescriptor rule, RuleOption option, YamlNode value)
    {
        var what = $"option '{option.Name}' of {rule.Id}";
        switch (option.Type)
        {
            case RuleOptionType.Number:
                if (value is ScalarNode { IsPlain: true } d && decimal.TryParse(d.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number >= 0 ? number.ToString(CultureInfo.InvariantCulture) : Invalid(value, $"{what} expects a number of at least 0, not {d.Value}.");
                }

                return Invalid(value, $"{what} expects a number (such as {option.DefaultText}), not {Shape(value)}.");
            case RuleOptionType.WholeNumber:
                if (value is ScalarNode { IsPlain: true } i && int.TryParse(i.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
                {
                    return whole >= 0 ? whole.ToString(CultureInfo.InvariantCulture) : Invalid(value, $"{what} expects a whole number of at least 0, not {i.Value}.");
                }

                return Invalid(value, $"{what} expects a whole number (such as {option.DefaultText}), not {Shape(value)}.");
            case RuleOptionType.Boolean:
                return value is ScalarNode { IsPlain: true } b && ParseBool(b.Value) is { } flag
                    ? (flag ? "true" : "false")
                    : Invalid(value, $"{what} expects true or false, not {Shape(value)}.");
            case RuleOptionType.Quantity:
                if (value is ScalarNode q && !IsNull(q))
                {
                    return Quantity.TryParse(q.Value, out _, out var error) ? q.Value.Trim() : Invalid(value, $"{what} expects a Kubernetes quantity such as 512Mi: {error}");
                }

                return Invalid(value, $"{what} expects a Kubernetes quantity such as 512Mi, not {Shape(value)}.");
            case RuleOptionType.StringList:
                if (value is not SequenceNode list)
                {
                    return Invalid(value, $"{what} expects a list of strings, such as [{option.DefaultText.Trim('[', ']')}], not {Shape(value)}.");
                }

                var items = new List<string>();
                foreach (var item in list.Items)
                {
                    if (item is not ScalarNode s || IsNull(s))
                    {
                        Error(item.Span, $"{what} expects a list of strings; this item is {item.ShapeName}.");
                    }
                    else if (s.Value.Contains(',', StringComparison.Ordinal))
                    {
                        Error(item.Span, $"{what}: an item cannot contain ','; expected one name per item.");
                    }
                    else
                    {
                        items.Add(s.Value);
                    }
                }

                return string.Join(",", items);
            default:
                return value is ScalarNode str && !IsNull(str) ? str.Value : Invalid(value, $"{what} expects a string, not {Shape(value)}.");
        }
    }

    private List<ConfigurationOverride> ReadOverrides(YamlNode node)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is not SequenceNode list)
        {
            Error(node.Span, $"'overrides' expects a list of {{ files: [globs], rules: {{...}} }} blocks, not {node.ShapeName}.");
            return [];
        }

        var overrides = new List<ConfigurationOverride>();
        foreach (var item in list.Items)
        {
            if (item is not MappingNode block)
            {
                Error(item.Span, $"an override expects a mapping with 'files' and 'rules', not {item.ShapeName}.");
                continue;
            }

            IReadOnlyList<string>? files = null;
            var rules = RuleTable.Empty;
            foreach (var (key, value) in Entries(block, OverrideKeys, "key of an override"))
            {
                if (key == "files")
                {
                    files = ReadGlobs(value, "files");
                }
                else
                {
                    rules = ReadRules(value);
                }
            }

            if (block.Entry("files") is null)
            {
                Error(block.Span, "an override expects 'files': the globs of the files it applies to, such as [\"charts/legacy/**\"].");
            }

            overrides.Add(new ConfigurationOverride(files ?? [], rules, block.Span.StartLine));
        }

        return overrides;
    }

    private HelmConfiguration ReadHelm(YamlNode node) =>
        ReadSection(node, "helm", HelmKeys, HelmConfiguration.Empty, (helm, key, value) => key switch
        {
            "values" => helm with { Values = ReadValuesFiles(value) },
            "releaseName" => helm with { ReleaseName = ReadString(value, "helm.releaseName", "a release name such as web") },
            "namespace" => helm with { Namespace = ReadString(value, "helm.namespace", "a namespace such as prod") },
            "kubeVersion" => helm with { KubeVersion = ReadString(value, "helm.kubeVersion", "a Kubernetes version such as \"1.31\"") },
            "set" => helm with { Set = ReadStrings(value, "'helm.set'", "a list of key=value settings such as [\"resources.limits.memory=512Mi\"]") },
            "variants" => helm with { Variants = ReadFlag(value, "variants") },
            "includeTests" => helm with { IncludeTests = ReadFlag(value, "includeTests") },
            _ => helm with { TimeoutSeconds = ReadTimeout(value) },
        });

    /// <summary>A section of known keys (<c>helm:</c>, <c>kustomize:</c>): null is the defaults; each key read by <paramref name="read"/> in file order.</summary>
    private T ReadSection<T>(YamlNode node, string name, string[] keys, T empty, Func<T, string, YamlNode, T> read)
    {
        if (IsNull(node))
        {
            return empty;
        }

        if (node is not MappingNode mapping)
        {
            Error(node.Span, $"'{name}' expects a mapping with the keys {List(keys)}, not {node.ShapeName}.");
            return empty;
        }

        var section = empty;
        foreach (var (key, value) in Entries(mapping, keys, $"key of '{name}'"))
        {
            section = read(section, key, value);
        }

        return section;
    }

    private bool? ReadFlag(YamlNode node, string key, string section = "helm")
    {
        if (node is ScalarNode { IsPlain: true } s && ParseBool(s.Value) is { } flag)
        {
            return flag;
        }

        Error(node.Span, $"{section}.{key} expects true or false, not {Shape(node)}.");
        return null;
    }

    private int? ReadTimeout(YamlNode node, string section = "helm")
    {
        if (node is ScalarNode { IsPlain: true } s && int.TryParse(s.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return seconds;
        }

        Error(node.Span, $"{section}.timeout expects a whole number of seconds above 0, such as 120, not {Shape(node)}.");
        return null;
    }

    /// <summary>The <c>kustomize:</c> section: the executable (relative to this file) and the build flags a user may turn on.</summary>
    private KustomizeConfiguration ReadKustomize(YamlNode node) =>
        ReadSection(node, "kustomize", KustomizeKeys, KustomizeConfiguration.Empty, (kustomize, key, value) => key switch
        {
            "path" => kustomize with { Path = ReadString(value, "kustomize.path", "the kubectl or kustomize executable, such as .tools/bin/kubectl (relative to this file)") },
            "enableHelm" => kustomize with { EnableHelm = ReadFlag(value, "enableHelm", "kustomize") },
            "loadRestrictor" => kustomize with { LoadRestrictionsNone = ReadLoadRestrictor(value) },
            _ => kustomize with { TimeoutSeconds = ReadTimeout(value, "kustomize") },
        });

    /// <summary>kustomize's <c>--load-restrictor</c>: rootOnly or none (kustomize's own names are accepted too); true for none.</summary>
    private bool? ReadLoadRestrictor(YamlNode node)
    {
        switch ((node as ScalarNode)?.Value)
        {
            case "rootOnly" or "LoadRestrictionsRootOnly" when node is ScalarNode { IsPlain: true }:
                return false;
            case "none" or "LoadRestrictionsNone" when node is ScalarNode { IsPlain: true }:
                return true;
            default:
                var text = (node as ScalarNode)?.Value ?? string.Empty;
                Error(node.Span, $"kustomize.loadRestrictor expects rootOnly (kustomize's default: files only from inside the kustomization's tree) or none, not {Shape(node)}.{DidYouMean(text, LoadRestrictors)}");
                return null;
        }
    }

    private Dictionary<string, IReadOnlyList<string>> ReadValuesFiles(YamlNode node)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is not MappingNode mapping)
        {
            Error(node.Span, $"'helm.values' expects a mapping of chart directories to lists of values files, such as {{ \"charts/web\": [\"charts/web/values-prod.yaml\"] }}, not {node.ShapeName}.");
            return values;
        }

        foreach (var (chart, _, files) in UniqueEntries(mapping))
        {
            values[chart] = ReadStrings(files, $"the values files of chart '{chart}'", "a list of values files");
        }

        return values;
    }

    private SuppressionConfiguration ReadSuppressions(YamlNode node)
    {
        if (node is not MappingNode mapping)
        {
            Error(node.Span, $"'suppressions' expects a mapping with the keys {List(SuppressionKeys)} (true or false), not {node.ShapeName}.");
            return SuppressionConfiguration.Default;
        }

        var settings = SuppressionConfiguration.Default;
        foreach (var (key, value) in Entries(mapping, SuppressionKeys, "key of 'suppressions'"))
        {
            var flag = value is ScalarNode { IsPlain: true } s && ParseBool(s.Value) is { } b ? b : (bool?)null;
            if (flag is null)
            {
                Error(value.Span, $"suppressions.{key} expects true or false, not {Shape(value)}.");
                continue;
            }

            settings = key == "comments" ? settings with { Comments = flag.Value } : settings with { Annotations = flag.Value };
        }

        return settings;
    }

    private List<string> ReadGlobs(YamlNode node, string what, string expected = "a list of path globs such as [\"**/testdata/**\"]")
    {
        if (IsNull(node))
        {
            return [];
        }

        var globs = ReadStrings(node, $"'{what}'", expected);
        foreach (var item in (node as SequenceNode)?.Items.OfType<ScalarNode>().Where(s => !IsNull(s)) ?? [])
        {
            if (item.Value.Length == 0 || item.Value.StartsWith('/') || Path.IsPathRooted(item.Value))
            {
                Error(item.Span, $"'{what}': expected a glob relative to the directory of the configuration file (such as \"charts/legacy/**\"), not \"{item.Value}\".");
            }
        }

        return globs;
    }

    /// <summary>The <c>usage:</c> files: one path or a list, relative to the configuration file, each optionally <c>p95=path</c> as on the command line.</summary>
    private List<string> ReadUsage(YamlNode node)
    {
        const string Expected = "a usage file path or a list of them, such as [usage/working-set.json] (relative to this file; p95=FILE for a quantile vector)";
        if (IsNull(node))
        {
            return [];
        }

        if (node is ScalarNode single)
        {
            return [single.Value];
        }

        var files = ReadStrings(node, "'usage'", Expected);
        foreach (var item in (node as SequenceNode)?.Items.OfType<ScalarNode>().Where(s => !IsNull(s) && s.Value.Length == 0) ?? [])
        {
            Error(item.Span, $"'usage' expects {Expected}; this item is empty.");
        }

        return files;
    }

    private List<string> ReadStrings(YamlNode node, string what, string expected)
    {
        if (node is not SequenceNode list)
        {
            Error(node.Span, $"{what} expects {expected}, not {Shape(node)}.");
            return [];
        }

        var strings = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is ScalarNode s && !IsNull(s))
            {
                strings.Add(s.Value);
            }
            else
            {
                Error(item.Span, $"{what} expects {expected}; this item is {item.ShapeName}.");
            }
        }

        return strings;
    }

    private string? ReadString(YamlNode node, string what, string expected) =>
        node is ScalarNode s && !IsNull(s) ? s.Value : Invalid(node, $"{what} expects {expected}, not {Shape(node)}.");

    private Severity? ReadSeverity(ScalarNode node, string what)
    {
        if (SeverityNames.TryParse(node.Value, out var severity))
        {
            return severity;
        }

        Error(node.Span, $"{what} expects {Severities}, not {Shape(node)}.{DidYouMean(node.Value, ["error", "warning", "note", "none"])}");
        return null;
    }

    /// <summary>The entries of a mapping whose keys are among <paramref name="allowed"/>; any other key, or a repeated one, is an error.</summary>
    private IEnumerable<(string Key, YamlNode Value)> Entries(MappingNode mapping, string[] allowed, string what)
    {
        foreach (var (key, keyNode, value) in UniqueEntries(mapping))
        {
            if (allowed.Contains(key, StringComparer.Ordinal))
            {
                yield return (key, value);
            }
            else
            {
                Error(keyNode.Span, $"unknown {what} '{key}'; expected one of {List(allowed)}.{DidYouMean(key, allowed)}");
            }
        }
    }

    private IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> UniqueEntries(MappingNode mapping)
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is not ScalarNode { } key || IsNull(key))
            {
                Error(entry.Key.Span, $"expected a plain string key, not {entry.Key.ShapeName}.");
                continue;
            }

            if (seen.TryGetValue(key.Value, out var first))
            {
                Error(key.Span, $"duplicate key '{key.Value}' (first set on line {first.StartLine}); expected each key once.");
                continue;
            }

            seen[key.Value] = key.Span;
            yield return (key.Value, key, entry.Value);
        }
    }

    private string? Invalid(YamlNode node, string message)
    {
        Error(node.Span, message);
        return null;
    }

    private Severity? NoSeverity(YamlNode node, string message)
    {
        Error(node.Span, message);
        return null;
    }

    private void Error(SourceSpan at, string message) => errors.Add(new ConfigurationError(at, message));

    private static bool IsNull(YamlNode node) => node is ScalarNode { IsNull: true };

    private static string Shape(YamlNode node) => node is ScalarNode { IsNull: false } s ? (s.IsPlain ? $"'{s.Value}'" : $"the string \"{s.Value}\"") : node.ShapeName;

    private static bool? ParseBool(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    private static string List(IEnumerable<string> items) => string.Join(", ", items.Select(i => $"'{i}'"));

    /// <summary>" Did you mean 'X'?" for the closest known name within two edits, else nothing.</summary>
    private static string DidYouMean(string text, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Name: k, Distance: Distance(text.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= 2 && k.Name != text)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $" Did you mean '{best.Name}'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^ML\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();
}
