using System.Reflection;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules;

namespace ManifestLint.Engine.Catalog;

/// <summary>
/// The rules and their pages, joined by ID. Pages are embedded from <c>rules/*.md</c> at build time; a rule
/// without a page, or a page without a rule, fails here at start-up rather than at a user's desk.
/// </summary>
public sealed class RuleCatalog
{
    private static readonly Lazy<RuleCatalog> BuiltIn = new(() => new RuleCatalog(BuiltInRules.Create(), LoadEmbeddedPages()));
    private readonly Dictionary<string, RuleDescriptor> byId;

    public RuleCatalog(IReadOnlyList<Rule> rules, IReadOnlyList<RuleDescriptor> pages)
    {
        byId = pages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var ruleIds = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var withoutPage = ruleIds.Where(id => !byId.ContainsKey(id)).ToList();
        var withoutRule = byId.Keys.Where(id => !ruleIds.Contains(id)).ToList();
        if (withoutPage.Count > 0 || withoutRule.Count > 0 || ruleIds.Count != rules.Count)
        {
            throw new InvalidOperationException(
                $"Rule catalog mismatch. Rules without a page: [{string.Join(", ", withoutPage)}]; pages without a rule: [{string.Join(", ", withoutRule)}]; duplicate rule IDs: {rules.Count - ruleIds.Count}.");
        }

        Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Descriptors = pages.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    public static RuleCatalog Default => BuiltIn.Value;

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public RuleDescriptor this[string id] => byId[id];

    public bool TryGet(string id, out RuleDescriptor descriptor) => byId.TryGetValue(id, out descriptor!);

    public static IReadOnlyList<RuleDescriptor> LoadEmbeddedPages()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => RulePage.Parse(n, ReadResource(assembly, n)))
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
