using System.Text.RegularExpressions;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Rules.Resources;
using ManifestLint.Tests.Rules;
using Xunit;

namespace ManifestLint.Tests.Configuration;

/// <summary>
/// Each rule declares its options in code (<see cref="RuleOption{T}"/>); its page lists them under "## Options" as
/// <c>- `name` (type, default `value`): description</c>. The two must agree both ways, on the name, the type and the default.
/// </summary>
public partial class RuleOptionTests
{
    /// <summary>The type names pages may use, and the declared type each stands for.</summary>
    private static readonly Dictionary<string, RuleOptionType> PageTypeNames = new(StringComparer.Ordinal)
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

    public static TheoryData<string> Ids() => [.. RuleCatalog.Default.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void DeclaredOptions_AreThePageOptions_BothWays(string id)
    {
        var documented = PageOptions(RulePageFile.Load(id).Text, out var problems);
        var declared = RuleCatalog.Default.OptionsOf(id).Select(o => (o.Name, o.Type, o.DefaultText));

        Assert.True(problems.Count == 0, $"{id}: {string.Join("; ", problems)}");
        Assert.Equal(declared.OrderBy(o => o.Name, StringComparer.Ordinal), documented.OrderBy(o => o.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void SomeRulesDeclareOptions_AndTheirPagesListThem()
    {
        var withOptions = RuleCatalog.Default.Descriptors.Where(d => RuleCatalog.Default.OptionsOf(d.Id).Count > 0).Select(d => d.Id);

        Assert.Equal(["ML1005", "ML1007", "ML2002", "ML2003", "ML3001", "ML4001", "ML4002", "ML5002", "ML6002", "ML8001", "ML8003", "ML8004"], withOptions);
        Assert.Equal([("criticalPriorityClasses", RuleOptionType.StringList, "[system-cluster-critical, system-node-critical]")],
            PageOptions(RulePageFile.Load(RuleIds.CriticalPodNotGuaranteed).Text, out _));
    }

    [Fact]
    public void PageParser_ReadsOnlyTheOptionsSection_AndReportsMalformedBullets()
    {
        var options = PageOptions(
            "# X\n\n## Options\n\n- `maxRatio` (decimal, default `2`): the largest ratio.\n- `names` (list of strings, default `[a, b]`): names.\n- `bad` without a type\n- `x` (colour, default `red`): a colour.\n\n## How to fix\n\n- `notAnOption` (decimal, default `1`): elsewhere\n",
            out var problems);

        Assert.Equal([("maxRatio", RuleOptionType.Number, "2"), ("names", RuleOptionType.StringList, "[a, b]")], options);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("unknown type 'colour'", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDeclaredDefault_IsAcceptedByTheConfigurationParser()
    {
        var lines = RuleCatalog.Default.Descriptors
            .Where(d => RuleCatalog.Default.OptionsOf(d.Id).Count > 0)
            .Select(d => $"  {d.Id}: {{ {string.Join(", ", RuleCatalog.Default.OptionsOf(d.Id).Select(o => $"{o.Name}: {o.DefaultText}"))} }}");

        var config = ConfigurationParser.Parse("/r/.manifestlint.yaml", $"rules:\n{string.Join("\n", lines)}\n", RuleCatalog.Default);

        Assert.Equal(12, config.Rules.Rules.Count);
        Assert.All(config.Rules.Rules, r => Assert.Equal(RuleCatalog.Default.OptionsOf(r.Key).Select(o => o.Name).Order(StringComparer.Ordinal), r.Value.Options.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void ConfiguredValue_IsParsedToTheOptionsType_AndAnAbsentOneIsTheDefault()
    {
        var settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [RuleIds.MemoryLimitRequestRatio] = new Dictionary<string, string> { ["maxRatio"] = "3.5" },
            [RuleIds.CriticalPodNotGuaranteed] = new Dictionary<string, string> { ["criticalPriorityClasses"] = "a, b" },
        });

        Assert.Equal(3.5m, settings.Get(RuleIds.MemoryLimitRequestRatio, MemoryLimitRequestRatioRule.MaxRatio));
        Assert.Equal(["a", "b"], settings.Get(RuleIds.CriticalPodNotGuaranteed, CriticalPodNotGuaranteedRule.CriticalPriorityClasses));
        Assert.Equal(2m, RuleSettings.Empty.Get(RuleIds.MemoryLimitRequestRatio, MemoryLimitRequestRatioRule.MaxRatio));
    }

    [Theory]
    [InlineData("not a number")]
    [InlineData("")]
    public void UnparsableText_FallsBackToTheDefault(string text)
    {
        Assert.Equal(7, RuleOption.WholeNumber("n", 7).Parse(text));
        Assert.Equal(1.5m, RuleOption.Number("d", 1.5m).Parse(text));
    }

    [Fact]
    public void DefaultText_IsWhatThePageWrites()
    {
        Assert.Equal(("2", "1024", "[a, b]"), (RuleOption.Number("d", 2m).DefaultText, RuleOption.WholeNumber("i", 1024).DefaultText, RuleOption.List("l", "a", "b").DefaultText));
    }

    [Fact]
    public void ConfiguredOption_ChangesWhatTheRuleReports()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: { memory: 1Gi }
                    limits: { memory: 3Gi }
            """;
        var relaxed = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [RuleIds.MemoryLimitRequestRatio] = new Dictionary<string, string> { ["maxRatio"] = "3" },
            }),
        };

        Assert.Contains(ExpectedFindings.Analyze(Yaml), d => d.RuleId == RuleIds.MemoryLimitRequestRatio);
        Assert.DoesNotContain(ExpectedFindings.Analyze(Yaml, relaxed), d => d.RuleId == RuleIds.MemoryLimitRequestRatio);
    }

    /// <summary>The "## Options" bullets of a page: name, the declared type its type name stands for, and the default text.</summary>
    private static List<(string Name, RuleOptionType Type, string DefaultText)> PageOptions(string page, out List<string> problems)
    {
        var options = new List<(string, RuleOptionType, string)>();
        problems = [];
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
                problems.Add($"option bullet not in the form \"- `name` (type, default `value`): description\": {line}");
            }
            else if (!PageTypeNames.TryGetValue(match.Groups["type"].Value.Trim(), out var type))
            {
                problems.Add($"option '{match.Groups["name"].Value}' has the unknown type '{match.Groups["type"].Value.Trim()}' (known: {string.Join(", ", PageTypeNames.Keys)})");
            }
            else
            {
                options.Add((match.Groups["name"].Value, type, match.Groups["default"].Value));
            }
        }

        return options;
    }

    [GeneratedRegex(@"^- `(?<name>[A-Za-z][A-Za-z0-9]*)` \((?<type>[^,)]+), default `(?<default>[^`]*)`[^)]*\):?.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();
}
