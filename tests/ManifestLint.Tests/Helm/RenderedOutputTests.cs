using ManifestLint.Helm.Rendering;
using Xunit;

namespace ManifestLint.Tests.Helm;

public class RenderedOutputTests
{
    private const string Rendered = """
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        ---
        # Source: web/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web-headless
        """;

    [Fact]
    public void Documents_AreGroupedByTheirSourceTemplate_InOrder()
    {
        var sources = RenderedOutput.Split(Rendered, "<stdin>");

        Assert.Equal(["web/templates/service.yaml", "web/templates/deployment.yaml"], sources.Select(s => s.SourcePath));
        Assert.Equal(2, sources[0].Text.Split('\n').Count(l => l == "---"));
        Assert.Contains("web-headless", sources[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainYaml_HasNoSources()
    {
        Assert.False(RenderedOutput.HasSources("apiVersion: v1\nkind: Pod\n# Source: not at the top of a document\n"));
        Assert.True(RenderedOutput.HasSources(Rendered));
    }

    [Fact]
    public void DocumentsBeforeTheFirstSource_GetTheFallbackName()
    {
        var sources = RenderedOutput.Split("apiVersion: v1\nkind: Pod\n---\n# Source: x/templates/a.yaml\nkind: Pod\n", "<stdin>");

        Assert.Equal(["<stdin>", "x/templates/a.yaml"], sources.Select(s => s.SourcePath));
    }
}
