using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Yaml;
using Xunit;

namespace ManifestLint.Tests.Fixes;

public class YamlEditsTests
{
    [Theory]
    [InlineData("k: 512m\n", "k: 1Gi\n")]
    [InlineData("k: \"512m\"  # c\n", "k: \"1Gi\"  # c\n")]
    [InlineData("k: '512m'\n", "k: '1Gi'\n")]
    public void ReplaceScalar_KeepsQuotesAndComments(string yaml, string expected)
    {
        var edit = YamlEdits.ReplaceScalar((ScalarNode)Value(yaml, "k"), "1Gi");

        Assert.Equal(expected, FixApplier.Apply(yaml, [new Fix("r", edit!)]).Text);
    }

    [Theory]
    [InlineData("k: \"a\\tb\"\n")]
    [InlineData("k: |\n  multi\n  line\n")]
    [InlineData("k: &anchor 512m\n")]
    public void ReplaceScalar_DeclinesWhatItCannotEditExactly(string yaml)
    {
        Assert.Null(YamlEdits.ReplaceScalar((ScalarNode)Value(yaml, "k"), "1Gi"));
    }

    [Theory]
    [InlineData("m:\n  a: 1\n  b: |\n    text\nnext: 2\n", "m:\n  a: 1\n  b: |\n    text\n  c: 3\nnext: 2\n")]
    [InlineData("m:\n    a: 1\n", "m:\n    a: 1\n    c: 3\n")]
    [InlineData("m: {a: 1}\n", "m: {c: 3, a: 1}\n")]
    [InlineData("m: {}\n", "m: {c: 3}\n")]
    [InlineData("{\"m\": {\"a\": \"1\"}}\n", "{\"m\": {\"c\": \"3\", \"a\": \"1\"}}\n")]
    public void AddEntry_FollowsTheMappingsStyle(string yaml, string expected)
    {
        var mapping = (MappingNode)Value(yaml, "m");

        Assert.Equal(expected, FixApplier.Apply(yaml, [new Fix("a", YamlEdits.AddEntry(mapping, "c", "3")!)]).Text);
    }

    [Fact]
    public void AddNestedEntry_UsesTheDocumentsIndentStep()
    {
        const string yaml = "m:\n    a:\n        x: 1\n";
        var root = YamlFileLoader.Load("f", yaml).Documents[0].Root!;

        var edit = YamlEdits.AddNestedEntry((MappingNode)((MappingNode)root)["m"]!, "limits", "memory", "1Gi", root);

        Assert.Equal("m:\n    a:\n        x: 1\n    limits:\n        memory: 1Gi\n", FixApplier.Apply(yaml, [new Fix("n", edit!)]).Text);
    }

    [Fact]
    public void FillEmptyEntry_PutsTheChildOnTheNextLine()
    {
        const string yaml = "r:\n  limits:\n  requests:\n    cpu: 1\n";
        var r = (MappingNode)Value(yaml, "r");

        var edit = YamlEdits.FillEmptyEntry(r.Entry("limits")!, "memory", "1Gi", YamlFileLoader.Load("f", yaml).Documents[0].Root);

        Assert.Equal("r:\n  limits:\n    memory: 1Gi\n  requests:\n    cpu: 1\n", FixApplier.Apply(yaml, [new Fix("f", edit!)]).Text);
    }

    private static YamlNode Value(string yaml, string key) => ((MappingNode)YamlFileLoader.Load("f", yaml).Documents[0].Root!)[key]!;
}
