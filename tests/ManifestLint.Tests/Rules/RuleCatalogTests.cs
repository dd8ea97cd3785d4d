using System.Text.RegularExpressions;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Rules;

/// <summary>Catalog-wide checks, after Bicep's and Meziantou's: rule classes, pages and metadata stay in step.</summary>
public partial class RuleCatalogTests
{
    /// <summary>Category name and the ID prefix of its range (style guide 4.2; ML0xxx tool, ML1xxx resources).</summary>
    private static readonly Dictionary<string, string> CategoryRanges = new(StringComparer.Ordinal)
    {
        ["Tool"] = "ML0",
        ["Resources"] = "ML1",
        ["Jvm"] = "ML2",
        ["Go"] = "ML3",
        ["NodeJs"] = "ML4",
        ["Python"] = "ML5",
        ["Autoscaling"] = "ML6",
        ["NamespacePolicy"] = "ML7",
        ["Usage"] = "ML8",
    };

    private static readonly string[] RequiredHeadings = ["Why this matters", "Noncompliant example", "Compliant example", "How to fix", "How to suppress", "Source"];

    private static readonly string[] Precisions = ["exact", "high", "medium"];

    public static TheoryData<string> AllIds() => [.. RuleCatalog.Default.Descriptors.Select(d => d.Id)];

    public static TheoryData<string> AnalyzerIds() => [.. BuiltInRules.Create().Select(r => r.Id).Order(StringComparer.Ordinal)];

    [Fact]
    public void BuiltInRules_ListsEveryRuleClassOfTheEngine()
    {
        var scanned = typeof(Rule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(Rule)))
            .Select(t => t.FullName!)
            .ToHashSet(StringComparer.Ordinal);
        var listed = BuiltInRules.Create().Select(r => r.GetType().FullName!).ToList();

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(scanned.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultCatalog_HasAPagePerRule_AndEveryOtherPageIsDescriptorOnly()
    {
        var catalog = RuleCatalog.Default;

        Assert.Equal(catalog.Rules.Select(r => r.Id).Concat(catalog.DescriptorOnly).Order(StringComparer.Ordinal), catalog.Descriptors.Select(d => d.Id));
        Assert.Equal([RuleIds.ToolError, RuleIds.HelmRenderFailed, RuleIds.SuppressionWithoutReason, RuleIds.UnusedSuppression, RuleIds.DuplicateObject], catalog.DescriptorOnly);
    }

    [Fact]
    public void Catalog_RefusesAPageWithoutARule_UnlessItIsDescriptorOnly()
    {
        var pages = RuleCatalog.LoadEmbeddedPages();
        var rules = BuiltInRules.Create();

        var error = Assert.Throws<InvalidOperationException>(() => new RuleCatalog(rules, pages));
        Assert.Contains("pages without a rule: [ML0000, ML0002, ML0004, ML0005, ML0006]", error.Message, StringComparison.Ordinal);
        Assert.Equal(pages.Count, new RuleCatalog(rules, pages, BuiltInRules.DescriptorOnly).Descriptors.Count);
    }

    [Fact]
    public void Catalog_RefusesADescriptorOnlyIdThatARuleOwns()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new RuleCatalog(BuiltInRules.Create(), RuleCatalog.LoadEmbeddedPages(), [.. BuiltInRules.DescriptorOnly, RuleIds.MemoryLimitMissing]));

        Assert.Contains("descriptor-only IDs that a rule owns: [ML1001]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleIdsConstants_AreExactlyTheCatalog_NamedAfterTheRule()
    {
        var constants = typeof(RuleIds).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (Name: f.Name, Id: (string)f.GetRawConstantValue()!))
            .OrderBy(c => c.Id, StringComparer.Ordinal);

        Assert.Equal(RuleCatalog.Default.Descriptors.Select(d => (d.Name, d.Id)), constants);
    }

    [Fact]
    public void EmbeddedPages_AreTheRulePagesOnDisk()
    {
        var onDisk = Directory.GetFiles(RepositoryPaths.Rules, "ML*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        var embedded = RuleCatalog.LoadEmbeddedPages().Select(d => d.Id).Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, embedded);
    }

    [Fact]
    public void RuleIds_AreUnique()
    {
        var ids = BuiltInRules.Create().Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void RuleNames_AreUnique()
    {
        var duplicates = RuleCatalog.Default.Descriptors.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void RuleId_IsMlAndFourDigits(string id)
    {
        Assert.Matches(IdPattern(), id);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void RuleId_IsInItsCategoryRange(string id)
    {
        var descriptor = RuleCatalog.Default[id];

        Assert.True(CategoryRanges.TryGetValue(descriptor.Category, out var prefix), $"{id}: unknown category '{descriptor.Category}'; known: {string.Join(", ", CategoryRanges.Keys)}.");
        Assert.StartsWith(prefix, id, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void PageFileName_IsTheId(string id)
    {
        var page = RulePageFile.Load(id);

        Assert.Equal(id, RulePage.Parse(Path.GetFileName(page.Path), page.Text).Id);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Name_IsPascalCase(string id)
    {
        Assert.Matches(PascalCasePattern(), RuleCatalog.Default[id].Name);
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void Name_IsTheRuleClassNameWithoutRule(string id)
    {
        var rule = RuleCatalog.Default.Rules.Single(r => r.Id == id);

        Assert.Equal($"{RuleCatalog.Default[id].Name}Rule", rule.GetType().Name);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Title_IsSentenceCaseWithoutTrailingPeriod(string id)
    {
        var title = RuleCatalog.Default[id].Title;

        Assert.False(string.IsNullOrWhiteSpace(title), $"{id} has no title.");
        Assert.True(char.IsUpper(title[0]), $"{id}: the title starts with a capital letter: '{title}'.");
        Assert.False(title.EndsWith('.'), $"{id}: the title ends with a period: '{title}'.");
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Precision_IsKnownAndExactForErrors(string id)
    {
        var descriptor = RuleCatalog.Default[id];

        Assert.Contains(descriptor.Precision, Precisions);
        if (descriptor.DefaultSeverity == Severity.Error)
        {
            Assert.True(descriptor.Precision == "exact", $"{id} is an error by default, so its page must state precision: exact, not '{descriptor.Precision}'.");
        }
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Tags_AreNotEmpty(string id)
    {
        Assert.NotEmpty(RuleCatalog.Default[id].Tags);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Summary_IsAParagraphEndingWithAPeriod(string id)
    {
        var summary = RuleCatalog.Default[id].Summary;

        Assert.False(string.IsNullOrWhiteSpace(summary), $"{id}: the page has no summary paragraph after its H1.");
        Assert.EndsWith(".", summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Page_StartsWithIdAndTitleHeading(string id)
    {
        var descriptor = RuleCatalog.Default[id];
        var firstHeading = descriptor.Page.Split('\n').FirstOrDefault(l => l.StartsWith('#'));

        Assert.Equal($"# {id}: {descriptor.Title}", firstHeading);
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Page_HasTheRequiredHeadings(string id)
    {
        var headings = RulePageFile.Load(id).Headings;
        // ML0000 (internal error) and ML0002 (Helm render failure) are reported outside the rules, so no YAML example can show them.
        var required = id is RuleIds.ToolError or RuleIds.HelmRenderFailed ? RequiredHeadings.Where(h => !h.Contains("example", StringComparison.Ordinal)) : RequiredHeadings;
        var missing = required.Where(h => !headings.Contains(h, StringComparer.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"{id}: the page lacks the headings: {string.Join(", ", missing)}.");
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void HelpUri_PointsAtThePage(string id)
    {
        Assert.EndsWith($"rules/{id}.md", RuleCatalog.Default[id].HelpUri, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^ML\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?:[A-Z][a-z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PascalCasePattern();
}
