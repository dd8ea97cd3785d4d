using System.Runtime.InteropServices;
using System.Text;
using ManifestLint.Cli;
using ManifestLint.Cli.Input;
using ManifestLint.Engine.Analysis;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// What a directory walk can meet: symbolic link loops, links out of the tree, FIFOs, devices, unreadable files and
/// directories, files that vanish. The run always ends, reports what it could not read (ML0001) and lints the rest.
/// </summary>
public class FileSystemInputTests
{
    private static readonly string Pod = Lint.PodWithoutLimit;

    [Fact]
    public void DirectorySymlinkLoops_AreNotEntered_AndTheRunEnds()
    {
        using var tree = new TempTree();
        tree.Write("k8s/pod.yaml", Pod);
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "loop"), Path.Combine(tree.Root, "k8s"));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "up"), "..");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "k8s");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
        Assert.EndsWith("in 1 file (1 object).\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FileSymlinkLoopsAndDanglingLinks_AreML0001_AndTheRestIsLinted()
    {
        using var tree = new TempTree();
        tree.Write("k8s/pod.yaml", Pod);
        File.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "a.yaml"), "b.yaml");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "b.yaml"), "a.yaml");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "gone.yaml"), "nowhere.yaml");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "k8s");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("k8s/a.yaml(1,1): error ML0001: The file cannot be read: It is a symbolic link that cannot be resolved", output, StringComparison.Ordinal);
        Assert.Contains("k8s/b.yaml(1,1): error ML0001", output, StringComparison.Ordinal);
        Assert.Contains("k8s/gone.yaml(1,1): error ML0001", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SymlinksOutOfTheLintedDirectory_AreNotFollowed_ButLinksInsideItAre()
    {
        using var tree = new TempTree();
        tree.Write("outside/secret.yaml", Pod.Replace("witness", "outside", StringComparison.Ordinal));
        tree.Write("k8s/real/pod.yaml", Pod);
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "elsewhere"), Path.Combine(tree.Root, "outside"));
        File.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "escape.yaml"), Path.Combine(tree.Root, "outside", "secret.yaml"));
        File.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "relative.yaml"), "../outside/secret.yaml");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "k8s", "inside.yaml"), "real/pod.yaml");

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "k8s");
        var (_, named, _) = CliRunner.Run(tree.Root, "lint", "k8s/escape.yaml");

        Assert.DoesNotContain("outside", output, StringComparison.Ordinal);
        Assert.Contains("k8s/inside.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
        Assert.Contains("k8s/real/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
        Assert.Contains("Pod default/outside", named, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoInTheTree_IsReportedNotWaitedOn()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = new TempTree();
        tree.Write("k8s/pod.yaml", Pod);
        Assert.Equal(0, MakeFifo(Path.Combine(tree.Root, "k8s", "fifo.yaml")));

        var (code, output, _) = Deadline.Run(() => CliRunner.Run(tree.Root, "lint", "k8s"));

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("k8s/fifo.yaml(1,1): error ML0001: The file cannot be read: It is not a regular file", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndlessDeviceNamedOnTheCommandLine_IsTooLargeNotAnEndlessRead()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tree = new TempTree();

        var (code, output, _) = Deadline.Run(() => CliRunner.Run(tree.Root, "lint", "/dev/zero"));

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("error ML0001: The file is larger than the 67,108,864 bytes ManifestLint reads", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableFileNamedOnTheCommandLine_IsML0001_AndTheRestIsLinted()
    {
        using var tree = new TempTree();
        tree.Write("pod.yaml", Pod);
        var denied = tree.Write("secret.yaml", Pod);
        Unprivileged.Deny(denied);

        // As root, chmod denies nothing and the CLI reads on several threads; a write-only sysctl denies even root.
        var path = Unprivileged.IsRoot ? "/proc/sys/vm/compact_memory" : "secret.yaml";
        Assert.True(!Unprivileged.IsRoot || File.Exists(path), "As root this test needs Linux's /proc/sys/vm/compact_memory.");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", path, "pod.yaml");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Matches(@"\(1,1\): error ML0001: The file cannot be read: .*(denied|Permission)", output);
        Assert.Contains("pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableFilesAndDirectoriesInATree_AreML0001_AndTheRestIsLinted()
    {
        using var tree = new TempTree();
        tree.Write("k8s/pod.yaml", Pod);
        var file = tree.Write("k8s/secret.yaml", Pod);
        var directory = Path.GetDirectoryName(tree.Write("k8s/private/inner.yaml", Pod))!;
        Unprivileged.Deny(file);
        Unprivileged.Deny(directory);
        IReadOnlyList<string> lines = [];
        try
        {
            Unprivileged.Run(() =>
            {
                var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, () => Stream.Null, tree.Root);
                var inputs = InputCollector.Collect(["k8s"], environment).Inputs;
                var result = new AnalysisEngine().Analyze(inputs, AnalysisOptions.Default with { MaxParallelism = 1 });
                lines = [.. result.Diagnostics.Select(d => $"{d.Location} {d.RuleId} {d.Message}")];
            });
        }
        finally
        {
            Unprivileged.Allow(file, directory: false);
            Unprivileged.Allow(directory, directory: true);
        }

        Assert.Contains(lines, l => l.StartsWith("k8s/private(1,1) ML0001 The file cannot be read: The directory cannot be listed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("k8s/secret.yaml(1,1) ML0001 The file cannot be read: Permission denied", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("k8s/pod.yaml(8,7) ML1001", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileThatVanishesAfterTheWalk_IsML0001_AndTheRestIsLinted()
    {
        using var tree = new TempTree();
        tree.Write("k8s/pod.yaml", Pod);
        var vanishing = tree.Write("k8s/vanishing.yaml", Pod);
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, () => Stream.Null, tree.Root);
        var inputs = InputCollector.Collect(["k8s"], environment).Inputs;
        File.Delete(vanishing);

        var diagnostics = new AnalysisEngine().Analyze(inputs).Diagnostics;

        Assert.Contains(diagnostics, d => d.Location.Path == "k8s/vanishing.yaml" && d.RuleId == "ML0001" && d.Message.Contains("no longer exists", StringComparison.Ordinal));
        Lint.WitnessFound(diagnostics, "k8s/pod.yaml");
    }

    [Fact]
    public void AFileThatChangesBetweenTheEnginesReads_IsAnalysedWithoutCrashing()
    {
        var reads = 0;
        var input = new AnalysisInput("flaky.yaml", () => Interlocked.Increment(ref reads) == 1
            ? Encoding.UTF8.GetBytes("apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr}\nspec: {limits: [{type: Container, default: {memory: 1Gi}}]}\n")
            : throw new FileNotFoundException("It no longer exists."));

        var result = new AnalysisEngine().Analyze([input, AnalysisInput.FromText("pod.yaml", Pod)]);

        Assert.DoesNotContain(result.Diagnostics, d => d.RuleId == "ML0000");
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "flaky.yaml" && d.RuleId == "ML0001" && d.Message.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(UnauthorizedAccessException))]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(FileNotFoundException))]
    [InlineData(typeof(DirectoryNotFoundException))]
    [InlineData(typeof(PathTooLongException))]
    public void AnyReadFailure_IsML0001ForThatFile(Type exception)
    {
        var input = new AnalysisInput("bad.yaml", () => throw (Exception)Activator.CreateInstance(exception, "denied")!);

        var result = new AnalysisEngine().Analyze([input, AnalysisInput.FromText("ok.yaml", Pod)]).Diagnostics;

        Lint.WitnessFound(result, "ok.yaml");
        Assert.Contains(result, d => d.Location.Path == "bad.yaml" && d.RuleId == "ML0001" && d.Message == "The file cannot be read: denied");
    }

    [Fact]
    public void StandardInput_IsReadOnce()
    {
        using var tree = new TempTree();
        var opened = 0;
        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, () =>
        {
            opened++;
            return new MemoryStream(Encoding.UTF8.GetBytes(Pod));
        }, tree.Root);

        var input = Assert.Single(InputCollector.Collect(["-"], environment).Inputs);
        var diagnostics = new AnalysisEngine().Analyze([input]).Diagnostics;

        Assert.Equal(1, opened);
        Lint.WitnessFound(diagnostics, "<stdin>");
    }

    private static int MakeFifo(string path) => NativeMakeFifo([.. Encoding.UTF8.GetBytes(path), 0], Convert.ToUInt32("644", 8));

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int NativeMakeFifo(byte[] path, uint mode);
}
