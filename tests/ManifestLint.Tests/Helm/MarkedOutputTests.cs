using ManifestLint.Helm.Templates;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>Removing the markers from a marked render gives the plain render back exactly, or says it cannot.</summary>
public class MarkedOutputTests
{
    [Fact]
    public void MarkersAtLineEnds_AreRemoved_ByteForByte()
    {
        const string marked = "---\n# Source: web/templates/a.yaml\nkind: Pod #@ml:0:1\nspec: #@ml:0:2 #@ml:1:7\n  x: 1\r\n  y: 2 #@ml:0:5\r\n";

        Assert.Equal("---\n# Source: web/templates/a.yaml\nkind: Pod\nspec:\n  x: 1\r\n  y: 2\r\n", MarkedOutput.Strip(marked));
    }

    [Fact]
    public void BlanksPrintedAfterAMarker_Stay()
    {
        // `matchLabels:` marked, then an include whose text starts on a new line, indented: the indentation lands after the marker.
        Assert.Equal("  matchLabels:      \n      app: web\n", MarkedOutput.Strip("  matchLabels: #@ml:3:35      \n      app: web\n"));
        Assert.Equal("a \n", MarkedOutput.Strip("a #@ml:1:2  #@ml:3:4\n"));
    }

    [Fact]
    public void OutputWithoutMarkers_IsReturnedAsItIs()
    {
        const string plain = "---\n# Source: web/templates/a.yaml\nkind: Pod   \n";

        Assert.Same(plain, MarkedOutput.Strip(plain));
    }

    [Fact]
    public void ABlankLineKeptOnlyByItsMarker_AtADocumentsEnd_IsTrimmedAsHelmTrimsThePlainRender()
    {
        const string marked = "---\n# Source: web/templates/a.yaml\nkind: Pod #@ml:0:1\n\n    #@ml:0:3\n---\n# Source: web/templates/b.yaml\nkind: Service\n   #@ml:1:2\n";

        Assert.Equal("---\n# Source: web/templates/a.yaml\nkind: Pod\n---\n# Source: web/templates/b.yaml\nkind: Service\n", MarkedOutput.Strip(marked));
    }

    [Theory]
    [InlineData("  config: \"a: 1 #@ml:0:3\\nb: 2 #@ml:0:4\"\n")]
    [InlineData("  name: WEB #@ML:0:3\n")]
    [InlineData("  name: web-#@ml:0:3-x\n")]
    [InlineData("#@ml:0:1\nkind: Pod\n")]
    [InlineData("  name: web #@ml:0\n")]
    public void MarkerTextLeftAnywhereElse_MeansThePlainRenderIsNeeded(string marked)
    {
        Assert.Null(MarkedOutput.Strip(marked));
    }
}
