using System.Text;
using ManifestLint.Cli;
using ManifestLint.Cli.Output;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// Wrong command lines, outputs that cannot be written and configurations that are not YAML: exit 2 with a message
/// on standard error, never an exception, and never a half-written report.
/// </summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("lint", "k8s", "--no-such-option")]
    [InlineData("lint", "k8s", "--format")]
    [InlineData("lint", "k8s", "--format", "yaml")]
    [InlineData("lint", "k8s", "--fail-level", "fatal")]
    [InlineData("lint", "k8s", "--fail-on", "some")]
    [InlineData("lint", "k8s", "--helm-timeout", "soon")]
    [InlineData("lint", "k8s", "--helm-timeout", "0")]
    [InlineData("lint", "k8s", "--helm-timeout", "-5")]
    [InlineData("lint", "k8s", "--helm-timeout", "99999999999999999999")]
    [InlineData("lint", "k8s", "-x")]
    [InlineData("lint", "k8s", "---format", "text")]
    [InlineData("lint", "k8s", "--Format", "text")]
    [InlineData("lint")]
    [InlineData("lnit", "k8s")]
    [InlineData("explain")]
    [InlineData("rules", "extra")]
    [InlineData("baseline", "write")]
    [InlineData("config", "--print", "--config")]
    public void UnknownOrMalformedOptions_ExitTwoWithAMessage(params string[] args)
    {
        using var tree = Tree();

        var (code, output, error) = CliRunner.Run(tree.Root, args);

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("manifestlint: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dry-run")]
    [InlineData("--format", "text", "--format", "sarif")]
    [InlineData("--format", "sarif", "--output", "a.sarif", "--format", "text", "--output", "a.sarif")]
    [InlineData("--output", "a.txt", "--output", "b.txt")]
    public void ConflictingOptions_ExitTwoWithAMessage_AndWriteNothing(params string[] options)
    {
        using var tree = Tree();

        var (code, output, error) = CliRunner.Run(tree.Root, ["lint", "k8s", .. options]);

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("manifestlint: ", error, StringComparison.Ordinal);
        Assert.Equal(["k8s"], Directory.GetFileSystemEntries(tree.Root).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("no/such/dir/report.sarif")]
    [InlineData("k8s/pod.yaml/report.sarif")]
    [InlineData("k8s")]
    public void AnOutputThatCannotBeWritten_ExitsTwo_AndLeavesNoFile(string output)
    {
        using var tree = Tree();

        var (code, stdout, error) = CliRunner.Run(tree.Root, "lint", "k8s", "-f", "sarif", "-o", output);

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("manifestlint: ", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(tree.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void AnOutputInAReadOnlyDirectory_ExitsTwo_AndLeavesNoFile()
    {
        using var tree = Tree();
        var readOnly = Path.Combine(tree.Root, "reports");
        Directory.CreateDirectory(readOnly);

        // As root a read-only mode denies nothing; /proc refuses new files even to root.
        var output = Unprivileged.IsRoot ? "/proc/manifestlint-report.sarif" : Path.Combine(readOnly, "report.sarif");
        if (!Unprivileged.IsRoot && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        try
        {
            var (code, stdout, error) = CliRunner.Run(tree.Root, "lint", "k8s", "-f", "sarif", "-o", output);

            Assert.Equal(ExitCodes.ToolFailure, code);
            Assert.Equal(string.Empty, stdout);
            Assert.StartsWith($"manifestlint: cannot write {output}", error, StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
        finally
        {
            Unprivileged.Allow(readOnly, directory: true);
        }
    }

    [Fact]
    public void AWriteThatFailsHalfway_LeavesThePreviousReportAndNoTemporaryFile()
    {
        using var tree = Tree();
        var report = Path.Combine(tree.Root, "report.sarif");
        File.WriteAllText(report, "previous run");

        var failure = Record.Exception(() => AtomicFile.Write(report, stream =>
        {
            stream.Write("{\"runs\": ["u8);
            throw new IOException("disk full");
        }));

        Assert.IsType<IOException>(failure);
        Assert.Equal("previous run", File.ReadAllText(report));
        Assert.Equal(["report.sarif"], Directory.GetFiles(tree.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void ALeftoverTemporaryFileOfAKilledRun_DoesNotStopTheNextRun()
    {
        using var tree = Tree();
        File.WriteAllText(Path.Combine(tree.Root, $".report.sarif.{Environment.ProcessId}.tmp"), "half a log");

        var (code, _, _) = CliRunner.Run(tree.Root, "lint", "k8s", "-f", "sarif", "-o", "report.sarif");

        Assert.Equal(ExitCodes.Findings, code);
        Sarif.SarifSchemaValidator.AssertValid(File.ReadAllText(Path.Combine(tree.Root, "report.sarif")));
    }

    [Theory]
    [InlineData("binary", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF })]
    [InlineData("invalid UTF-8", new byte[] { (byte)'r', (byte)':', (byte)' ', 0xC3, 0x28 })]
    [InlineData("a list", new byte[] { (byte)'-', (byte)' ', (byte)'a', (byte)'\n' })]
    [InlineData("a string", new byte[] { (byte)'h', (byte)'i', (byte)'\n' })]
    [InlineData("JSON of the wrong shape", new byte[] { (byte)'[', (byte)'1', (byte)']' })]
    [InlineData("broken YAML", new byte[] { (byte)'r', (byte)'u', (byte)'l', (byte)'e', (byte)'s', (byte)':', (byte)' ', (byte)'[', (byte)'\n' })]
    [InlineData("two documents", new byte[] { (byte)'a', (byte)':', (byte)' ', (byte)'1', (byte)'\n', (byte)'-', (byte)'-', (byte)'-', (byte)'\n', (byte)'b', (byte)':', (byte)' ', (byte)'2', (byte)'\n' })]
    public void AConfigurationThatIsNotAValidConfiguration_ExitsTwo_NamingTheFile(string what, byte[] content)
    {
        using var tree = Tree();
        File.WriteAllBytes(Path.Combine(tree.Root, "config.yaml"), content);
        File.WriteAllBytes(Path.Combine(tree.Root, ".manifestlint.yaml"), content);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "k8s", "--config", "config.yaml");
        var (discovered, _, discoveredError) = CliRunner.Run(tree.Root, "lint", "k8s");

        Assert.True(code == ExitCodes.ToolFailure && discovered == ExitCodes.ToolFailure, $"{what}: {code}, {discovered}\n{error}\n{discoveredError}");
        Assert.Equal(string.Empty, output);
        Assert.Contains("config.yaml", error, StringComparison.Ordinal);
        Assert.Contains(".manifestlint.yaml", discoveredError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + discoveredError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a directory")]
    [InlineData("/dev/zero")]
    public void AConfigurationPathThatIsNotAFile_ExitsTwo(string what)
    {
        using var tree = Tree();
        var path = what == "a directory" ? "k8s" : what;
        if (OperatingSystem.IsWindows() && path.StartsWith('/'))
        {
            return;
        }

        var (code, _, error) = Deadline.Run(() => CliRunner.Run(tree.Root, "lint", "k8s", "--config", path));

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x02 })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'r', (byte)'u', (byte)'n', (byte)'s', (byte)'"', (byte)':', (byte)'4', (byte)'}' })]
    [InlineData(new byte[] { (byte)'[' })]
    public void ABaselineThatIsNotSarif_ExitsTwo(byte[] content)
    {
        using var tree = Tree();
        File.WriteAllBytes(Path.Combine(tree.Root, "baseline.sarif"), content);

        var (code, _, error) = CliRunner.Run(tree.Root, "lint", "k8s", "--baseline", "baseline.sarif");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.StartsWith("manifestlint: cannot read the baseline baseline.sarif", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInputThatIsNotText_IsML0001()
    {
        using var tree = Tree();

        var (code, output, _) = CliRunner.RunWithInput(tree.Root, Encoding.Latin1.GetString([0x00, 0xFF, 0xFE, 0x00]), "lint", "-");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("<stdin>(1,1): error ML0001", output, StringComparison.Ordinal);
    }

    private static TempTree Tree()
    {
        var tree = new TempTree();
        tree.Write("k8s/pod.yaml", Lint.PodWithoutLimit);
        return tree;
    }
}
