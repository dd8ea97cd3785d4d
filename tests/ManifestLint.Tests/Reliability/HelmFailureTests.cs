using System.Diagnostics;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.Helm;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// Charts that do not render, a chart that never finishes, and a helm that prints garbage, hangs on its pipes or is
/// not there: each chart is at worst one ML0002 at its Chart.yaml, and the plain files beside it are still linted.
/// </summary>
public class HelmFailureTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-api
        spec:
          template:
            spec:
              containers:
                - name: api
                  resources:
                    requests: {memory: 64Mi}
        """;

    private static void WriteChart(TempTree tree, string name, string template, string? chartExtra = null)
    {
        tree.Write($"charts/{name}/Chart.yaml", $"apiVersion: v2\nname: {name}\nversion: 1.0.0\n{chartExtra}");
        tree.Write($"charts/{name}/values.yaml", "replicas: 1\n");
        tree.Write($"charts/{name}/templates/main.yaml", template);
        tree.Write("k8s/pod.yaml", Lint.PodWithoutLimit);
    }

    private static string FakeHelm(TempTree tree, string script)
    {
        var path = tree.Write("bin/helm", "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    [Fact]
    public void ATemplateThatFails_IsML0002WithHelmsMessage_AndTheRestIsLinted()
    {
        using var tree = new TempTree();
        WriteChart(tree, "broken", "{{ fail \"the database password is required\" }}\n");
        WriteChart(tree, "api", Deployment);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".", "--helm", HelmTool.Executable);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("charts/broken/Chart.yaml(2,1): error ML0002: Helm cannot render chart broken:", output, StringComparison.Ordinal);
        Assert.Contains("the database password is required", output, StringComparison.Ordinal);
        Assert.Contains("charts/api/templates/main.yaml(", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplateWithInvalidYamlOutput_IsML0002()
    {
        using var tree = new TempTree();
        WriteChart(tree, "bad", "a: [\n{{ .Values.replicas }}: {\n");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".", "--helm", HelmTool.Executable);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("charts/bad/Chart.yaml(2,1): error ML0002", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AChartThatLoopsForever_IsKilledAtTheTimeout_AndReportedAsML0002()
    {
        using var tree = new TempTree();
        var marker = $"loop{Guid.NewGuid():N}";
        WriteChart(tree, marker, "{{- range $i := until 1000000 }}{{- range $j := until 1000000 }}{{- end }}{{- end }}\n");
        var stopwatch = Stopwatch.StartNew();

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".", "--helm", HelmTool.Executable, "--helm-timeout", "2");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
        Assert.Contains($"error ML0002: Helm cannot render chart {marker}: helm template did not finish within 2 s and was stopped", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
        Assert.False(HelmStillRunning(marker), "helm was left running after the timeout");
    }

    [Fact]
    public void AMissingLocalDependency_IsML0002()
    {
        using var tree = new TempTree();
        WriteChart(tree, "app", Deployment, "dependencies:\n  - name: common\n    version: 1.x.x\n    repository: file://../common\n");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".", "--helm", HelmTool.Executable);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("charts/app/Chart.yaml(2,1): error ML0002: Helm cannot render chart app:", output, StringComparison.Ordinal);
        Assert.Contains("missing in charts/ directory: common", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("binary on standard output", "head -c 20000 /dev/urandom; exit 0")]
    [InlineData("NUL bytes and invalid UTF-8", "printf 'kind: Pod\\000\\377\\376\\n---\\n\\303\\050: x\\n'; exit 0")]
    [InlineData("unterminated YAML", "printf -- '---\\n# Source: api/templates/main.yaml\\nkind: [Pod\\n'; exit 0")]
    [InlineData("a thousand empty documents", "i=0; while [ $i -lt 1000 ]; do echo '---'; i=$((i+1)); done; exit 0")]
    [InlineData("an error with escape codes", "printf '\\033[31mError: \\033[0mrendering failed\\n\\a\\000' >&2; exit 1")]
    [InlineData("an error of many megabytes", "head -c 5000000 /dev/zero | tr '\\000' x >&2; exit 1")]
    [InlineData("a failure without a message", "exit 3")]
    [InlineData("a crash by signal", "kill -SEGV $$")]
    [InlineData("source paths that leave the chart", "printf -- '---\\n# Source: ../../../../../../dev/zero\\napiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\nspec: {containers: [{name: c}]}\\n---\\n# Source: /dev/zero\\napiVersion: v1\\nkind: Pod\\nmetadata: {name: q}\\nspec: {containers: [{name: c}]}\\n'; exit 0")]
    [InlineData("a source path with a newline", "printf -- '---\\n# Source: api/templates/a\\rb.yaml\\napiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\nspec: {containers: [{name: c}]}\\n'; exit 0")]
    public void HelmPrintingGarbage_IsAtWorstML0002_AndTheRestIsLinted(string what, string script)
    {
        using var tree = new TempTree();
        WriteChart(tree, "api", Deployment);
        var helm = FakeHelm(tree, script);

        var (code, output, error) = Deadline.Run(() => CliRunner.Run(tree.Root, "lint", ".", "--helm", helm, "--helm-timeout", "20"));

        Assert.True(code == ExitCodes.Findings, $"{what}: exit {code}\n{output}\n{error}");
        Assert.DoesNotContain("ML0000", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length < 20_000, $"{what}: a {line.Length:N0}-character line"));
    }

    [Fact]
    public void HelmPrintingWithoutEnd_IsStoppedAtTheOutputLimit()
    {
        using var tree = new TempTree();
        WriteChart(tree, "api", Deployment);
        var helm = FakeHelm(tree, "yes 'kind: Pod'");
        var stopwatch = Stopwatch.StartNew();

        var (code, output, _) = Deadline.Run(() => CliRunner.Run(tree.Root, "lint", ".", "--helm", helm, "--helm-timeout", "60"));

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("error ML0002: Helm cannot render chart api: helm printed more than", output, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void AHelmWhoseChildKeepsItsPipesOpen_IsStoppedAtTheTimeout()
    {
        using var tree = new TempTree();
        WriteChart(tree, "api", Deployment);
        var pidFile = Path.Combine(tree.Root, "sleep.pid");
        var helm = FakeHelm(tree, $"sleep 120 &\necho $! > '{pidFile}'\necho 'kind: Pod'\nexit 0");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var (code, output, _) = Deadline.Run(() => CliRunner.Run(tree.Root, "lint", ".", "--helm", helm, "--helm-timeout", "2"));

            Assert.Equal(ExitCodes.Findings, code);
            Assert.Contains("error ML0002", output, StringComparison.Ordinal);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
        }
        finally
        {
            // The fake helm's child outlives it (that is the case under test): stop it by its PID, not after 120 s.
            StopOrphan(pidFile);
        }
    }

    private static void StopOrphan(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        try
        {
            using var orphan = Process.GetProcessById(pid);
            if (orphan.ProcessName == "sleep")
            {
                orphan.Kill();
                orphan.WaitForExit(5000);
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    [Fact]
    public void AHelmThatIsNotExecutable_IsML0002()
    {
        using var tree = new TempTree();
        WriteChart(tree, "api", Deployment);
        var helm = tree.Write("bin/helm", "not a program");

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", ".", "--helm", helm);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("charts/api/Chart.yaml(2,1): error ML0002: Helm cannot render chart api: cannot run", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(8,7): warning ML1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void HelmMissing_IsExitTwo_AndNothingIsHalfDone()
    {
        using var tree = new TempTree();
        WriteChart(tree, "api", Deployment);

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", ".", "--helm", Path.Combine(tree.Root, "no", "helm"), "-o", "report.sarif", "-f", "sarif");

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("helm template release CHART | manifestlint lint -", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tree.Root, "report.sarif")));
    }

    [Fact]
    public void RenderedOutputOnStandardInput_NamingDevicesAsSources_IsLintedWithoutReadingThem()
    {
        using var tree = new TempTree();
        const string Rendered = "---\n# Source: /dev/zero\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}\n---\n# Source: ../../../../dev/zero\napiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec: {containers: [{name: c}]}\n";

        var (code, output, _) = Deadline.Run(() => CliRunner.RunWithInput(tree.Root, Rendered, "lint", "-"));

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("Pod default/p", output, StringComparison.Ordinal);
        Assert.Contains("Pod default/q", output, StringComparison.Ordinal);
    }

    /// <summary>Whether a process whose command line mentions <paramref name="marker"/> is still alive (Linux /proc).</summary>
    private static bool HelmStillRunning(string marker)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        Thread.Sleep(500);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out _) && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return false;
    }
}
