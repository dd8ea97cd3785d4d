using System.Text;
using ManifestLint.Tests.Rules;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// Every kind of broken YAML is one ML0001 at its line (never an exception), and the file's other documents and the
/// other files are still linted.
/// </summary>
public class InvalidYamlTests
{
    [Theory]
    [InlineData("unclosed flow mapping", "metadata: {name: web\n", 1)]
    [InlineData("unclosed flow sequence", "spec:\n  containers: [\n    {name: a},\n", 3)]
    [InlineData("unclosed double quote", "metadata:\n  name: \"web\n", 2)]
    [InlineData("unclosed single quote", "metadata:\n  name: 'web\n", 2)]
    [InlineData("bad indentation", "metadata:\n  name: web\n    labels: x\n", 3)]
    [InlineData("dedent into a mapping", "spec:\n    a: 1\n  b: 2\n", 3)]
    [InlineData("tab for indentation", "spec:\n\tcontainers: []\n", 2)]
    [InlineData("invalid escape", "metadata:\n  name: \"w\\qeb\"\n", 2)]
    [InlineData("invalid unicode escape", "metadata:\n  name: \"\\uZZZZ\"\n", 2)]
    [InlineData("undefined alias", "metadata:\n  name: *nowhere\n", 2)]
    [InlineData("a key after a sequence item", "items:\n  - a\n  b: c\n", 3)]
    [InlineData("two values on one key", "kind: Pod Pod: x\n", 1)]
    [InlineData("flow mapping closed twice", "a: {b: c}}\n", 1)]
    [InlineData("stray document end", "a: 1\n...\nb: [\n", 3)]
    [InlineData("directive in the middle", "a: 1\n%YAML 1.2\n", 2)]
    [InlineData("unknown tag handle", "a: !x!y z\n", 1)]
    [InlineData("control character", "metadata:\n  name: we\u0007b\n", 2)]
    [InlineData("anchor without a node", "a: &\n", 1)]
    public void BrokenDocument_IsOneML0001AtItsLine_AndTheNextDocumentIsLinted(string what, string broken, int line)
    {
        var text = "apiVersion: v1\nkind: Pod\n" + broken + "---\n" + Lint.PodWithoutLimit;

        var diagnostics = Lint.Text("broken.yaml", text);

        Assert.True(diagnostics.Count(d => d.RuleId == "ML0001") == 1 && diagnostics.Single(d => d.RuleId == "ML0001").Location.StartLine == line + 2,
            $"{what}: expected one ML0001 on line {line + 2}:\n{Lint.Describe(diagnostics)}");
        Lint.WitnessFound(diagnostics, "broken.yaml");
    }

    [Fact]
    public void DuplicateKeys_AreML0001AtTheRepeatedKey_AndTheLastValueIsUsed()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              name: api # Noncompliant {{The key 'name' is repeated (first on line 4): the API server's strict decoding rejects the object}}
            spec:
              containers:
                - name: app
                  resources:
                    limits: {memory: 1Gi, memory: 2Gi} # Noncompliant {{The key 'memory' is repeated}}
                    requests: {memory: 2Gi}
                  resources: # Noncompliant {{'resources' is repeated (first on line 9)}}
                    requests: {memory: 64Mi}
            """;

        ExpectedFindings.Verify("ML0001", Yaml);
        var diagnostics = ExpectedFindings.Analyze(Yaml);
        Assert.Contains(diagnostics, d => d.RuleId == "ML1001" && d.Message.Contains("Pod default/api", StringComparison.Ordinal));
    }

    [Fact]
    public void KeysBroughtInByMergeKeys_AreNotDuplicates()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - &base
                  name: base
                  image: nginx
                - <<: *base
                  name: second
                  <<: *base
            """);
    }

    [Fact]
    public void DuplicateKeysInAnotherDocumentOfTheFile_DoNotHideItsFindings()
    {
        var diagnostics = Lint.Text("dup.yaml", "a: 1\na: 2\n---\n" + Lint.PodWithoutLimit);

        Lint.SingleInvalid(diagnostics, 2, "'a' is repeated");
        Lint.WitnessFound(diagnostics, "dup.yaml");
    }

    [Fact]
    public void InvalidUtf8_IsML0001AtTheLineOfTheBadByte_AndOtherFilesAreLinted()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Pod\nmetadata:\n  name: ").Concat(new byte[] { 0xC3, 0x28, 0xFF, (byte)'\n' }).ToArray();

        var diagnostics = Lint.Files(null, ("bad.yaml", bytes), ("ok.yaml", Encoding.UTF8.GetBytes(Lint.PodWithoutLimit)));

        Lint.SingleInvalid(diagnostics, 4, "not valid UTF-8");
        Lint.WitnessFound(diagnostics, "ok.yaml");
    }

    [Theory]
    [InlineData("overlong encoding", new byte[] { 0xC0, 0xAF })]
    [InlineData("encoded surrogate", new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData("truncated sequence at the end", new byte[] { 0xE2, 0x82 })]
    [InlineData("lone continuation byte", new byte[] { 0x80 })]
    public void MalformedUtf8_IsML0001(string what, byte[] bad)
    {
        var bytes = Encoding.UTF8.GetBytes("a: ").Concat(bad).ToArray();

        Assert.True(Lint.Bytes("bad.yaml", bytes).Count(d => d.RuleId == "ML0001") == 1, what);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithByteOrderMark_IsLintedAtTheRightLines(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("# UTF-16 ü\n" + Lint.PodWithoutLimit)).ToArray();

        var diagnostics = Lint.Bytes("utf16.yaml", bytes);

        Lint.WitnessFound(diagnostics, "utf16.yaml");
        Assert.Equal(9, diagnostics.Single(d => d.RuleId == "ML1001").Location.StartLine);
    }

    [Fact]
    public void Utf32WithByteOrderMark_IsLinted()
    {
        var encoding = new UTF32Encoding(bigEndian: false, byteOrderMark: true);

        var diagnostics = Lint.Bytes("utf32.yaml", [.. encoding.GetPreamble(), .. encoding.GetBytes(Lint.PodWithoutLimit)]);

        Lint.WitnessFound(diagnostics, "utf32.yaml");
    }

    [Fact]
    public void Utf16WithAnOddByteCount_IsML0001()
    {
        var bytes = new byte[] { 0xFF, 0xFE, (byte)'a', 0, (byte)':', 0, (byte)' ', 0, 0x00, 0xD8, (byte)'x' };

        Assert.Single(Lint.Bytes("odd.yaml", bytes), d => d.RuleId == "ML0001");
    }

    [Fact]
    public void Utf16WithoutByteOrderMark_IsML0001NotAText()
    {
        var diagnostics = Lint.Bytes("nobom.yaml", Encoding.Unicode.GetBytes(Lint.PodWithoutLimit));

        Lint.SingleInvalid(diagnostics, 1, "NUL byte");
    }

    [Fact]
    public void NulByteInText_IsML0001AtItsLine()
    {
        var diagnostics = Lint.Text("nul.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\0b\n");

        Lint.SingleInvalid(diagnostics, 4, "NUL byte");
    }

    [Fact]
    public void BinaryFilesNamedYaml_AreML0001_AndOtherFilesAreLinted()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 };
        var gzip = new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9 };
        var random = new byte[4096];
        new Random(8).NextBytes(random);

        var diagnostics = Lint.Files(null, ("a.png.yaml", png), ("b.tgz.yaml", gzip), ("c.bin.yaml", random), ("d.yaml", Encoding.UTF8.GetBytes(Lint.PodWithoutLimit)));

        Assert.Equal(["a.png.yaml", "b.tgz.yaml", "c.bin.yaml"], diagnostics.Where(d => d.RuleId == "ML0001").Select(d => d.Location.Path));
        Lint.WitnessFound(diagnostics, "d.yaml");
    }

    [Fact]
    public void HighBytesWithoutNul_AreML0001NotGarbageObjects()
    {
        var bytes = Enumerable.Range(0, 2048).Select(i => (byte)(0x80 + (i * 37 % 0x80))).ToArray();

        Assert.Single(Lint.Bytes("latin.yaml", bytes), d => d.RuleId == "ML0001");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("# only\n# comments\n")]
    [InlineData("# comment without a newline")]
    [InlineData("---\n# comment\n---\n...\n")]
    [InlineData("\uFEFF")]
    [InlineData("   \t  \n")]
    public void EmptyAndCommentOnlyFiles_HaveNoFindings_AndCount(string text)
    {
        var result = new ManifestLint.Engine.Analysis.AnalysisEngine().Analyze([ManifestLint.Engine.Analysis.AnalysisInput.FromText("empty.yaml", text)]);

        Assert.Empty(result.Diagnostics);
        Assert.Equal((1, 0), (result.FileCount, result.ResourceCount));
    }

    [Fact]
    public void CrLfAndLoneCrLineEndings_KeepLinesRight()
    {
        var crlf = Lint.Text("crlf.yaml", Lint.PodWithoutLimit.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(8, crlf.Single(d => d.RuleId == "ML1001").Location.StartLine);
    }

    [Fact]
    public void VeryLongLine_IsLinted()
    {
        var text = "# " + new string('x', 5_000_000) + "\n" + Lint.PodWithoutLimit;

        Lint.WitnessFound(Lint.Text("long.yaml", text), "long.yaml");
    }

    [Fact]
    public void ManyTinyBrokenDocuments_AreEachReported()
    {
        var text = string.Concat(Enumerable.Repeat("a: [\n---\n", 1000)) + Lint.PodWithoutLimit;

        var diagnostics = Lint.Text("many.yaml", text);

        Assert.Equal(1000, diagnostics.Count(d => d.RuleId == "ML0001"));
        Lint.WitnessFound(diagnostics, "many.yaml");
    }
}
