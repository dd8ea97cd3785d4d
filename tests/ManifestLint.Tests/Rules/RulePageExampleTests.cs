using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Usage;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Rules;

/// <summary>
/// The examples on every rule page are tests: each ```yaml block under "## Noncompliant example" must yield
/// exactly its annotated findings of the page's rule (at least one), and each block under
/// "## Compliant example" none. ML0000 (internal error) and ML0002 (Helm render failure) have none: they are not reported on YAML.
/// </summary>
public class RulePageExampleTests
{
    public static TheoryData<string, string, int> Examples()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var page in RulePageFile.LoadAll())
        {
            foreach (var example in page.Examples)
            {
                data.Add(page.Id, example.Heading, example.Index);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_YieldsExactlyTheAnnotatedFindings(string ruleId, string heading, int index)
    {
        var example = RulePageFile.Load(ruleId).Examples.Single(e => e.Heading == heading && e.Index == index);
        var expected = ExpectedFindings.Parse(example.Yaml);
        if (heading == RulePageFile.NoncompliantHeading)
        {
            Assert.True(expected.Count > 0, $"{ruleId}: noncompliant example {index} (page line {example.PageLine}) has no '# Noncompliant' annotation.");
        }
        else
        {
            Assert.True(expected.Count == 0, $"{ruleId}: compliant example {index} (page line {example.PageLine}) carries a '# Noncompliant' annotation.");
        }

        ExpectedFindings.Verify(ruleId, example.Yaml, example.Usage is { } usage ? new AnalysisOptions { Usage = UsageSet.FromText($"usage.{usage.Info}", usage.Text) } : null);
    }

    [Fact]
    public void EveryPageButToolError_HasNoncompliantAndCompliantExamples()
    {
        var incomplete = RulePageFile.LoadAll()
            .Where(p => p.Id is not (RuleIds.ToolError or RuleIds.HelmRenderFailed))
            .Where(p => !p.Examples.Any(e => e.Heading == RulePageFile.NoncompliantHeading) || !p.Examples.Any(e => e.Heading == RulePageFile.CompliantHeading))
            .Select(p => p.Id)
            .ToList();

        Assert.True(incomplete.Count == 0, $"Pages without a yaml block under both example headings: {string.Join(", ", incomplete)}");
    }

    [Fact]
    public void ToolErrorPage_HasNoExamples()
    {
        Assert.Empty(RulePageFile.Load(RuleIds.ToolError).Examples);
    }

    [Fact]
    public void ExampleBlocks_AreOnlyYaml_OrUsageDataOnUsagePages()
    {
        var other = RulePageFile.LoadAll()
            .SelectMany(p => p.FencesUnderExampleHeadings
                .Where(f => f.Info != "yaml" && !(RulePageFile.UsageFences.Contains(f.Info) && RuleCatalog.Default[p.Id].Category == "Usage"))
                .Select(f => $"{p.Id} line {f.Line}: ```{f.Info}"))
            .ToList();

        Assert.True(other.Count == 0, $"Example blocks must be ```yaml so they are tested (Usage pages may give their usage data as ```csv or ```json): {string.Join("; ", other)}");
    }

    [Fact]
    public void UsagePages_GiveUsageDataToEveryExample()
    {
        var without = RulePageFile.LoadAll()
            .Where(p => RuleCatalog.Default[p.Id].Category == "Usage")
            .SelectMany(p => p.Examples.Where(e => e.Usage is null).Select(e => $"{p.Id} line {e.PageLine}"))
            .ToList();

        Assert.True(without.Count == 0, $"Usage examples without a ```csv or ```json block of usage data before them: {string.Join("; ", without)}");
    }
}

/// <summary>A rule page read from <c>rules/ID.md</c> on disk: its headings and the yaml blocks under its example headings.</summary>
internal sealed record RulePageFile(string Id, string Path, string Text, IReadOnlyList<string> Headings, IReadOnlyList<RulePageExample> Examples, IReadOnlyList<RulePageFence> FencesUnderExampleHeadings)
{
    public const string NoncompliantHeading = "Noncompliant example";
    public const string CompliantHeading = "Compliant example";

    /// <summary>Fence languages of usage data (Usage pages): the block applies to the yaml examples after it in its section.</summary>
    public static readonly IReadOnlyList<string> UsageFences = ["csv", "json"];

    public static IReadOnlyList<RulePageFile> LoadAll() =>
        Directory.GetFiles(RepositoryPaths.Rules, "ML*.md")
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToList();

    public static RulePageFile Load(string id) => LoadFile(System.IO.Path.Combine(RepositoryPaths.Rules, $"{id}.md"));

    private static RulePageFile LoadFile(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var headings = new List<string>();
        var examples = new List<RulePageExample>();
        var fences = new List<RulePageFence>();
        string? section = null;
        List<string>? block = null;
        List<string>? usageBlock = null;
        string? usageInfo = null;
        RulePageUsage? usage = null;
        var blockStart = 0;
        var inOtherFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var isExampleSection = section is NoncompliantHeading or CompliantHeading;
            if (block is not null)
            {
                if (line.Trim() == "```")
                {
                    examples.Add(new RulePageExample(section!, examples.Count, string.Join('\n', block) + "\n", blockStart + 1) { Usage = usage });
                    block = null;
                }
                else
                {
                    block.Add(line);
                }
            }
            else if (usageBlock is not null)
            {
                if (line.Trim() == "```")
                {
                    usage = new RulePageUsage(usageInfo!, string.Join('\n', usageBlock) + "\n");
                    usageBlock = null;
                }
                else
                {
                    usageBlock.Add(line);
                }
            }
            else if (inOtherFence)
            {
                inOtherFence = line.Trim() != "```";
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var info = line[3..].Trim();
                if (isExampleSection)
                {
                    fences.Add(new RulePageFence(info, i + 1));
                }

                if (isExampleSection && info == "yaml")
                {
                    block = [];
                    blockStart = i + 1;
                }
                else if (isExampleSection && UsageFences.Contains(info))
                {
                    usageBlock = [];
                    usageInfo = info;
                }
                else
                {
                    inOtherFence = true;
                }
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                headings.Add(section);
                usage = null;
            }
        }

        return new RulePageFile(System.IO.Path.GetFileNameWithoutExtension(path), path, text, headings, examples, fences);
    }
}

/// <param name="Heading">The example heading the block sits under.</param>
/// <param name="Index">The block's position among all example blocks of the page, from 0.</param>
/// <param name="Yaml">The block's text; its first line is line 1 for the annotations.</param>
/// <param name="PageLine">The page line of the block's first YAML line.</param>
internal sealed record RulePageExample(string Heading, int Index, string Yaml, int PageLine)
{
    /// <summary>The usage data block before it in its section (Usage pages), or null.</summary>
    public RulePageUsage? Usage { get; init; }
}

/// <summary>A block of usage data on a Usage rule page: its language (csv, json) and its text.</summary>
internal sealed record RulePageUsage(string Info, string Text);

/// <summary>A code fence under an example heading, with its info string (the language).</summary>
internal sealed record RulePageFence(string Info, int Line);
