using ManifestLint.Tests.Helm;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>
/// The Native AOT binary, published from a clean checkout by <c>scripts/publish-aot.sh</c> (which fails on any
/// trimming or AOT warning), gives the same exit code, standard output and standard error as the JIT build on the
/// samples: every report format, Helm charts, standard input, configuration files (YAML and JSON syntax), baselines
/// (SARIF read back with source-generated System.Text.Json) and the other commands.
/// </summary>
[Collection(EndToEndTests.Name)]
public class NativeAotTests(CleanCheckout checkout, ITestOutputHelper log)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void AotBinary_GivesTheJitBuildsOutput()
    {
        var output = Path.Combine(checkout.Directory, "aot");
        var publish = ProcessRunner.Run(
            "bash",
            // The version of the build it is compared with (MinVer counts commits, and the clean checkout has one).
            [Path.Combine(checkout.Root, "scripts", "publish-aot.sh"), output, "--artifacts-path", Path.Combine(checkout.Directory, "aot-artifacts"), $"-p:MinVerVersionOverride={(global::ManifestLint.Cli.Commands.LintRunner.ToolVersion)}"],
            checkout.Root,
            PublishTimeout);
        Assert.True(publish.ExitCode == 0, $"scripts/publish-aot.sh: {publish}");
        Assert.DoesNotContain("warning", publish.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["manifestlint", "manifestlint.dbg"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var aot = Path.Combine(output, "manifestlint");
        log.WriteLine($"publish-aot.sh: {publish.Elapsed.TotalSeconds:0.0} s; binary {new FileInfo(aot).Length:N0} bytes");

        var jit = Path.Combine(AppContext.BaseDirectory, "manifestlint.dll");
        var helm = HelmTool.Executable;
        var work = Path.Combine(checkout.Directory, "aot-compare");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "config.json"), """{"rules": {"ML1001": "none", "ML1005": {"severity": "error", "maxRatio": 3}}}""");
        var baseline = Path.Combine(work, "baseline.sarif");
        var baselineRun = Compare(aot, jit, ["baseline", "write", baseline, "samples/manifests/shop-deployment.yaml"]);
        Assert.Equal(0, baselineRun.ExitCode);

        string[][] cases =
        [
            ["lint", "samples", "--helm", helm],
            ["lint", "samples", "--format", "sarif", "--helm", helm],
            ["lint", "samples", "--format", "json", "--show-suppressed", "--helm", helm],
            ["lint", "samples", "--format", "github", "--helm", helm],
            ["lint", "samples", "--format", "markdown", "--helm", helm],
            ["lint", "samples/manifests", "--summary", "--quiet"],
            ["lint", "samples/manifests", "--config", Path.Combine(work, "config.json"), "--fail-level", "error"],
            ["lint", "samples/manifests", "--baseline", baseline, "--format", "sarif"],
            ["lint", "samples/manifests", "--fix", "--dry-run"],
            ["lint", "-"],
            ["lint", "samples/manifests", "-f", "nope"],
            ["config", "--print", "samples/manifests"],
            ["rules", "--format", "markdown"],
            ["explain", "ML2002"],
            ["lint", "--help"],
        ];
        foreach (var arguments in cases)
        {
            var result = Compare(aot, jit, arguments);
            log.WriteLine($"{string.Join(' ', arguments)}: exit {result.ExitCode}, {result.Out.Length} characters");
        }

        var small = new[] { "lint", "samples/manifests/shop-deployment.yaml" };
        var aotTime = Enumerable.Range(0, 5).Select(_ => ProcessRunner.Run(aot, small, checkout.Root, RunTimeout).Elapsed.TotalMilliseconds).Min();
        var jitTime = Enumerable.Range(0, 5).Select(_ => ProcessRunner.Run("dotnet", [jit, .. small], checkout.Root, RunTimeout).Elapsed.TotalMilliseconds).Min();
        log.WriteLine($"one small file, best of 5: AOT {aotTime:0} ms, JIT {jitTime:0} ms");

        // The language: system hook with the binary on PATH, on the staged files of a repository.
        var hook = PreCommitHook.Get("manifestlint-system");
        Assert.Equal(("system", true), (hook.Language, hook.RequireSerial));
        var repository = SampleRepository.Create(checkout.Directory);
        var entry = hook.Entry.Split(' ');
        var files = hook.Select(repository.StagedFiles());
        var environment = new Dictionary<string, string?> { ["PATH"] = $"{output}{Path.PathSeparator}{Path.GetDirectoryName(helm)}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}" };
        var system = ProcessRunner.Run(entry[0], [.. entry[1..], .. files], repository.Root, RunTimeout, environment);
        var expected = ProcessRunner.Run("dotnet", [jit, .. entry[1..], .. files], repository.Root, RunTimeout, environment);
        Assert.Equal(1, system.ExitCode);
        Assert.Equal((expected.ExitCode, expected.Out, expected.Error), (system.ExitCode, system.Out, system.Error));
    }

    /// <summary>Runs both builds in the checkout with the same arguments (and a manifest on standard input) and asserts equal results.</summary>
    private ProcessResult Compare(string aot, string jit, string[] arguments)
    {
        var input = File.ReadAllText(Path.Combine(checkout.Root, "samples", "manifests", "jvm-services.yaml"));
        var native = ProcessRunner.Run(aot, arguments, checkout.Root, RunTimeout, standardInput: input);
        var managed = ProcessRunner.Run("dotnet", [jit, .. arguments], checkout.Root, RunTimeout, standardInput: input);
        Assert.True(
            (native.ExitCode, native.Out, native.Error) == (managed.ExitCode, managed.Out, managed.Error),
            $"manifestlint {string.Join(' ', arguments)}\n=== AOT: {native}\n=== JIT: {managed}");
        Assert.DoesNotContain("internal error", native.Error, StringComparison.Ordinal);
        return native;
    }
}
