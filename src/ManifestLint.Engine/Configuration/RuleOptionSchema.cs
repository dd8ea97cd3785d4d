using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Engine.Configuration;

/// <summary>The value types a rule option can have, as its page names them.</summary>
public enum RuleOptionType
{
    /// <summary>"decimal", "number" or "percentage": a plain YAML number.</summary>
    Number,

    /// <summary>"integer": a plain YAML whole number.</summary>
    WholeNumber,

    /// <summary>"list of strings": a YAML list of scalars.</summary>
    StringList,

    /// <summary>"string": any scalar.</summary>
    Text,

    /// <summary>"boolean": true or false.</summary>
    Boolean,

    /// <summary>"quantity": a Kubernetes quantity such as 512Mi.</summary>
    Quantity,
}

/// <summary>One option of a rule: its name, type, documented default (as written on the page) and description.</summary>
public sealed record RuleOption(string Name, RuleOptionType Type, string TypeName, string? DefaultText, string Description);

/// <summary>
/// A rule's options, read from the "## Options" section of its page, where each one is a bullet
/// <c>- `name` (type, default `value`): description</c>. The page is the rule's metadata, so the configuration
/// file is validated against exactly what users read, and a new rule's options need no registration in code.
/// </summary>
public static partial class RuleOptionSchema
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<RuleOption>> Cache = new(StringComparer.Ordinal);

    /// <summary>The type names pages may use, and what they mean.</summary>
    public static IReadOnlyDictionary<string, RuleOptionType> TypeNames { get; } = new Dictionary<string, RuleOptionType>(StringComparer.Ordinal)
    {
        ["decimal"] = RuleOptionType.Number,
        ["number"] = RuleOptionType.Number,
        ["percentage"] = RuleOptionType.Number,
        ["integer"] = RuleOptionType.WholeNumber,
        ["list of strings"] = RuleOptionType.StringList,
        ["string"] = RuleOptionType.Text,
        ["boolean"] = RuleOptionType.Boolean,
        ["quantity"] = RuleOptionType.Quantity,
    };

    public static IReadOnlyList<RuleOption> Of(RuleDescriptor rule) =>
        Cache.GetOrAdd($"{rule.Id}\n{rule.Page}", key => Parse(rule.Page, out _));

    /// <summary>Parses a page's options; <paramref name="problems"/> lists bullets that do not follow the format or name an unknown type.</summary>
    public static IReadOnlyList<RuleOption> Parse(string page, out IReadOnlyList<string> problems)
    {
        var options = new List<RuleOption>();
        var found = new List<string>();
        var inOptions = false;
        foreach (var line in page.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inOptions = line[3..].Trim() == "Options";
                continue;
            }

            if (!inOptions || !line.StartsWith("- ", StringComparison.Ordinal))
            {
                continue;
            }

            var match = Bullet().Match(line);
            if (!match.Success)
            {
                found.Add($"option bullet not in the form \"- `name` (type, default `value`): description\": {line}");
                continue;
            }

            var typeName = match.Groups["type"].Value.Trim();
            if (!TypeNames.TryGetValue(typeName, out var type))
            {
                found.Add($"option '{match.Groups["name"].Value}' has the unknown type '{typeName}' (known: {string.Join(", ", TypeNames.Keys)})");
                type = RuleOptionType.Text;
            }

            options.Add(new RuleOption(
                match.Groups["name"].Value,
                type,
                typeName,
                match.Groups["default"].Success ? match.Groups["default"].Value : null,
                match.Groups["description"].Value.Trim()));
        }

        problems = found;
        return options;
    }

    [GeneratedRegex(@"^- `(?<name>[A-Za-z][A-Za-z0-9]*)` \((?<type>[^,)]+)(?:, default `(?<default>[^`]*)`)?[^)]*\):?(?<description>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();
}
