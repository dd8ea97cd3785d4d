using System.Diagnostics;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Reliability;

/// <summary>A tree of 100,000 manifest files, written once for the class (it takes seconds) and deleted after.</summary>
public sealed class LargeTree : IDisposable
{
    public const int Directories = 100;
    public const int FilesPerDirectory = 1000;
    public const int PodEvery = 100;

    private readonly TempTree tree = new();

    public LargeTree()
    {
        for (var d = 0; d < Directories; d++)
        {
            var directory = Path.Combine(tree.Root, "k8s", $"team-{d:000}", "apps");
            Directory.CreateDirectory(directory);
            for (var f = 0; f < FilesPerDirectory; f++)
            {
                var n = (d * FilesPerDirectory) + f;
                File.WriteAllText(Path.Combine(directory, $"app-{f:0000}.yaml"), n % PodEvery == 0
                    ? Lint.PodWithoutLimit.Replace("name: witness", $"name: pod-{n}", StringComparison.Ordinal)
                    : $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-{n}\ndata:\n  key: value\n");
            }
        }
    }

    public string Root => tree.Root;

    public static int FileCount => Directories * FilesPerDirectory;

    public void Dispose() => tree.Dispose();
}

/// <summary>100,000 files in one run: every one is linted, in bounded time, and the result does not depend on parallelism.</summary>
[Collection(MeasuredTests.Name)]
public class LargeTreeTests(LargeTree tree, ITestOutputHelper output) : IClassFixture<LargeTree>
{
    [Fact]
    public void HundredThousandFiles_AreAllLinted_InReasonableTime()
    {
        var stopwatch = Stopwatch.StartNew();
        var (code, text, error) = CliRunner.Run(tree.Root, "lint", "k8s", "--fail-level", "none");
        stopwatch.Stop();

        output.WriteLine($"{LargeTree.FileCount:N0} files: {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(code == ExitCodes.Success, error);
        var pods = LargeTree.FileCount / LargeTree.PodEvery;
        Assert.EndsWith($"{pods:N0} warnings in {LargeTree.FileCount:N0} files ({LargeTree.FileCount:N0} objects).\n".Replace(",", string.Empty, StringComparison.Ordinal), text.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(3), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void HundredThousandFiles_GiveTheSameFindingsInAnyOrderWithOneOrTwoThreads()
    {
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, () => Stream.Null, tree.Root);
        var inputs = ManifestLint.Cli.Input.InputCollector.Collect(["k8s"], environment).Inputs;
        var engine = new ManifestLint.Engine.Analysis.AnalysisEngine();

        var one = engine.Analyze(inputs, ManifestLint.Engine.Analysis.AnalysisOptions.Default with { MaxParallelism = 1 });
        var two = engine.Analyze([.. inputs.Reverse()], ManifestLint.Engine.Analysis.AnalysisOptions.Default with { MaxParallelism = 2 });

        Assert.Equal(LargeTree.FileCount, one.FileCount);
        Assert.Equal(one.Diagnostics.Select(d => $"{d.Location} {d.RuleId} {d.Message}"), two.Diagnostics.Select(d => $"{d.Location} {d.RuleId} {d.Message}"));
    }
}
