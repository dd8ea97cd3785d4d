using ManifestLint.Cli;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Configuration;

public class ConfigurationCliTests
{
    internal const string RatioOfFour = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests:
                  memory: 256Mi
                limits:
                  memory: 1Gi
        """;

    [Fact]
    public void NearestConfiguration_IsFoundAboveEachLintedFile()
    {
        using var tree = Repository();
        tree.Write(".manifestlint.yaml", "rules: { ML1005: error }");
        tree.Write("legacy/.manifestlint.yaml", "rules: { ML1005: none }");
        tree.Write("apps/web.yaml", RatioOfFour);
        tree.Write("legacy/web.yaml", RatioOfFour);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains($"{Path.Combine("apps", "web.yaml")}(14,19): error ML1005:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("legacy", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigOption_UsesThatFileForEverything()
    {
        using var tree = Repository();
        tree.Write(".manifestlint.yaml", "rules: { ML1005: error }");
        tree.Write("ci/relaxed.yaml", "rules: { ML1005: { maxRatio: 4 } }");
        tree.Write("web.yaml", RatioOfFour);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "web.yaml", "--config", "ci/relaxed.yaml");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("No findings", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExcludedFiles_AreNotLinted()
    {
        using var tree = Repository();
        tree.Write(".manifestlint.yaml", "exclude: [\"**/testdata/**\"]");
        tree.Write("apps/web.yaml", RatioOfFour);
        tree.Write("apps/testdata/broken.yaml", "kind: [");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "apps");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.DoesNotContain("testdata", output, StringComparison.Ordinal);
        Assert.EndsWith("1 warning in 1 file (1 object).\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BadConfiguration_ExitsTwo_WithFileLineAndColumn()
    {
        using var tree = Repository();
        tree.Write(".manifestlint.yaml", "rules:\n  ML1005: { severity: note, maxRatoi: 3 }\n  ML1001: loud\n");
        tree.Write("web.yaml", RatioOfFour);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "web.yaml");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Empty(output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                ".manifestlint.yaml(2,29): ML1005 has no option 'maxRatoi'; expected 'severity' or one of its options: 'maxRatio'. Did you mean 'maxRatio'?",
                ".manifestlint.yaml(3,11): the severity of ML1001 expects error, warning, note or none, not 'loud'.",
                "manifestlint: the configuration has 2 errors; nothing was linted.",
            ],
            lines);
    }

    [Fact]
    public void MissingConfigFile_ExitsTwo()
    {
        using var tree = Repository();
        tree.Write("web.yaml", RatioOfFour);

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "web.yaml", "--config", "nope.yaml");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("configuration file not found: nope.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigPrint_ShowsTheEffectiveConfigurationOfAPath()
    {
        using var tree = Repository();
        tree.Write(".manifestlint.yaml", "rules: { ML1005: { maxRatio: 3 } }\noverrides:\n  - files: [\"legacy/**\"]\n    rules: { ML1006: none }\n");
        tree.Write("legacy/web.yaml", RatioOfFour);

        var (code, output, _) = CliRunner.Run(tree.Root, "config", "--print", "legacy/web.yaml");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"# Effective configuration for {Path.Combine("legacy", "web.yaml")}\n# Configuration file: .manifestlint.yaml\n# Overrides applied: line 3 (legacy/**)\n# Excluded: no\n", output, StringComparison.Ordinal);
        Assert.Contains("  ML1005: { severity: warning, maxRatio: 3 }    # configured\n", output, StringComparison.Ordinal);
        Assert.Contains("  ML1006: none    # configured\n", output, StringComparison.Ordinal);
        Assert.Contains("  ML1001: warning\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigPrint_WithoutAFile_ShowsTheDefaults()
    {
        using var tree = Repository();

        var (code, output, _) = CliRunner.Run(tree.Root, "config", "--print");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("# Configuration file: none (built-in defaults)", output, StringComparison.Ordinal);
        Assert.All(RuleCatalog.Default.Descriptors, d => Assert.Contains($"  {d.Id}: ", output, StringComparison.Ordinal));
    }

    [Fact]
    public void ConfigAlone_PrintsWhatConfigPrintPrints()
    {
        using var tree = Repository();

        var alone = CliRunner.Run(tree.Root, "config");

        Assert.Equal((ExitCodes.Success, string.Empty), (alone.ExitCode, alone.Error));
        Assert.Contains("# Configuration file: none (built-in defaults)", alone.Out, StringComparison.Ordinal);
        Assert.Equal(CliRunner.Run(tree.Root, "config", "--print").Out, alone.Out);
    }

    [Fact]
    public void Init_WritesAValidCommentedStarter_AndDoesNotOverwrite()
    {
        using var tree = Repository();

        var (code, output, _) = CliRunner.Run(tree.Root, "init");
        var path = Path.Combine(tree.Root, ManifestLintConfig.FileName);
        var text = File.ReadAllText(path);
        var again = CliRunner.Run(tree.Root, "init");
        var forced = CliRunner.Run(tree.Root, "init", "--force");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Wrote .manifestlint.yaml", output, StringComparison.Ordinal);
        Assert.StartsWith("# ManifestLint configuration", text, StringComparison.Ordinal);
        Assert.NotNull(ConfigurationParser.Parse(path, text, RuleCatalog.Default));
        Assert.Equal(ExitCodes.ToolFailure, again.ExitCode);
        Assert.Contains("already exists; use --force", again.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
    }

    internal static TempTree Repository()
    {
        var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, ".git"));
        return tree;
    }
}
