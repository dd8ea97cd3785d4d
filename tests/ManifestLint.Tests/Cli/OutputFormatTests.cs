using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Cli.Output;
using ManifestLint.Tests.Sarif;
using Xunit;

namespace ManifestLint.Tests.Cli;

/// <summary>The report formats of <c>lint</c> (text, json, github, markdown) and several reports from one run.</summary>
public class OutputFormatTests
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
        """;

    private const string TypoPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: typo, namespace: shop}
        spec:
          containers:
            - name: app
              resources:
                limits: {memory: 512m}
        """;

    [Fact]
    public void Text_IsGroupedByFile_WithTheSourceLineAndCaretsUnderTheSpan()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);
        tree.Write("b.yaml", TypoPod);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "a.yaml", "b.yaml");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n');
        Assert.Equal("==> a.yaml <==", lines[0]);
        Assert.StartsWith("a.yaml(10,7): warning ML1001: Pod shop/web, container \"web\" has no memory limit", lines[1], StringComparison.Ordinal);
        Assert.Equal("  10 |       resources:", lines[2]);
        Assert.Equal("     |       ^^^^^^^^^", lines[3]);
        Assert.Equal(["", "==> b.yaml <=="], lines[4..6]);
        Assert.Contains("  8 |         limits: {memory: 512m}\n    |                          ^^^^\n", output, StringComparison.Ordinal);
        Assert.EndsWith("\n\n1 error, 1 warning in 2 files (2 objects).\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ExcerptsStandardInputToo()
    {
        using var tree = new TempTree();

        var (_, output, _) = CliRunner.RunWithInput(tree.Root, PodWithoutLimit, "lint", "-");

        Assert.Contains("<stdin>(10,7): warning ML1001", output, StringComparison.Ordinal);
        Assert.Contains("  10 |       resources:\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ShowsAWindowOfALongLine()
    {
        using var tree = new TempTree();
        var padding = new string(' ', 200);
        tree.Write("pod.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}," + padding
            + "\"spec\": {\"containers\": [{\"name\": \"c\", \"resources\": {\"limits\": {\"memory\": \"1Gi\"}, \"requests\": {\"memory\": \"2Gi\"}}}]}, \"status\": {\"message\": \"" + padding + "x\"}}");

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "pod.json");

        var source = output.Split('\n').First(l => l.StartsWith("  1 | ", StringComparison.Ordinal));
        var carets = output.Split('\n').First(l => l.StartsWith("    | ", StringComparison.Ordinal));
        Assert.StartsWith("  1 | …", source, StringComparison.Ordinal);
        Assert.EndsWith("…", source, StringComparison.Ordinal);
        Assert.True(source.Length <= TextReporter.MaxExcerptWidth + 10, source);
        Assert.Equal("\"2Gi\"", source.Substring(carets.IndexOf('^', StringComparison.Ordinal), carets.Count(c => c == '^')));
    }

    [Fact]
    public void Quiet_PrintsOnlyTheFindingLines_AndNoSummaryOnStandardError()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "a.yaml", "--quiet");
        var (_, toFile, error) = CliRunner.Run(tree.Root, "lint", "a.yaml", "-q", "-o", "report.txt");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("a.yaml(10,7): warning ML1001:", output, StringComparison.Ordinal);
        Assert.Equal((string.Empty, string.Empty), (toFile, error));
    }

    [Fact]
    public void Quiet_PrintsNothingWhenClean()
    {
        using var tree = new TempTree();
        tree.Write("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");

        Assert.Equal((ExitCodes.Success, string.Empty, string.Empty), CliRunner.Run(tree.Root, "lint", ".", "-q"));
        var (code, json, _) = CliRunner.Run(tree.Root, "lint", ".", "-f", "json");
        var summary = JsonNode.Parse(json)!["summary"]!;
        Assert.Equal((ExitCodes.Success, 1, 1), (code, (int)summary["files"]!, (int)summary["objects"]!));
    }

    [Theory]
    [InlineData(true, null, false, true)]
    [InlineData(false, null, false, false)]
    [InlineData(true, "1", false, false)]
    [InlineData(true, "", false, true)]
    [InlineData(true, null, true, false)]
    public void Text_IsColouredOnlyOnATerminal_WithoutNoColorOrNoColorOption(bool terminal, string? noColor, bool option, bool coloured)
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);
        string[] args = option ? ["lint", "a.yaml", "--no-color"] : ["lint", "a.yaml"];

        var (_, output, _) = CliRunner.RunWith(tree.Root, string.Empty, e => e with { OutIsTerminal = terminal, GetEnvironmentVariable = v => v == "NO_COLOR" ? noColor : null }, args);

        Assert.Equal(coloured, output.Contains("\u001b[1;33mwarning\u001b[0m", StringComparison.Ordinal));
        Assert.Equal(coloured, output.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public void Text_ToAFile_IsNeverColoured()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);

        CliRunner.RunWith(tree.Root, string.Empty, e => e with { OutIsTerminal = true }, "lint", "a.yaml", "-o", "report.txt");

        Assert.DoesNotContain('\u001b', File.ReadAllText(Path.Combine(tree.Root, "report.txt")));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\nb\rc", "a\\nb\\rc")]
    [InlineData("esc\u001b[31mred", "esc\\u001B[31mred")]
    [InlineData("bidi\u202Eevil", "bidi\\u202Eevil")]
    [InlineData("tab\tkept", "tab\tkept")]
    public void Printable_EscapesControlCharactersAndBidiOverrides(string text, string expected) =>
        Assert.Equal(expected, TextReporter.Printable(text));

    [Fact]
    public void Text_EscapesTerminalControlsFromTheManifest()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit.Replace("- name: web", "- name: \"web\\e[2J\"", StringComparison.Ordinal));

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "a.yaml");

        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("container \"web\\u001B[2J\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsAStableList_WithTheSarifFingerprints()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);
        tree.Write("b.yaml", TypoPod);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".", "--format", "json");
        var (_, sarif, _) = CliRunner.Run(tree.Root, "lint", ".", "--format", "sarif");

        Assert.Equal(ExitCodes.Findings, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(["version", "tool", "findings", "summary"], json.AsObject().Select(p => p.Key));
        Assert.Equal(1, (int)json["version"]!);
        Assert.Equal("manifestlint", (string?)json["tool"]!["name"]);
        Assert.Equal("""{"files":2,"objects":2,"errors":1,"warnings":1,"notes":0,"suppressed":0}""", json["summary"]!.ToJsonString());
        var findings = json["findings"]!.AsArray();
        Assert.Equal(2, findings.Count);
        var first = findings[0]!.AsObject();
        Assert.Equal(
            ["ruleId", "ruleName", "severity", "message", "path", "line", "column", "endLine", "endColumn", "helpUri", "fingerprint", "related", "fix", "baselineState", "suppression"],
            first.Select(p => p.Key));
        Assert.Equal(("ML1001", "warning", "a.yaml", 10, 7), ((string?)first["ruleId"], (string?)first["severity"], (string?)first["path"], (int)first["line"]!, (int)first["column"]!));
        Assert.Null(first["suppression"]);
        Assert.NotNull(first["fix"]);
        var sarifFingerprints = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().Select(r => (string?)r!["partialFingerprints"]!["manifestlint/v1"]);
        Assert.Equal(sarifFingerprints, findings.Select(f => (string?)f!["fingerprint"]));
        Assert.EndsWith("}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ListsSuppressedFindingsOnlyWhenAskedTo()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit.Replace("      resources:", "      # manifestlint-disable-next-line ML1001 -- batch pod\n      resources:", StringComparison.Ordinal));

        var (plainCode, plain, _) = CliRunner.Run(tree.Root, "lint", "a.yaml", "-f", "json");
        var (shownCode, shown, _) = CliRunner.Run(tree.Root, "lint", "a.yaml", "-f", "json", "--show-suppressed");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (plainCode, shownCode));

        Assert.Empty(JsonNode.Parse(plain)!["findings"]!.AsArray());
        Assert.Equal(1, (int)JsonNode.Parse(plain)!["summary"]!["suppressed"]!);
        Assert.Equal("batch pod", (string?)JsonNode.Parse(shown)!["findings"]![0]!["suppression"]!["justification"]);
    }

    [Fact]
    public void GitHub_WritesOneWorkflowCommandPerFinding_WithRepositoryRelativePaths()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, ".git"));
        tree.Write("deploy/k8s/a.yaml", PodWithoutLimit);
        tree.Write("deploy/k8s/b.yaml", TypoPod);

        var (code, output, _) = CliRunner.Run(Path.Combine(tree.Root, "deploy"), "lint", "k8s", "--format", "github");

        Assert.Equal(ExitCodes.Findings, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("::warning file=deploy/k8s/a.yaml,line=10,col=7,endLine=10,endColumn=16,title=ML1001::Pod shop/web, container \"web\" has no memory limit", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("(https://github.com/manifestlint/manifestlint/blob/main/rules/ML1001.md)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::error file=deploy/k8s/b.yaml,line=8,col=26,endLine=8,endColumn=30,title=ML1004::", lines[1], StringComparison.Ordinal);
        Assert.Equal("1 error, 1 warning in 2 files (2 objects).", lines[2]);
    }

    [Fact]
    public void GitHub_EscapesPropertiesAndData()
    {
        using var tree = new TempTree();
        tree.Write("we,ird:name.yaml", PodWithoutLimit.Replace("- name: web", "- name: \"100%\\nweb\\r\"", StringComparison.Ordinal));

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", ".", "-f", "github", "-q");

        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("::warning file=we%2Cird%3Aname.yaml,line=10,", line, StringComparison.Ordinal);
        Assert.Contains("::Pod shop/web, container \"100%25%0Aweb%0D\" has no memory limit, ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a%b\r\nc", "a%25b%0D%0Ac", "a%25b%0D%0Ac")]
    [InlineData("k: v, w", "k: v, w", "k%3A v%2C w")]
    public void GitHub_EscapingFollowsTheActionsToolkit(string text, string data, string property)
    {
        Assert.Equal(data, GitHubAnnotations.EscapeData(text));
        Assert.Equal(property, GitHubAnnotations.EscapeProperty(text));
    }

    [Fact]
    public void Markdown_SummarisesCountsPerRuleAndSeverity_AndTheMemoryTable()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);
        tree.Write("b.yaml", TypoPod);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".", "--format", "markdown");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.StartsWith("## ManifestLint\n\n1 error, 1 warning in 2 files (2 objects).\n", output, StringComparison.Ordinal);
        Assert.Contains("| [ML1004](https://github.com/manifestlint/manifestlint/blob/main/rules/ML1004.md) | error | 1 | Memory requests and limits should use a byte suffix such as Mi or Gi |\n| [ML1001](", output, StringComparison.Ordinal);
        Assert.Contains("| a.yaml(10,7) | warning | ML1001 | Pod shop/web, container \"web\" has no memory limit", output, StringComparison.Ordinal);
        Assert.Contains("### Memory per container\n\n| Workload | Container | Runtime | Request | Limit | QoS | Heap | Footprint | Headroom |\n", output, StringComparison.Ordinal);
        Assert.Contains("| Pod shop/web | web |", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("ping @team", "ping &#64;team")]
    [InlineData("<script>*x*_y_`z`[l](u)", "\\<script\\>\\*x\\*\\_y\\_\\`z\\`\\[l\\](u)")]
    [InlineData("two\nlines", "two lines")]
    public void Markdown_EscapesTextFromManifests(string text, string expected) =>
        Assert.Equal(expected, MarkdownReport.Escape(text));

    [Fact]
    public void SeveralReports_ComeFromOneRun_TextOnStandardOutputAndSarifToAFile()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "a.yaml", "--format", "text", "--output", "-", "--format", "sarif", "--output", "out.sarif");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("a.yaml(10,7): warning ML1001", output, StringComparison.Ordinal);
        var sarif = File.ReadAllText(Path.Combine(tree.Root, "out.sarif"));
        SarifSchemaValidator.AssertValid(sarif);
        Assert.Single(JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray());
    }

    [Fact]
    public void SeveralReports_AllToFiles_PutTheSummaryOnStandardError()
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "a.yaml", "-f", "json", "-o", "a.json", "-f", "markdown", "-o", "a.md", "-f", "github", "-o", "a.txt");

        Assert.Equal((ExitCodes.Findings, string.Empty, "1 warning in 1 file (1 object).\n"), (code, output, error));
        Assert.Single(JsonDocument.Parse(File.ReadAllText(Path.Combine(tree.Root, "a.json"))).RootElement.GetProperty("findings").EnumerateArray());
        Assert.StartsWith("## ManifestLint", File.ReadAllText(Path.Combine(tree.Root, "a.md")), StringComparison.Ordinal);
        Assert.StartsWith("::warning ", File.ReadAllText(Path.Combine(tree.Root, "a.txt")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format is given 2 times and --output once", "-f", "text", "-f", "sarif", "-o", "x.sarif")]
    [InlineData("--format is given 2 times and --output 0 times", "-f", "text", "-f", "json")]
    [InlineData("--format is given once and --output 2 times", "-f", "json", "-o", "a", "-o", "b")]
    [InlineData("only one report can go to standard output", "-f", "text", "-o", "-", "-f", "json", "-o", "-")]
    [InlineData("two reports would be written to a.out", "-f", "json", "-o", "a.out", "-f", "sarif", "-o", "a.out")]
    public void SeveralReports_MustPairEachFormatWithItsOwnOutput(string message, params string[] options)
    {
        using var tree = new TempTree();
        tree.Write("a.yaml", PodWithoutLimit);

        var (code, output, error) = CliRunner.Run(tree.Root, ["lint", "a.yaml", .. options]);

        Assert.Equal((ExitCodes.ToolFailure, string.Empty), (code, output));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ShowsExamples_ForTheRootAndLint()
    {
        var (rootCode, root, _) = CliRunner.Run(Path.GetTempPath(), "--help");
        var (lintCode, lint, _) = CliRunner.Run(Path.GetTempPath(), "lint", "--help");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (rootCode, lintCode));
        Assert.Contains("Examples:\n  manifestlint lint k8s/ ", root, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  manifestlint lint <paths>... [options]", lint.Replace("testhost", "manifestlint", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("manifestlint lint k8s/ -f text -o - -f sarif -o ml.sarif", lint, StringComparison.Ordinal);
    }

    [Fact]
    public void SuggestDirective_CompletesCommandsAndFormats_ForDotnetSuggest()
    {
        var (_, commands, _) = CliRunner.Run(Path.GetTempPath(), "[suggest:2]", "li");
        var (_, formats, _) = CliRunner.Run(Path.GetTempPath(), "[suggest:16]", "lint x --format ");

        Assert.Contains("lint", commands.Split('\n'));
        Assert.Equal(["github", "json", "markdown", "sarif", "text"], formats.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
