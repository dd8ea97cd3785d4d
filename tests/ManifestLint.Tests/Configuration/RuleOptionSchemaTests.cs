using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Tests.Rules;
using Xunit;

namespace ManifestLint.Tests.Configuration;

/// <summary>Rule options come from the "## Options" section of each page; the configuration is validated against them.</summary>
public class RuleOptionSchemaTests
{
    public static TheoryData<string> RuleIds() => [.. RuleCatalog.Default.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void OptionsSection_FollowsTheFormat_WithKnownTypesAndDefaults(string id)
    {
        var options = RuleOptionSchema.Parse(RuleCatalog.Default[id].Page, out var problems);

        Assert.True(problems.Count == 0, $"{id}: {string.Join("; ", problems)}");
        Assert.All(options, o => Assert.False(string.IsNullOrEmpty(o.DefaultText), $"{id}: option '{o.Name}' states no default (\"default `value`\")."));
    }

    [Fact]
    public void TheDocumentedOptions_AreTheOnesTheRulesRead()
    {
        Assert.Equal(["maxRatio"], RuleOptionSchema.Of(RuleCatalog.Default["ML1005"]).Select(o => o.Name));
        var critical = Assert.Single(RuleOptionSchema.Of(RuleCatalog.Default["ML1007"]));
        Assert.Equal((RuleOptionType.StringList, "[system-cluster-critical, system-node-critical]"), (critical.Type, critical.DefaultText));
        Assert.Empty(RuleOptionSchema.Of(RuleCatalog.Default["ML1001"]));
    }

    [Fact]
    public void EveryOption_CanBeSetToItsDefault()
    {
        var lines = RuleCatalog.Default.Descriptors
            .Where(d => RuleOptionSchema.Of(d).Count > 0)
            .Select(d => $"  {d.Id}: {{ {string.Join(", ", RuleOptionSchema.Of(d).Select(o => $"{o.Name}: {o.DefaultText}"))} }}");

        var config = ConfigurationParser.Parse("/r/.manifestlint.yaml", $"rules:\n{string.Join("\n", lines)}\n", RuleCatalog.Default);

        Assert.NotEmpty(config.Rules.Rules);
    }

    [Theory]
    [InlineData("- `maxRatio` (decimal, default `2`): the largest ratio.", "maxRatio", RuleOptionType.Number, "2")]
    [InlineData("- `threads` (integer, default `200`): threads.", "threads", RuleOptionType.WholeNumber, "200")]
    [InlineData("- `names` (list of strings, default `[a, b]`): names.", "names", RuleOptionType.StringList, "[a, b]")]
    [InlineData("- `perWorker` (quantity, default `256Mi`): per worker.", "perWorker", RuleOptionType.Quantity, "256Mi")]
    [InlineData("- `band` (percentage, default `90`)", "band", RuleOptionType.Number, "90")]
    public void Bullet_IsParsed(string bullet, string name, RuleOptionType type, string defaultText)
    {
        var option = Assert.Single(RuleOptionSchema.Parse($"# X\n\n## Options\n\n{bullet}\n\n## How to fix\n\n- `notAnOption` (decimal): elsewhere\n", out var problems));

        Assert.Empty(problems);
        Assert.Equal((name, type, defaultText), (option.Name, option.Type, option.DefaultText));
    }

    [Fact]
    public void UnknownType_IsAProblem()
    {
        RuleOptionSchema.Parse("## Options\n\n- `x` (colour, default `red`): a colour.\n", out var problems);

        Assert.Contains("unknown type 'colour'", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPageWithOptions_MentionsItsOptionsOnDisk()
    {
        foreach (var page in RulePageFile.LoadAll())
        {
            foreach (var option in RuleOptionSchema.Parse(page.Text, out _))
            {
                Assert.Contains($"`{option.Name}`", page.Text, StringComparison.Ordinal);
            }
        }
    }
}
