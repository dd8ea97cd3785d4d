using System.Text.RegularExpressions;
using ManifestLint.Tests.TestSupport;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Tests.Distribution;

/// <summary>
/// What action.yml says, read with a YAML parser (YamlDotNet) as GitHub reads it: a composite action whose steps run
/// the two scripts the end-to-end test exercises, uploads SARIF with a category, and uses exactly the inputs it declares.
/// </summary>
public class ActionMetadataTests
{
    private static YamlMappingNode Action()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "action.yml"));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode action) =>
        [.. ((YamlSequenceNode)((YamlMappingNode)action.Children[new YamlScalarNode("runs")]).Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>()];

    [Fact]
    public void IsACompositeActionRunningTheScripts_ThenUploadingSarifWithACategory()
    {
        var action = Action();
        Assert.Equal("composite", Scalar(action.Children[new YamlScalarNode("runs")], "using"));
        var steps = Steps(action);

        var runs = steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))).ToList();
        Assert.All(runs, s => Assert.Equal("bash", Scalar(s, "shell")));
        Assert.Equal(
            ["\"$GITHUB_ACTION_PATH/scripts/action/install.sh\"", "\"$GITHUB_ACTION_PATH/scripts/action/run.sh\""],
            runs.Select(s => Scalar(s, "run")).Where(r => r.Contains("scripts/action", StringComparison.Ordinal)));
        var upload = Assert.Single(steps, s => s.Children.ContainsKey(new YamlScalarNode("uses")) && Scalar(s, "uses").StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal));
        var with = upload.Children[new YamlScalarNode("with")];
        Assert.Equal("${{ steps.lint.outputs.sarif-file }}", Scalar(with, "sarif_file"));
        Assert.Equal("${{ inputs.category }}", Scalar(with, "category"));
        Assert.Equal("lint", Scalar(Assert.Single(steps, s => s.Children.ContainsKey(new YamlScalarNode("id"))), "id"));
    }

    [Fact]
    public void EveryDeclaredInputIsUsed_AndEveryUsedInputIsDeclared()
    {
        var action = Action();
        var declared = ((YamlMappingNode)action.Children[new YamlScalarNode("inputs")]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal).ToList();
        Assert.All(declared, name => Assert.False(string.IsNullOrWhiteSpace(Scalar(action.Children[new YamlScalarNode("inputs")][name], "description")), name));

        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml"));
        var used = Regex.Matches(text, @"inputs\.([a-z][a-z0-9-]*)", RegexOptions.None, TimeSpan.FromSeconds(1))
            .Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(declared, used);
    }
}
