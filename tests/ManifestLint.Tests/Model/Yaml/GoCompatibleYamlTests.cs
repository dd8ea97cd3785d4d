using ManifestLint.Model.Problems;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;
using ManifestLint.Tests.Reliability.Fuzz;
using Xunit;

namespace ManifestLint.Tests.Model.Yaml;

/// <summary>
/// Streams that go-yaml (and so kubectl and Helm) reads and YamlDotNet alone rejected: each is read without a problem,
/// to the value and place Go reads (checked against the Go oracle too), and the really invalid neighbours stay one
/// ML0001 at their fault.
/// </summary>
public class GoCompatibleYamlTests
{
    public static TheoryData<string, string> GoReads => new()
    {
        { "Helm's args block with a blank first line", "args:\n  - |\n    \n    exec java -jar app.jar\n" },
        { "first line with fewer spaces than the text", "a: |\n  \n    text\n" },
        { "folded, several space-only lines", "a: >-\n   \n \n   one\n   two\n" },
        { "keep chomping", "a: |+\n    \n    x\n\n" },
        { "no text at all, deeper spaces", "a: |\n      \nb: 1\n" },
        { "indentation indicator, spaces beyond it", "a: |2\n     \n  x\n" },
        { "CRLF", "args:\r\n  - |\r\n    \r\n    echo hi\r\n" },
        { "many such scalars", string.Concat(Enumerable.Range(0, 40).Select(i => $"k{i}: |\n    \n    v{i}\n")) },
        { "header text inside another literal", "script: |\n  cat <<EOF\n  a: |\n     \n    b\n  EOF\nafter: |\n    \n    x\n" },
        { "deeper space line ends the scalar before a comment", "a: >\n\n  \n #not text\nb: 1\n" },
        { "%YAML 1.1", "%YAML 1.1\n---\na: 1\n" },
        { "%TAG", "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n" },
        { "directive after a document end marker", "a: 1\n...\n%YAML 1.1\n---\nb: 2\n" },
        { "double-quoted continuation left of the block", "a:\n  b: \"one\ntwo\"\n  c: [\"x\ny\", z]\n" },
    };

    [Theory]
    [MemberData(nameof(GoReads))]
    public void WhatGoReads_IsReadWithoutProblems_ToTheSameValuesAndPlaces(string name, string text)
    {
        var file = YamlFileLoader.Load("a.yaml", text);

        Assert.True(file.Problems.Count == 0, $"{name}: {string.Join("; ", file.Problems.Select(p => p.Message))}");
        Assert.Equal((Agreement.BothAccept, string.Empty), YamlDifferential.Compare(text));
    }

    [Fact]
    public void HelmArgsBlock_KeepsItsValueAndEveryPosition()
    {
        var file = YamlFileLoader.Load("a.yaml", "spec:\n  args:\n    - |\n      \n      exec java -jar app.jar\n  image: app:1\n");

        var spec = Assert.IsType<MappingNode>(Assert.IsType<MappingNode>(Assert.Single(file.Documents).Root)["spec"]);
        var arg = Assert.IsType<ScalarNode>(Assert.IsType<SequenceNode>(spec["args"]).Items[0]);
        Assert.Equal("\nexec java -jar app.jar\n", arg.Value);
        Assert.Equal((3, 7), (arg.Span.StartLine, arg.Span.StartColumn));
        Assert.Equal(new SourceSpan("a.yaml", 6, 10, 6, 15), spec["image"]!.Span);
    }

    [Fact]
    public void IndentationIndicator_KeepsTheSpacesBeyondItAsText()
    {
        var root = Assert.IsType<MappingNode>(Assert.Single(YamlFileLoader.Load("a.yaml", "a: |2\n     \n  x\n").Documents).Root);

        Assert.Equal("   \nx\n", Assert.IsType<ScalarNode>(root["a"]).Value);
    }

    [Fact]
    public void QuotedContinuation_KeepsTheColumnsOfWhatFollowsOnItsLine()
    {
        var root = Assert.IsType<MappingNode>(Assert.Single(YamlFileLoader.Load("a.yaml", "a:\n  c: [\"x\ny\", z]\n").Documents).Root);

        var items = Assert.IsType<SequenceNode>(Assert.IsType<MappingNode>(root["a"])["c"]).Items;
        Assert.Equal("x y", Assert.IsType<ScalarNode>(items[0]).Value);
        Assert.Equal((3, 5), (items[1].Span.StartLine, items[1].Span.StartColumn));
    }

    public static TheoryData<string, string, int, int> GoRejects => new()
    {
        { "space line deeper than the text", "apiVersion: v1\nkind: Pod\nargs: |\n      \n  text\n", 4, 1 },
        { "%YAML 1.2", "%YAML 1.2\n---\napiVersion: v1\n", 1, 1 },
        { "unknown directive", "%FOO bar\n---\napiVersion: v1\n", 1, 1 },
    };

    [Theory]
    [MemberData(nameof(GoRejects))]
    public void WhatGoRejects_IsOneProblemAtItsFault_AndGoRejectsItToo(string name, string text, int line, int column)
    {
        var problem = Assert.Single(YamlFileLoader.Load("a.yaml", text + "---\nb: 1\n").Problems);

        Assert.Equal(ModelProblemKind.InvalidYaml, problem.Kind);
        Assert.True((line, column) == (problem.Span.StartLine, problem.Span.StartColumn), $"{name}: {problem.Span} {problem.Message}");
        Assert.False(GoYamlOracle.Instance.Decode(text).Accepted, name);
    }

    [Fact]
    public void DocumentAfterARejectedDirective_IsStillRead()
    {
        var file = YamlFileLoader.Load("a.yaml", "a: 1\n...\n%YAML 1.2\n---\nb: 2\n---\nc: 3\n");

        Assert.Equal(3, Assert.Single(file.Problems).Span.StartLine);
        Assert.Equal(2, file.Documents.Count);
    }
}
