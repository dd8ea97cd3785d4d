using ManifestLint.Cli;
using ManifestLint.Cli.Commands;
using ManifestLint.Engine.Diagnostics;
using Xunit;

namespace ManifestLint.Tests.Cli;

public class LintCommandTests
{
    private const string PodWithoutLimit = """
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
                  cpu: 100m
        """;

    private const string GuaranteedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: ok
        spec:
          containers:
            - name: app
              image: nginx:1.27
              resources:
                requests: {memory: 256Mi, cpu: 100m}
                limits: {memory: 256Mi, cpu: 100m}
        """;

    [Fact]
    public void Options_AreParsedIntoTheRecord()
    {
        var parse = CliApplication.CreateRootCommand(CliEnvironment.FromConsole())
            .Parse(["lint", "a.yaml", "dir", "-f", "sarif", "-o", "out.sarif", "--fail-level", "error", "-n", "prod"]);

        var options = LintCommand.ToOptions(parse);
        Assert.Empty(parse.Errors);
        Assert.Equal(["a.yaml", "dir"], options.Paths);
        Assert.Equal([new ReportTarget(OutputFormat.Sarif, "out.sarif")], options.Reports);
        Assert.Equal((Severity.Error, "prod"), (options.FailLevel, options.Namespace));
    }

    [Fact]
    public void Defaults_AreTextAndWarning()
    {
        var options = LintCommand.ToOptions(CliApplication.CreateRootCommand(CliEnvironment.FromConsole()).Parse(["lint", "x"]));

        Assert.Equal([new ReportTarget(OutputFormat.Text, null)], options.Reports);
        Assert.Equal(Severity.Warning, options.FailLevel);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "x", "--format", "xml")]
    [InlineData("lint", "x", "--fail-level", "fatal")]
    [InlineData("lint", "x", "--no-such-option")]
    [InlineData("frobnicate")]
    public void BadArguments_ExitTwo(params string[] args)
    {
        using var tree = new TempTree();

        var (code, _, error) = CliRunner.Run(tree.Root, args);

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("manifestlint:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPath_ExitsTwo()
    {
        using var tree = new TempTree();

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "nope.yaml");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("path not found: nope.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_AreCompilerStyleLinesWithRelativePaths_AndExitOne()
    {
        using var tree = new TempTree();
        tree.Write("k8s/web.yaml", PodWithoutLimit);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "k8s");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("k8s/web.yaml(10,7): warning ML1001: Pod shop/web, container \"web\" has no memory limit", output, StringComparison.Ordinal);
        Assert.EndsWith("1 warning in 1 file (1 object).\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warning", ExitCodes.Findings)]
    [InlineData("note", ExitCodes.Findings)]
    [InlineData("error", ExitCodes.Success)]
    [InlineData("none", ExitCodes.Success)]
    public void FailLevel_DecidesTheExitCode(string failLevel, int expected)
    {
        using var tree = new TempTree();
        tree.Write("web.yaml", PodWithoutLimit);

        Assert.Equal(expected, CliRunner.Run(tree.Root, "lint", "web.yaml", "--fail-level", failLevel).ExitCode);
    }

    [Fact]
    public void CleanInput_ExitsZeroWithASummary()
    {
        using var tree = new TempTree();
        tree.Write("ok.yaml", GuaranteedPod);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("No findings in 1 file (1 object).\n", output);
    }

    [Fact]
    public void BrokenYaml_IsAFindingNotAToolFailure_AndOtherFilesAreStillLinted()
    {
        using var tree = new TempTree();
        tree.Write("a-broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [oops\n");
        tree.Write("b-web.yaml", PodWithoutLimit);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("a-broken.yaml(3,", output, StringComparison.Ordinal);
        Assert.Contains("error ML0001: Invalid YAML", output, StringComparison.Ordinal);
        Assert.Contains("b-web.yaml(10,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInput_IsLintedWithDash()
    {
        using var tree = new TempTree();

        var (code, output, _) = CliRunner.RunWithInput(tree.Root, PodWithoutLimit, "lint", "-");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("<stdin>(10,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoryWalk_TakesOnlyYamlAndJson()
    {
        using var tree = new TempTree();
        tree.Write("a/web.yml", PodWithoutLimit);
        tree.Write("a/notes.txt", PodWithoutLimit);
        tree.Write("a/b/pod.json", """{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"}, "spec": {"containers": [{"name": "c"}]}}""");

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "a");

        Assert.Contains("a/web.yml(", output, StringComparison.Ordinal);
        Assert.Contains("a/b/pod.json(", output, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.txt", output, StringComparison.Ordinal);
        Assert.EndsWith("in 2 files (2 objects).\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NamespaceOption_NamesObjectsWithoutOne()
    {
        using var tree = new TempTree();
        tree.Write("web.yaml", PodWithoutLimit.Replace("  namespace: shop\n", string.Empty, StringComparison.Ordinal));

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "web.yaml", "-n", "payments");

        Assert.Contains("Pod payments/web", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputFile_IsWrittenAndTheSummaryGoesToStandardError()
    {
        using var tree = new TempTree();
        tree.Write("web.yaml", PodWithoutLimit);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "web.yaml", "-o", "report.txt");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("warning ML1001", File.ReadAllText(Path.Combine(tree.Root, "report.txt")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(tree.Root, "*.tmp"));
        Assert.Contains("1 warning", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputInAMissingDirectory_ExitsTwo()
    {
        using var tree = new TempTree();
        tree.Write("web.yaml", PodWithoutLimit);

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "web.yaml", "-o", "no/such/dir/report.sarif");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesCommand_ListsEveryRule()
    {
        var (code, output, _) = CliRunner.Run(Path.GetTempPath(), "rules");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("ML1001  warning  Containers should set a memory limit", output, StringComparison.Ordinal);
        Assert.Equal(ManifestLint.Engine.Catalog.RuleCatalog.Default.Descriptors.Count, output.Trim().Split('\n').Length);
    }

    [Fact]
    public void ExplainCommand_PrintsThePage_OrExitsTwoForAnUnknownRule()
    {
        var (code, output, _) = CliRunner.Run(Path.GetTempPath(), "explain", "ml1008");
        var (unknownCode, _, error) = CliRunner.Run(Path.GetTempPath(), "explain", "ML9999");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("# ML1008:", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ToolFailure, unknownCode);
        Assert.Contains("no rule 'ML9999'", error, StringComparison.Ordinal);
    }
}
