using Xunit;
using Xunit.Sdk;

namespace ManifestLint.Tests.Snapshots;

public sealed class SnapshotTests : IDisposable
{
    private readonly DirectoryInfo directory = new(Path.Combine(Path.GetTempPath(), $"manifestlint-snapshots-{Guid.NewGuid():N}"));

    public void Dispose()
    {
        if (directory.Exists)
        {
            directory.Delete(recursive: true);
        }
    }

    private string Verified => Path.Combine(directory.FullName, "report.verified.txt");

    private string Received => Path.Combine(directory.FullName, "report.received.txt");

    [Fact]
    public void MatchingText_PassesWhateverTheLineEndingsAndRemovesAStaleReceivedFile()
    {
        directory.Create();
        File.WriteAllText(Verified, "one\r\ntwo\r\n");
        File.WriteAllText(Received, "stale");

        Snapshot.Verify(directory, "one\ntwo\n", "report", update: false);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Mismatch_WritesTheReceivedFileAndFailsWithAUnifiedDiff()
    {
        directory.Create();
        File.WriteAllText(Verified, "a\nb\nc\nd\ne\nf\ng\nh\n");

        var e = Assert.ThrowsAny<XunitException>(() => Snapshot.Verify(directory, "a\nb\nc\nD\ne\nf\ng\nh\nextra\n", "report", update: false));

        Assert.Equal("a\nb\nc\nD\ne\nf\ng\nh\nextra\n", File.ReadAllText(Received));
        Assert.Equal("a\nb\nc\nd\ne\nf\ng\nh\n", File.ReadAllText(Verified));
        Assert.Contains(
            "--- report.verified.txt\n+++ report.received.txt\n@@ -1,8 +1,9 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+extra\n",
            e.Message,
            StringComparison.Ordinal);
        Assert.Contains(Received, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_ShowsAtMostFortyChangedLines()
    {
        directory.Create();
        File.WriteAllText(Verified, string.Concat(Enumerable.Range(0, 100).Select(i => $"line {i}\n")));

        var e = Assert.ThrowsAny<XunitException>(() => Snapshot.Verify(directory, string.Concat(Enumerable.Range(0, 100).Select(i => $"LINE {i}\n")), "report", update: false));

        var diffLines = e.Message.Split('\n').Where(l => (l.StartsWith('-') || l.StartsWith('+')) && !l.StartsWith("---", StringComparison.Ordinal) && !l.StartsWith("+++", StringComparison.Ordinal)).ToList();
        Assert.Equal(Snapshot.MaxDiffLines, diffLines.Count);
        Assert.Contains("... and 160 more differing lines", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_SeparatesDistantChangesIntoHunksAndNotesAFinalNewlineDifference()
    {
        var expected = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));

        var actual = string.Concat(Enumerable.Range(1, 20).Select(i => i switch { 2 => "two\n", 18 => "eighteen\n", _ => $"{i}\n" }));

        var diff = LineDiff.Unified(expected, actual, "v", "r");

        Assert.Equal("--- v\n+++ r\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n", diff);
        Assert.EndsWith("(the texts differ only in the newline at the end)\n", LineDiff.Unified("a\n", "a", "v", "r"), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingVerifiedFile_WritesTheReceivedFileAndFails()
    {
        var e = Assert.ThrowsAny<XunitException>(() => Snapshot.Verify(directory, "new\r\ntext\n", "report", update: false));

        Assert.StartsWith("New snapshot; review and rename to .verified", e.Message, StringComparison.Ordinal);
        Assert.Equal("new\ntext\n", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void UpdateMode_OverwritesTheVerifiedFileAndPasses()
    {
        directory.Create();
        File.WriteAllText(Verified, "old\n");
        File.WriteAllText(Received, "old received\n");

        Snapshot.Verify(directory, "new\n", "report", update: true);

        Assert.Equal("new\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void UpdateMode_CreatesAMissingVerifiedFile()
    {
        Snapshot.Verify(directory, "first\n", "report", update: true);

        Assert.Equal("first\n", File.ReadAllText(Verified));
    }

    [Fact]
    public void Extension_IsPartOfTheFileNames()
    {
        Assert.ThrowsAny<XunitException>(() => Snapshot.Verify(directory, "{}", "log", "sarif.json", update: false));

        Assert.True(File.Exists(Path.Combine(directory.FullName, "log.received.sarif.json")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    public void NamesThatAreNotFileNames_AreRefused(string name) =>
        Assert.Throws<ArgumentException>(() => Snapshot.Verify(directory, "x", name, update: false));

    [Fact]
    public void CallerFileOverload_UsesTheSnapshotsDirectoryNextToTheTest()
    {
        directory.Create();
        var path = Path.Combine(directory.FullName, "FakeTests.cs");

        Assert.ThrowsAny<XunitException>(() => Snapshot.Verify("x", "caller", "txt", path));

        Assert.True(File.Exists(Path.Combine(directory.FullName, "Snapshots", "caller.received.txt")));
    }

    [Fact]
    public void PathMappedSourceDirectories_AreFoundUnderAnAncestorOfTheOutput()
    {
        var checkout = Directory.CreateDirectory(Path.Combine(directory.FullName, "checkout"));
        var sources = Directory.CreateDirectory(Path.Combine(checkout.FullName, "tests", "App.Tests", "Sarif"));
        var output = Directory.CreateDirectory(Path.Combine(checkout.FullName, "tests", "App.Tests", "bin", "Debug", "net10.0"));

        Assert.Equal(sources.FullName, Snapshot.FindMappedDirectory("/_/tests/App.Tests/Sarif", [output.FullName]));
        Assert.Null(Snapshot.FindMappedDirectory("/_/tests/Other.Tests/Sarif", [output.FullName]));
    }
}
