using System.Reflection;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules;

namespace ManifestLint.Engine.Catalog;

/// <summary>
/// The rules and their pages, joined by ID, and the pages of the IDs the tool reports itself (descriptor-only). Pages are embedded from <c>rules/*.md</c> at build time; a rule
/// without a page, or a page without a rule, fails here at start-up rather than at a user's desk.
/// </summary>
public sealed class RuleCatalog
{
    private static readonly Lazy<RuleCatalog> BuiltIn = new(() => new RuleCatalog(BuiltInRules.Create(), LoadEmbeddedPages(), BuiltInRules.DescriptorOnly));
    private readonly Dictionary<string, RuleDescriptor> byId;

    /// <param name="rules">The analyzers, one per ID.</param>
    /// <param name="pages">One page per rule and per descriptor-only ID.</param>
    /// <param name="descriptorOnly">IDs with a page and no analyzer, which the tool reports itself (ML0000, ML0002 ...).</param>
    public RuleCatalog(IReadOnlyList<Rule> rules, IReadOnlyList<RuleDescriptor> pages, IReadOnlyList<string>? descriptorOnly = null)
    {
        byId = pages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var ruleIds = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var reportedByTheTool = (descriptorOnly ?? []).ToHashSet(StringComparer.Ordinal);
        var withoutPage = ruleIds.Concat(reportedByTheTool).Where(id => !byId.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var withoutRule = byId.Keys.Where(id => !ruleIds.Contains(id) && !reportedByTheTool.Contains(id)).ToList();
        var both = ruleIds.Intersect(reportedByTheTool, StringComparer.Ordinal).ToList();
        if (withoutPage.Count > 0 || withoutRule.Count > 0 || both.Count > 0 || ruleIds.Count != rules.Count)
        {
            throw new InvalidOperationException(
                $"Rule catalog mismatch. Rules without a page: [{string.Join(", ", withoutPage)}]; pages without a rule: [{string.Join(", ", withoutRule)}]; " +
                $"descriptor-only IDs that a rule owns: [{string.Join(", ", both)}]; duplicate rule IDs: {rules.Count - ruleIds.Count}.");
        }

        Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Descriptors = pages.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        DescriptorOnly = reportedByTheTool.Order(StringComparer.Ordinal).ToList();
    }

    public static RuleCatalog Default => BuiltIn.Value;

    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Every ID's descriptor: the rules' and the descriptor-only ones, by ID.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>The IDs that no analyzer owns: the engine or a front end reports them.</summary>
    public IReadOnlyList<string> DescriptorOnly { get; }

    public RuleDescriptor this[string id] => byId[id];

    /// <summary>The options the rule <paramref name="id"/> declares; none for a descriptor-only ID.</summary>
    public IReadOnlyList<RuleOption> OptionsOf(string id) => Rules.FirstOrDefault(r => r.Id == id)?.Options ?? [];

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
