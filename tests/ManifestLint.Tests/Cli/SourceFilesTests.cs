using ManifestLint.Cli.Output;
using Xunit;

namespace ManifestLint.Tests.Cli;

/// <summary>The source lines behind the text report's excerpts: right line of the right file, whatever the order of asking.</summary>
public sealed class SourceFilesTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("manifestlint-sources-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Lines_ComeFromTheFileAskedForWhenAskingSwitchesBetweenFiles()
    {
        File.WriteAllText(Path.Combine(directory, "a.yaml"), "a1\na2\r\na3\n");
        File.WriteAllText(Path.Combine(directory, "b.yaml"), "b1\nb2\n");
        var sources = new SourceFiles(directory);

        Assert.Equal("a2", sources.Line("a.yaml", 2));
        Assert.Equal("b1", sources.Line("b.yaml", 1));
        Assert.Equal("a3", sources.Line("a.yaml", 3));
        Assert.Equal("b2", sources.Line("b.yaml", 2));
        Assert.Null(sources.Line("b.yaml", 3));
        Assert.Null(sources.Line("missing.yaml", 1));
        Assert.Equal("a1", sources.Line("a.yaml", 1));
    }

    [Fact]
    public void AFileChangedAfterTheLint_IsReadAgainOnceAnotherFileWasReadInBetween()
    {
        // Only the last file is kept (memory); reading again is what makes an interleaved order still correct.
        var a = Path.Combine(directory, "a.yaml");
        File.WriteAllText(a, "old\n");
        File.WriteAllText(Path.Combine(directory, "b.yaml"), "b\n");
        var sources = new SourceFiles(directory);

        Assert.Equal("old", sources.Line("a.yaml", 1));
        File.WriteAllText(a, "new\n");
        Assert.Equal("old", sources.Line("a.yaml", 1));
        Assert.Equal("b", sources.Line("b.yaml", 1));
        Assert.Equal("new", sources.Line("a.yaml", 1));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)'\n', (byte)'\n', (byte)'b', (byte)'\r', (byte)'c', (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n', (byte)'d' })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\r', (byte)'\r', 0xC3, 0xA9, (byte)'\n' })]
    [InlineData(new byte[] { (byte)'x', 0xE2, 0x82, (byte)'\n', 0xFF, (byte)'y' })]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0, (byte)'\n', 0, (byte)'b', 0 })]
    [InlineData(new byte[] { (byte)'\n' })]
    [InlineData(new byte[] { })]
    public void Lines_AreThoseStreamReaderReads_LineBreaksBomsAndInvalidUtf8Alike(byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(directory, "f.yaml"), bytes);
        using var reader = new StreamReader(new MemoryStream(bytes), new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var expected = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            expected.Add(line);
        }

        var sources = new SourceFiles(directory);

        Assert.Equal(expected, Enumerable.Range(1, expected.Count).Select(i => sources.Line("f.yaml", i)));
        Assert.Null(sources.Line("f.yaml", expected.Count + 1));
        Assert.Null(sources.Line("f.yaml", 0));
    }
}
