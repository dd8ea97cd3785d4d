using ManifestLint.Kustomize.Building;
using ManifestLint.Kustomize.Kustomizations;
using ManifestLint.Kustomize.Mapping;
using ManifestLint.Model.Source;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// Fields a transformer or generator wrote map to the kustomization entry (or env file line) that wrote them:
/// <c>namespace:</c>, <c>images:</c>, <c>replicas:</c>, and <c>configMapGenerator</c> env files. Positions are taken
/// from the real build of the prod overlay, by line text.
/// </summary>
public class TransformerMappingTests
{
    private static readonly Lazy<(KustomizeBuild Build, BuildMapper Mapper)> Prod = new(() =>
    {
        var settings = KustomizeTool.Settings;
        var box = Path.Combine(Path.GetTempPath(), "ml-kustomize-transformers-" + Guid.NewGuid().ToString("N"));
        string Display(string p) => Path.GetRelativePath(RepositoryPaths.Root, p);
        var builder = new KustomizeBuilder(KustomizeProcess.Create(settings.ExecutablePath!, box), box, Display);
        var build = builder.BuildAsync(Path.Combine(KustomizeTool.Fixtures, "shop", "overlays", "prod"), false, settings, CancellationToken.None).GetAwaiter().GetResult();
        Directory.Delete(box, recursive: true);
        Assert.True(build.Succeeded, build.Failure);
        return (build, new BuildMapper(build, new KustomizationTree(Display), Display));
    });

    /// <summary>Maps the first built line after <paramref name="after"/> whose text is <paramref name="text"/>.</summary>
    private static MappedSpan MapLine(string after, string text)
    {
        var lines = Prod.Value.Build.Text.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == after);
        var index = Array.FindIndex(lines, start, l => l.Trim() == text);
        Assert.True(start >= 0 && index >= 0, $"no line {text} after {after} in the build");
        var column = lines[index].Length - lines[index].TrimStart(' ', '-').Length + 1;
        return Prod.Value.Mapper.Map(new SourceSpan("<build>", index + 1, column, index + 1, column + 1));
    }

    [Fact]
    public void TheNamespace_MapsToTheNamespaceTransformer()
    {
        var mapped = MapLine("name: prod-worker", "namespace: shop-prod");

        Assert.Equal(MappingMethod.Transformer, mapped.Method);
        Assert.EndsWith("shop/overlays/prod/kustomization.yaml", mapped.Span.Path, StringComparison.Ordinal);
        Assert.Equal("namespace: shop-prod", KustomizeTool.LineText(mapped.Span));
    }

    [Fact]
    public void AnImage_MapsToItsImagesEntry()
    {
        var mapped = MapLine("containers:", "- image: registry.example.com/shop/worker:1.5");

        Assert.Equal(MappingMethod.Transformer, mapped.Method);
        Assert.Equal("- name: registry.example.com/shop/worker", KustomizeTool.LineText(mapped.Span));
    }

    [Fact]
    public void Replicas_MapToTheReplicasEntry()
    {
        var mapped = MapLine("name: prod-api", "replicas: 4");

        Assert.Equal(MappingMethod.Transformer, mapped.Method);
        Assert.Equal("- name: api", KustomizeTool.LineText(mapped.Span));
        Assert.Equal("count: 4", File.ReadAllLines(Path.Combine(RepositoryPaths.Root, mapped.Span.Path))[mapped.Span.StartLine].Trim());
    }

    [Fact]
    public void AGeneratedConfigMapKey_MapsToItsEnvFileLine()
    {
        var mapped = MapLine("data:", "CACHE_SIZE: \"128\"");

        Assert.Equal(MappingMethod.Generator, mapped.Method);
        Assert.EndsWith("shop/base/api.env", mapped.Span.Path, StringComparison.Ordinal);
        Assert.Equal("CACHE_SIZE=128", KustomizeTool.LineText(mapped.Span));
    }

    [Fact]
    public void APrefixedName_MapsToTheBaseName()
    {
        var mapped = MapLine("kind: Deployment", "name: prod-api");

        Assert.Equal(MappingMethod.Base, mapped.Method);
        Assert.EndsWith("shop/base/api.yaml", mapped.Span.Path, StringComparison.Ordinal);
        Assert.Equal("name: api", KustomizeTool.LineText(mapped.Span));
    }
}
