using ManifestLint.Model.Yaml;
using Xunit;

namespace ManifestLint.Tests.Model;

/// <summary>The walk from a root to the node at a position, shared by the Helm and Kustomize mappings.</summary>
public class YamlPositionTests
{
    private const string Text = "spec:\n  containers:\n  - name: api\n    resources:\n      limits:\n        memory: 1Gi\n";

    private static YamlNode Root => YamlFileLoader.Load("x.yaml", Text).Documents[0].Root!;

    private static string Path(int line, int column) =>
        string.Join('/', YamlPosition.StepsTo(Root, line, column)!.Select(s => s.Key ?? $"[{s.Index}]"));

    [Fact]
    public void AKeyPosition_EndsAtThatKey()
    {
        Assert.Equal("spec/containers/[0]/resources", Path(4, 5));
        Assert.Equal("spec/containers/[0]/name", Path(3, 5));
    }

    [Fact]
    public void AValuePosition_EndsAtItsEntry_AndAListsDashAtTheList()
    {
        Assert.Equal("spec/containers/[0]/resources/limits/memory", Path(6, 17));
        Assert.Equal("spec/containers", Path(3, 3));
    }

    [Fact]
    public void APositionOutsideTheRoot_IsNull()
    {
        Assert.Null(YamlPosition.StepsTo(Root, 40, 1));
        Assert.Equal("spec", Path(1, 1));
    }

    [Fact]
    public void HelmAndKustomizePaths_AreTheSameWalk_NamedTheirOwnWay()
    {
        var helm = ManifestLint.Helm.Mapping.YamlPaths.PathAt(Root, 6, 9)!;
        var kustomize = ManifestLint.Kustomize.Mapping.ObjectPath.At(Root, 6, 9)!;

        Assert.Equal(["spec", "containers", "[0]", "resources", "limits", "memory"], helm);
        Assert.Equal("spec/containers/[name=api]/resources/limits/memory", string.Join('/', kustomize));
    }
}
