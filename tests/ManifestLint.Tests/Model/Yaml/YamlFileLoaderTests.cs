using System.Text;
using ManifestLint.Model.Problems;
using ManifestLint.Model.Yaml;
using Xunit;

namespace ManifestLint.Tests.Model.Yaml;

public class YamlFileLoaderTests
{
    [Fact]
    public void ScalarSpans_AreOneBasedLineAndColumn_WithExclusiveEnd()
    {
        var file = YamlFileLoader.Load("a.yaml", "kind: Pod\nmetadata:\n  name: web\n");

        var root = Assert.IsType<MappingNode>(Assert.Single(file.Documents).Root);
        var name = Assert.IsType<ScalarNode>(Assert.IsType<MappingNode>(root["metadata"])["name"]);
        Assert.Equal(new ManifestLint.Model.Source.SourceSpan("a.yaml", 3, 9, 3, 12), name.Span);
    }

    [Fact]
    public void MultiDocumentStream_KeepsFileLineNumbersInEveryDocument()
    {
        var file = YamlFileLoader.Load("a.yaml", "a: 1\n---\nb: 2\n--- # comment\n\nc: 3\n");

        var lines = file.Documents.Select(d => ((MappingNode)d.Root!).Entries[0].Key.Span.StartLine).ToList();
        Assert.Equal([1, 3, 6], lines);
    }

    [Fact]
    public void SyntaxErrorInOneDocument_IsOneProblemAtItsLine_AndOtherDocumentsStillLoad()
    {
        var file = YamlFileLoader.Load("a.yaml", "a: 1\n---\nkey: [unclosed\n---\nb: 2\n");

        Assert.Equal(2, file.Documents.Count);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(ModelProblemKind.InvalidYaml, problem.Kind);
        Assert.Equal(3, problem.Span.StartLine);
        Assert.StartsWith("Invalid YAML:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadIndentation_IsReportedOnTheOffendingLine()
    {
        var file = YamlFileLoader.Load("a.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   labels: x\n");

        Assert.Equal(5, Assert.Single(file.Problems).Span.StartLine);
    }

    [Fact]
    public void DashesInsideALine_AreNotSeparators()
    {
        var file = YamlFileLoader.Load("a.yaml", "a: '--- not a separator'\n---b: 1\n");

        Assert.Empty(file.Problems);
        Assert.Single(file.Documents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n# and another\n")]
    [InlineData("---\n---\n")]
    public void EmptyAndCommentOnlyDocuments_AreNotProblems(string text)
    {
        var file = YamlFileLoader.Load("a.yaml", text);

        Assert.Empty(file.Problems);
        Assert.All(file.Documents, d => Assert.True(d.Root is null or ScalarNode { IsNull: true }));
    }

    [Fact]
    public void Utf8ByteOrderMarkAndCrLf_AreHandled()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a: 1\r\n---\r\nb: x\r\n")).ToArray();

        var file = YamlFileLoader.Load("a.yaml", bytes);

        Assert.Empty(file.Problems);
        var b = (ScalarNode)((MappingNode)file.Documents[1].Root!)["b"]!;
        Assert.Equal("x", b.Value);
        Assert.Equal(3, b.Span.StartLine);
    }

    [Fact]
    public void Utf16WithByteOrderMark_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("kind: Pod\n")).ToArray();

        var file = YamlFileLoader.Load("a.yaml", bytes);

        Assert.Empty(file.Problems);
        Assert.Equal("Pod", ((ScalarNode)((MappingNode)file.Documents[0].Root!)["kind"]!).Value);
    }

    [Fact]
    public void InvalidUtf8_IsAProblemAtTheByte()
    {
        var bytes = Encoding.UTF8.GetBytes("a: 1\nb: ").Concat(new byte[] { 0xC3, 0x28 }).ToArray();

        var problem = Assert.Single(YamlFileLoader.Load("a.yaml", bytes).Problems);

        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Span.StartLine);
    }

    [Fact]
    public void BinaryFile_IsAProblemNotACrash()
    {
        var problem = Assert.Single(YamlFileLoader.Load("a.yaml", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01 }).Problems);

        Assert.Contains("NUL byte", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TabsInsideScalars_AreKept()
    {
        var file = YamlFileLoader.Load("a.yaml", "a: \"x\\ty\"\nb: 'p\tq'\n");

        var root = (MappingNode)file.Documents[0].Root!;
        Assert.Equal("x\ty", ((ScalarNode)root["a"]!).Value);
        Assert.Equal("p\tq", ((ScalarNode)root["b"]!).Value);
    }

    [Fact]
    public void JsonDocument_LoadsWithPositions()
    {
        var file = YamlFileLoader.Load("a.json", "{\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"web\"}\n}\n");

        var root = (MappingNode)Assert.Single(file.Documents).Root!;
        Assert.Equal(2, root["kind"]!.Span.StartLine);
        Assert.Equal("web", ((ScalarNode)((MappingNode)root["metadata"]!)["name"]!).Value);
    }

    [Fact]
    public void AliasesResolveToTheAnchoredNode_AndMergeKeysKeepExplicitValues()
    {
        var file = YamlFileLoader.Load("a.yaml", "base: &base\n  memory: 1Gi\n  cpu: 1\nlimits:\n  <<: *base\n  cpu: 2\nrequests: *base\n");

        var root = (MappingNode)file.Documents[0].Root!;
        var limits = (MappingNode)root["limits"]!;
        Assert.Equal("1Gi", ((ScalarNode)limits["memory"]!).Value);
        Assert.Equal("2", ((ScalarNode)limits["cpu"]!).Value);
        Assert.Same(root["base"], root["requests"]);
    }

    [Fact]
    public void AliasBomb_IsALimitProblem()
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append(CultureInfoFree($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"));
        }

        var problem = Assert.Single(YamlFileLoader.Load("bomb.yaml", text.ToString()).Problems);

        Assert.Equal(ModelProblemKind.LimitExceeded, problem.Kind);
        Assert.Contains("expand", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNesting_IsALimitProblem_NotAStackOverflow()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        var problem = Assert.Single(YamlFileLoader.Load("deep.yaml", text).Problems);

        Assert.Equal(ModelProblemKind.LimitExceeded, problem.Kind);
    }

    [Fact]
    public void UndefinedAlias_IsAProblem()
    {
        var problem = Assert.Single(YamlFileLoader.Load("a.yaml", "a: *nowhere\n").Problems);

        Assert.Equal(1, problem.Span.StartLine);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsAProblemWithoutParsing()
    {
        var limits = LoadLimits.Default with { MaxFileBytes = 10 };

        var problem = Assert.Single(YamlFileLoader.Load("big.yaml", Encoding.UTF8.GetBytes("a: 12345678901234567890\n"), limits).Problems);

        Assert.Equal(ModelProblemKind.LimitExceeded, problem.Kind);
    }

    private static string CultureInfoFree(FormattableString s) => FormattableString.Invariant(s);
}
