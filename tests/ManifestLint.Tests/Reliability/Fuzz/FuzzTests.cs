using System.Diagnostics;
using System.Text;
using CsCheck;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Yaml;
using ManifestLint.Sarif;
using ManifestLint.Tests.Sarif;
using Xunit;

namespace ManifestLint.Tests.Reliability.Fuzz;

/// <summary>
/// Property-based fuzzing (CsCheck) of the whole pipeline on mutated real manifests: no exception escapes and no rule
/// fails (ML0000), every finding points into its file, the SARIF log is schema-valid, and the findings are the same
/// whatever the file order and parallelism. A failure prints the shrunk case and its seed; set
/// <c>MANIFESTLINT_FUZZ_SEED</c> to replay it, and keep it as a regression test in <see cref="FuzzRegressionTests"/>.
/// </summary>
public class FuzzTests
{
    private static readonly AnalysisEngine Engine = new();

    [Fact]
    public void MutatedManifests_NeverCrashTheEngine_AndEveryFindingPointsIntoItsFile()
    {
        ManifestFuzz.Case.Sample(c =>
        {
            var text = c.Text;
            var diagnostics = Engine.Analyze([AnalysisInput.FromText("fuzz.yaml", text)], AnalysisOptions.Default with { MaxParallelism = 1 }).Diagnostics;
            CheckFindings(diagnostics, text);
        }, seed: ManifestFuzz.Seed, iter: ManifestFuzz.Iterations(300), time: ManifestFuzz.Seconds, print: c => $"{c}\n---- input ----\n{c.Text}");
    }

    [Fact]
    public void MutatedBytes_NeverCrashTheLoaderOrTheEngine()
    {
        ManifestFuzz.Bytes.Sample(bytes =>
        {
            _ = YamlFileLoader.Load("fuzz.yaml", bytes);
            var diagnostics = Engine.Analyze([new AnalysisInput("fuzz.yaml", () => bytes)], AnalysisOptions.Default with { MaxParallelism = 1 }).Diagnostics;
            Assert.DoesNotContain(diagnostics, d => d.RuleId == RuleIds.ToolError);
        }, seed: ManifestFuzz.Seed, iter: ManifestFuzz.Iterations(200), time: ManifestFuzz.Seconds, print: b => Convert.ToHexString(b));
    }

    [Fact]
    public void Findings_DoNotDependOnFileOrderOrParallelism_AndRepeat()
    {
        Gen.Select(ManifestFuzz.Case, ManifestFuzz.Case, ManifestFuzz.Case).Sample((a, b, c) =>
        {
            AnalysisInput[] inputs = [AnalysisInput.FromText("a.yaml", a.Text), AnalysisInput.FromText("b.yaml", b.Text), AnalysisInput.FromText("c.yaml", c.Text)];
            var sequential = Describe(Engine.Analyze(inputs, AnalysisOptions.Default with { MaxParallelism = 1 }));
            var parallelReversed = Describe(Engine.Analyze([.. inputs.Reverse()], AnalysisOptions.Default with { MaxParallelism = 2 }));
            var again = Describe(Engine.Analyze(inputs, AnalysisOptions.Default with { MaxParallelism = 1 }));

            Assert.Equal(sequential, parallelReversed);
            Assert.Equal(sequential, again);
        }, seed: ManifestFuzz.Seed, iter: ManifestFuzz.Iterations(150), time: ManifestFuzz.Seconds, print: t => $"a: {t.Item1}\nb: {t.Item2}\nc: {t.Item3}");
    }

    [Fact]
    public void TheSarifLogOfMutatedManifests_IsSchemaValid()
    {
        var root = Path.GetTempPath();
        ManifestFuzz.Case.Sample(c =>
        {
            var result = Engine.Analyze([AnalysisInput.FromText("k8s/fuzz one.yaml", c.Text)], AnalysisOptions.Default with { MaxParallelism = 1 });
            using var stream = new MemoryStream();
            SarifWriter.Write(SarifWriter.Build(result, RuleCatalog.Default, new SarifOptions(root, root, "0.0.0-fuzz")), stream);
            SarifSchemaValidator.AssertValid(Encoding.UTF8.GetString(stream.ToArray()));
        }, seed: ManifestFuzz.Seed, iter: ManifestFuzz.Iterations(40), time: ManifestFuzz.Seconds, threads: 1, print: c => $"{c}\n---- input ----\n{c.Text}");
    }

    [Fact]
    public void RuntimeFlagAndQuantityParsers_TakeAnyString_Quickly()
    {
        var words = Gen.OneOf(Gen.OneOf(ManifestFuzz.Tokens), Gen.String[Gen.Char, 0, 40]).Array[0, 12].Select(parts => string.Join(string.Empty, parts));
        words.Sample(text =>
        {
            var stopwatch = Stopwatch.StartNew();
            _ = Quantity.TryParse(text, out _, out _);
            _ = GoMemLimit.TryParse(text, out _);
            _ = GoMemLimit.Read(text, out _);
            _ = JvmFlagSyntax.TryParseSize(text, out _);
            _ = JvmFlagSyntax.SplitOptions(text);
            _ = JvmOptions.Parse(text);
            _ = ShellWords.Split(text);
            _ = ImageReference.Parse(text);
            _ = KubernetesExpansion.Expand(text, new Dictionary<string, string?> { ["VAR"] = text, ["HOME"] = "$(VAR)" });
            foreach (var kind in Enum.GetValues<NodeFlagKind>())
            {
                _ = NodeOptions.ParseValue(kind, text);
            }

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"the parsers took {stopwatch.Elapsed} on a {text.Length}-character string");
        }, seed: ManifestFuzz.Seed, iter: ManifestFuzz.Iterations(2000), time: ManifestFuzz.Seconds, print: t => $"\"{t}\"");
    }

    private static void CheckFindings(IReadOnlyList<Diagnostic> diagnostics, string text)
    {
        var errors = diagnostics.Where(d => d.RuleId == RuleIds.ToolError).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(d => d.Message)));
        // A lone CR is a line break too (YAML, SARIF and editors agree), and reads as one here.
        var lines = text.Split('\n').Length + text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c == '\r') + 1;
        foreach (var d in diagnostics)
        {
            Assert.Equal("fuzz.yaml", d.Location.Path);
            Assert.InRange(d.Location.StartLine, 1, lines);
            Assert.InRange(d.Location.StartColumn, 1, int.MaxValue);
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        }
    }

    private static List<string> Describe(AnalysisResult result) =>
        [.. result.Diagnostics.Select(d => $"{d.Location} {d.Location.EndLine}:{d.Location.EndColumn} {d.Severity} {d.RuleId} {d.Message}")];
}
