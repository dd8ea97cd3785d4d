using System.CommandLine;
using System.Text.RegularExpressions;
using ManifestLint.Cli;
using ManifestLint.Cli.Output;
using ManifestLint.Engine.Catalog;
using ManifestLint.Tests.Helm;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Cli;

/// <summary>What a new user meets on a first run (issue 15's list): each friction point, fixed and held in place.</summary>
public class FirstRunTests
{
    private const string FixableAndNot = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests: {memory: 256Mi, cpu: 100m}
                limits: {memory: 512m}
            - name: sidecar
              image: busybox:1.36
        """;

    [Fact]
    public void AMisspelledOption_IsUnrecognizedWithTheClosestName_NotAPathNotFound()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", "samples/", "--fail-levl", "error");

        Assert.Equal((ExitCodes.ToolFailure, string.Empty), (code, output));
        Assert.Equal("manifestlint: unrecognized option '--fail-levl'; did you mean '--fail-level'?\nRun 'manifestlint lint --help' for usage.\n", error);
    }

    [Theory]
    [InlineData("--sumary", "--summary")]
    [InlineData("--qiuet", "--quiet")]
    [InlineData("--baselien", "--baseline")]
    [InlineData("--halp", "--help")]
    public void OtherTypos_SuggestTheirOption(string typo, string meant)
    {
        var (code, _, error) = CliRunner.Run(RepositoryPaths.Root, "lint", "samples/manifests", typo);

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.StartsWith($"manifestlint: unrecognized option '{typo}'; did you mean '{meant}'?\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOptionLikeNothingKnown_IsUnrecognizedWithoutAGuess_AndDoubleDashLintsAFileNamedLikeAnOption()
    {
        using var tree = new TempTree();
        tree.Write("-weird.yaml", FixableAndNot);

        var unknown = CliRunner.Run(tree.Root, "lint", "-weird.yaml");
        var literal = CliRunner.Run(tree.Root, "lint", "--quiet", "--", "-weird.yaml");

        Assert.Equal((ExitCodes.ToolFailure, "manifestlint: unrecognized option '-weird.yaml'.\nRun 'manifestlint lint --help' for usage.\n"), (unknown.ExitCode, unknown.Error));
        Assert.Equal(ExitCodes.Findings, literal.ExitCode);
        Assert.Matches(@"(?m)^-weird\.yaml\(10,\d+\): error ML1004:", literal.Out);
    }

    [Fact]
    public void NoArguments_PrintsTheHelp()
    {
        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root);

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("lint <paths>", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FixOnStandardInput_SaysFixesNeedFiles()
    {
        var (code, output, error) = CliRunner.RunWithInput(RepositoryPaths.Root, FixableAndNot, "lint", "-", "--fix");

        Assert.Equal((ExitCodes.ToolFailure, string.Empty), (code, output));
        Assert.StartsWith("manifestlint: --fix edits files in place, and standard input (-) is not a file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FixDryRun_PrintsTheDiff_AndListsTheFindingsThatWouldRemain()
    {
        using var tree = new TempTree();
        tree.Write("pod.yaml", FixableAndNot);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "pod.yaml", "--fix", "--dry-run");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("+        limits: {memory: 512Mi}", output, StringComparison.Ordinal);
        Assert.Contains("would remain after the fixes:\n", error, StringComparison.Ordinal);
        Assert.Matches(@"pod\.yaml\(11,\d+\): warning ML1002: .*sidecar", error);
        Assert.DoesNotContain("ML1004", error, StringComparison.Ordinal);
        Assert.Equal(FixableAndNot, File.ReadAllText(Path.Combine(tree.Root, "pod.yaml")));
    }

    [Fact]
    public void FailOnNew_WithoutABaseline_IsAnError()
    {
        var (code, _, error) = CliRunner.Run(RepositoryPaths.Root, "lint", "samples/manifests", "--fail-on", "new");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.StartsWith("manifestlint: --fail-on new needs --baseline FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithABaseline_TheTextReportMarksNewFindings()
    {
        using var tree = new TempTree();
        tree.Write("old.yaml", FixableAndNot);
        Assert.Equal(ExitCodes.Success, CliRunner.Run(tree.Root, "baseline", "write", "base.sarif", "old.yaml").ExitCode);
        tree.Write("new.yaml", FixableAndNot.Replace("name: web,", "name: api,", StringComparison.Ordinal));

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "old.yaml", "new.yaml", "--baseline", "base.sarif", "--quiet");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(l.StartsWith("new.yaml", StringComparison.Ordinal), l.EndsWith(" [new]", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("old.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_FitsAHundredColumns_OnTheSamples()
    {
        var (_, output, _) = CliRunner.Run(RepositoryPaths.Root, "lint", "samples", "--summary", "--quiet", "--helm", HelmTool.Executable);

        var table = output[output.IndexOf("  CONTAINER", StringComparison.Ordinal)..].TrimEnd('\n').Split('\n');
        Assert.True(table.Length > 10, output);
        Assert.All(table, line => Assert.True(line.Length <= MemorySummaryTable.MaxWidth, $"{line.Length} columns: {line}"));
        Assert.Contains(table, l => l.StartsWith("Deployment shop/storefront", StringComparison.Ordinal));
        Assert.Contains(table, l => l.Contains("[chart web, values", StringComparison.Ordinal));
    }

    [Fact]
    public void AChartWithThreeVariants_CountsItsTemplateFilesOnce()
    {
        // samples/charts/web renders with its defaults and two ci/ variants; it has two template files.
        var (_, output, _) = CliRunner.Run(RepositoryPaths.Root, "lint", "samples/charts/web", "--helm", HelmTool.Executable);

        Assert.Matches(@"in 2 files \(\d+ objects\)\.\n$", output);
    }

    [Fact]
    public void Explain_HidesTheTestAnnotationsOfTheExamples()
    {
        var (code, output, _) = CliRunner.Run(RepositoryPaths.Root, "explain", "ML1001");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("## Noncompliant example", output, StringComparison.Ordinal);
        Assert.Contains("        - name: migrate\n", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"#\s*Noncompliant(?! example)", output);
    }

    [Fact]
    public void RulePages_CiteSourcesAReaderCanOpen()
    {
        foreach (var page in Directory.GetFiles(RepositoryPaths.Rules, "ML*.md"))
        {
            var text = File.ReadAllText(page);
            Assert.DoesNotMatch(@"(?i)memory[ -]facts|/work/|shared/docs", text);
            foreach (Match path in Regex.Matches(text, @"`(src/ManifestLint\.[^`]+\.cs)`", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, path.Groups[1].Value)), $"{Path.GetFileName(page)} cites {path.Groups[1].Value}, which does not exist");
            }
        }
    }

    [Fact]
    public void Init_AlignsTheTitleComments()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, ".git"));

        Assert.Equal(ExitCodes.Success, CliRunner.Run(tree.Root, "init").ExitCode);

        var rules = File.ReadAllLines(Path.Combine(tree.Root, ".manifestlint.yaml")).Where(l => Regex.IsMatch(l, @"^  # ML\d{4}: ", RegexOptions.None, TimeSpan.FromSeconds(1))).ToList();
        Assert.Equal(RuleCatalog.Default.Descriptors.Count, rules.Count);
        var titled = rules.Where(l => l.IndexOf("  # ", 4, StringComparison.Ordinal) > 0).ToList();
        Assert.Single(titled.Select(l => l.IndexOf("  # ", 4, StringComparison.Ordinal)).Distinct());
        Assert.True(titled.Count >= rules.Count * 9 / 10, "most rules keep their title on their line (rules with several options may not)");
    }

    [Fact]
    public void EachCommandTree_HasItsOwnOptionObjects()
    {
        var first = CliApplication.CreateRootCommand(CliEnvironment.FromConsole());
        var second = CliApplication.CreateRootCommand(CliEnvironment.FromConsole());

        var symbols = Symbols(first).ToList();
        Assert.True(symbols.Count > 30);
        Assert.Empty(symbols.Intersect(Symbols(second), ReferenceEqualityComparer.Instance));
        Assert.All(symbols.OfType<Option>().Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption), o => Assert.Single(o.Parents));
        var statics = typeof(CliApplication).Assembly.GetTypes()
            .Where(t => !t.Name.Contains('<', StringComparison.Ordinal)) // the compiler's cached lambdas
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            .Where(f => typeof(Symbol).IsAssignableFrom(f.FieldType) || (f.FieldType.IsGenericType && f.FieldType.GetGenericArguments().Any(a => typeof(Symbol).IsAssignableFrom(a))))
            .Select(f => $"{f.DeclaringType}.{f.Name}");
        Assert.Empty(statics);
    }

    private static IEnumerable<Symbol> Symbols(Command command) =>
        new Symbol[] { command }.Concat(command.Options).Concat(command.Arguments).Concat(command.Subcommands.SelectMany(Symbols));
}
