using System.Globalization;
using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Yaml;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// Input built to exhaust memory, time or the stack: each is bounded by a <see cref="LoadLimits"/> (README, "Limits"),
/// reported as ML0001 on its document or file, and the rest of the input is still linted.
/// </summary>
public class ResourceExhaustionTests
{
    private static readonly string Witness = "---\n" + Lint.PodWithoutLimit;

    [Fact]
    public void BillionLaughs_IsML0001_AndTheNextDocumentIsLinted()
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var diagnostics = Lint.Text("bomb.yaml", text + Witness);

        Lint.SingleInvalid(diagnostics, 6, "expand to more than 1,000,000 nodes");
        Lint.WitnessFound(diagnostics, "bomb.yaml");
    }

    [Fact]
    public void MappingBomb_IsML0001()
    {
        var text = new StringBuilder("a0: &a0 {k0: v, k1: v, k2: v, k3: v, k4: v, k5: v, k6: v, k7: v, k8: v, k9: v}\n");
        for (var i = 1; i < 9; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} {{{string.Join(", ", Enumerable.Range(0, 10).Select(k => $"k{k}: *a{i - 1}"))}}}\n");
        }

        Lint.SingleInvalid(Lint.Text("bomb.yaml", text.ToString()), 6, "expand");
    }

    [Fact]
    public void MergeKeyBomb_IsML0001_BeforeTheMergedMappingIsBuilt()
    {
        var big = "big: &big {" + string.Join(", ", Enumerable.Range(0, 50_000).Select(i => $"k{i}: {i}")) + "}\n";
        var text = big + "bomb:\n" + string.Concat(Enumerable.Repeat("  <<: *big\n", 1000));

        var measured = MemoryProbe.Measure(() => Lint.SingleInvalid(Lint.Text("merge.yaml", text + Witness), 3, "Merge keys (<<) in this mapping expand to more than"));

        Assert.True(measured.PeakHeapBytes < 1024L * 1024 * 1024, measured.ToString());
    }

    [Fact]
    public void AliasesOfALongString_AreBoundedByExpandedCharacters()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    - name: &s " + new string('j', 1_000_000)
            + "\n      command: [" + string.Join(", ", Enumerable.Repeat("*s", 100)) + "]\n";

        Lint.SingleInvalid(Lint.Text("long.yaml", text + Witness), 7, "characters of text");
    }

    [Fact]
    public void AliasesAsKeys_AndAliasesOfAliases_Load()
    {
        var diagnostics = Lint.Text("keys.yaml", "a: &k memory\nb: &v 1Gi\nc: {*k : *v}\nd: &d [*v, *k]\ne: {x: *d, *v : *d}\n" + Witness);

        Lint.WitnessFound(diagnostics, "keys.yaml");
        Assert.False(diagnostics.Any(d => d.RuleId == "ML0001"), Lint.Describe(diagnostics));
    }

    [Theory]
    [InlineData("flow sequences", "[", "]")]
    [InlineData("flow mappings", "{a: ", "}")]
    [InlineData("JSON objects", "{\"a\": ", "}")]
    public void HundredThousandLevelsOfNesting_AreML0001_NotAStackOverflow(string what, string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 100_000)) + "x" + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";

        var diagnostics = Lint.Text("deep.yaml", text + Witness);

        Assert.True(diagnostics.Count(d => d.RuleId == "ML0001" && d.Message.Contains("nests deeper than 500", StringComparison.Ordinal)) == 1, what);
        Lint.WitnessFound(diagnostics, "deep.yaml");
    }

    [Fact]
    public void HundredThousandLevelsOfBlockSequences_AreML0001()
    {
        var text = string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n";

        Lint.SingleInvalid(Lint.Text("deep.yaml", text + Witness), 1, "nests deeper");
    }

    [Fact]
    public void NestingJustUnderTheLimit_InAPodSpec_IsAnalysedWithoutStackTrouble()
    {
        const int Depth = 480;
        var value = string.Concat(Enumerable.Repeat("{a: ", Depth)) + "x" + new string('}', Depth);
        var text = Lint.PodWithoutLimit + "      env:\n        - name: DEEP\n          value: ok\n      nested: " + value + "\n";

        Lint.WitnessFound(Lint.Text("deep.yaml", text), "deep.yaml");
    }

    [Fact]
    public void MoreNodesThanTheFileLimit_IsML0001_AndTheDocumentsBeforeAreLinted()
    {
        var limits = LoadLimits.Default with { MaxNodes = 10_000 };
        var text = Lint.PodWithoutLimit + "---\n" + "big: [" + string.Join(", ", Enumerable.Repeat("1", 20_000)) + "]\n";

        var diagnostics = Lint.Text("nodes.yaml", text, AnalysisOptions.Default with { Limits = limits });

        Lint.SingleInvalid(diagnostics, 11, "more than 10,000 YAML nodes");
        Lint.WitnessFound(diagnostics, "nodes.yaml");
    }

    [Fact]
    public void FileOverTheSizeLimit_IsML0001_AndOtherFilesAreLinted()
    {
        var options = AnalysisOptions.Default with { Limits = LoadLimits.Default with { MaxFileBytes = 1000 } };

        var diagnostics = Lint.Files(options, ("big.yaml", new byte[1001]), ("ok.yaml", Encoding.UTF8.GetBytes(Lint.PodWithoutLimit)));

        Lint.SingleInvalid(diagnostics, 1, "larger than the 1,000 bytes");
        Lint.WitnessFound(diagnostics, "ok.yaml");
    }
}

/// <summary>The big ones, measured: they run alone so that the heap they are measured on is theirs.</summary>
[Collection(MeasuredTests.Name)]
public class ResourceExhaustionMeasuredTests(ITestOutputHelper output)
{
    [Fact]
    public void AMillionDocumentsInOneStream_AreBoundedByTheDocumentLimit_AndTheFirstAreLinted()
    {
        var text = new StringBuilder(Lint.PodWithoutLimit.Length + 10_000_000).Append(Lint.PodWithoutLimit);
        for (var i = 1; i < 1_000_000; i++)
        {
            text.Append("---\na: 1\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        text.Clear();
        IReadOnlyList<ManifestLint.Engine.Diagnostics.Diagnostic> diagnostics = [];

        var measured = MemoryProbe.Measure(() => diagnostics = Lint.Bytes("million.yaml", bytes));

        output.WriteLine($"1,000,000 documents ({bytes.Length:N0} bytes): {measured}");
        Lint.WitnessFound(diagnostics, "million.yaml");
        Lint.SingleInvalid(diagnostics, 10 + (2 * 99_999), "more than 100,000 documents");
        Assert.True(measured.PeakHeapMiB < 400, measured.ToString());
    }

    [Fact]
    public void AFiftyMegabyteScalar_Loads_WithinItsBound()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blob\ndata:\n  blob: " + new string('x', 50 * 1024 * 1024) + "\n---\n" + Lint.PodWithoutLimit;
        var bytes = Encoding.UTF8.GetBytes(text);
        text = null;
        IReadOnlyList<ManifestLint.Engine.Diagnostics.Diagnostic> diagnostics = [];

        var measured = MemoryProbe.Measure(() => diagnostics = Lint.Bytes("blob.yaml", bytes));

        output.WriteLine($"a 50 MiB scalar ({bytes.Length:N0} bytes): {measured}");
        Lint.WitnessFound(diagnostics, "blob.yaml");
        Assert.DoesNotContain(diagnostics, d => d.RuleId == "ML0001");
        Assert.True(measured.PeakHeapMiB < 10 * 64, measured.ToString());
    }

    [Fact]
    public void AFiftyMegabyteName_DoesNotMultiplyIntoEveryMessage()
    {
        var name = new string('n', 50 * 1024 * 1024);
        var text = Lint.PodWithoutLimit.Replace("name: witness", "name: " + name, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        IReadOnlyList<ManifestLint.Engine.Diagnostics.Diagnostic> diagnostics = [];

        var measured = MemoryProbe.Measure(() => diagnostics = Lint.Bytes("name.yaml", bytes));

        output.WriteLine($"a 50 MiB metadata.name: {measured}");
        Assert.All(diagnostics, d => Assert.True(d.Message.Length < 2_000, $"{d.RuleId}: a {d.Message.Length:N0}-character message"));
        Assert.Contains(diagnostics, d => d.RuleId == "ML0001" && d.Message.Contains("metadata.name", StringComparison.Ordinal));
        Assert.True(measured.PeakHeapMiB < 10 * 64, measured.ToString());
    }
}
