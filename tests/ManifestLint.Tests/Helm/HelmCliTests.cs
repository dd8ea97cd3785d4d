using System.Diagnostics;
using ManifestLint.Cli;
using ManifestLint.Cli.Commands;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary><c>manifestlint lint</c> on charts, end to end with the real Helm (except where a fake one is the point).</summary>
public class HelmCliTests
{
    private const string Chart = """
        apiVersion: v2
        name: api
        version: 1.0.0
        """;

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-api
        spec:
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
                - name: api
                  image: ghcr.io/example/api:1.0.0
                  resources:
                    {{- toYaml .Values.resources | nindent 12 }}
        """;

    private const string Values = """
        resources:
          requests:
            memory: 256Mi
        """;

    private const string PlainPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: plain
        spec:
          containers:
            - name: app
              image: busybox
              resources:
                requests: {memory: 64Mi}
        """;

    private static string[] Lint(params string[] args) => ["lint", .. args, "--helm", HelmTool.Executable];

    private static void WriteChart(TempTree tree, string directory)
    {
        tree.Write($"{directory}/Chart.yaml", Chart);
        tree.Write($"{directory}/values.yaml", Values);
        tree.Write($"{directory}/templates/deployment.yaml", Deployment);
    }

    [Fact]
    public void Options_AreParsedIntoTheHelmRecord()
    {
        var parse = CliApplication.CreateRootCommand(CliEnvironment.FromConsole()).Parse(
            ["lint", "charts", "--values", "a.yaml", "--values", "b.yaml", "--set", "x=1", "--set", "y=2", "--kube-version", "1.31.0",
             "--api-versions", "autoscaling.k8s.io/v1", "--release-name", "prod", "--helm", "/opt/helm", "--helm-timeout", "5", "-n", "shop"]);

        var options = LintCommand.ToOptions(parse);
        Assert.Empty(parse.Errors);
        Assert.Equal(["a.yaml", "b.yaml"], options.Helm.ValuesFiles);
        Assert.Equal(["x=1", "y=2"], options.Helm.SetValues);
        Assert.Equal(("1.31.0", "prod", "/opt/helm", 5, "shop"), (options.Helm.KubeVersion, options.Helm.ReleaseName, options.Helm.HelmPath, options.Helm.TimeoutSeconds, options.Namespace));
        Assert.Equal(["autoscaling.k8s.io/v1"], options.Helm.ApiVersions);
    }

    [Fact]
    public void AChart_IsRenderedAndItsFindingsAreOnTheTemplate()
    {
        using var tree = new TempTree();
        WriteChart(tree, "charts/api");

        var (code, output, _) = CliRunner.Run(tree.Root, Lint("charts"));

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("charts/api/templates/deployment.yaml(15,11): warning ML1001: Deployment default/release-api, container \"api\" has no memory limit", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesOfAChart_AsPreCommitPassesThem_LintTheChartOnce()
    {
        using var tree = new TempTree();
        WriteChart(tree, "charts/api");
        tree.Write("k8s/pod.yaml", PlainPod);

        var (code, output, error) = CliRunner.Run(tree.Root, Lint("charts/api/templates/deployment.yaml", "charts/api/values.yaml", "k8s/pod.yaml"));

        Assert.True(code == ExitCodes.Findings, error);
        Assert.Single(output.Split('\n'), l => l.Contains("ML1001", StringComparison.Ordinal) && l.Contains("charts/api/", StringComparison.Ordinal));
        Assert.Contains("k8s/pod.yaml(", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ML0001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseNameNamespaceSetAndValues_ReachHelm()
    {
        using var tree = new TempTree();
        WriteChart(tree, "charts/api");
        tree.Write("prod.yaml", "resources:\n  limits:\n    memory: 128Mi\n");

        var (limitCode, withLimit, limitError) = CliRunner.Run(tree.Root, Lint("charts", "--values", "prod.yaml", "--release-name", "prod", "-n", "shop"));
        var (setCode, withSet, setError) = CliRunner.Run(tree.Root, Lint("charts", "--set", "resources.limits.memory=512Mi", "--summary"));

        Assert.True(limitCode == ExitCodes.Findings, limitError);
        Assert.True(setCode is ExitCodes.Success or ExitCodes.Findings, setError);
        // The summary table: the workload on its line, its containers under it.
        Assert.Matches(@"(?m)^Deployment default/release-api\b.*\n  api\b.*\b256 MiB\s+512 MiB", withSet);
        Assert.Contains("Deployment shop/prod-api, container \"api\" requests 256Mi of memory, more than its limit of 128Mi", withLimit, StringComparison.Ordinal);
        Assert.DoesNotContain("ML1001", withSet, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingValuesFile_ExitsTwo()
    {
        using var tree = new TempTree();
        WriteChart(tree, "charts/api");

        var (code, _, error) = CliRunner.Run(tree.Root, Lint("charts", "--values", "nope.yaml"));

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("values file not found: nope.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AChartThatDoesNotRender_IsML0002_AndTheOtherChartsAndFilesAreStillLinted()
    {
        using var tree = new TempTree();
        WriteChart(tree, "charts/api");
        tree.Write("charts/billing/Chart.yaml", "apiVersion: v2\nname: billing\nversion: 0.1.0\ndependencies:\n  - name: postgresql\n    version: 16.x.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n");
        tree.Write("charts/billing/templates/x.yaml", "kind: ConfigMap\n");
        tree.Write("k8s/pod.yaml", PlainPod);

        var (code, output, _) = CliRunner.Run(tree.Root, Lint("."));

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("charts/billing/Chart.yaml(2,1): error ML0002: Helm cannot render chart billing: an error occurred while checking for chart dependencies", output, StringComparison.Ordinal);
        Assert.Contains("missing in charts/ directory: postgresql", output, StringComparison.Ordinal);
        Assert.Contains("charts/api/templates/deployment.yaml(", output, StringComparison.Ordinal);
        Assert.Contains("k8s/pod.yaml(", output, StringComparison.Ordinal);
    }

    [Fact]
    public void HelmMissing_ExitsTwo_SayingHowToInstallItOrPipeItsOutput()
    {
        using var tree = new TempTree();
        WriteChart(tree, "charts/api");

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", "charts", "--helm", Path.Combine(tree.Root, "no-such-helm"));

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("1 Helm chart(s) to lint (charts/api), but --helm", error, StringComparison.Ordinal);
        Assert.Contains("https://helm.sh/docs/intro/install/", error, StringComparison.Ordinal);
        Assert.Contains("helm template release CHART | manifestlint lint -", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutCharts_HelmIsNotNeeded()
    {
        using var tree = new TempTree();
        tree.Write("k8s/pod.yaml", PlainPod);

        var (code, _, _) = CliRunner.Run(tree.Root, "lint", "k8s", "--helm", Path.Combine(tree.Root, "no-such-helm"));

        Assert.Equal(ExitCodes.Findings, code);
    }

    [Fact]
    public void AHelmThatHangs_IsKilledAfterTheTimeout_AndReportedAsML0002()
    {
        using var tree = new TempTree();
        WriteChart(tree, "charts/api");
        var fake = tree.Write("bin/helm", "#!/bin/sh\nsleep 60\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var stopwatch = Stopwatch.StartNew();

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "charts", "--helm", fake, "--helm-timeout", "1");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
        Assert.Contains("error ML0002: Helm cannot render chart api: helm template did not finish within 1 s and was stopped", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderedOutputOnStandardInput_IsLintedPerSourceTemplate()
    {
        using var tree = new TempTree();
        WriteChart(tree, "api");
        var rendered = Render(tree.Root, "api");

        var (code, output, _) = CliRunner.RunWithInput(tree.Root, rendered, "lint", "-");
        var (elsewhereCode, elsewhere, _) = CliRunner.RunWithInput(Path.GetTempPath(), rendered, "lint", "-");

        Assert.Equal((ExitCodes.Findings, ExitCodes.Findings), (code, elsewhereCode));
        Assert.Contains("api/templates/deployment.yaml(15,11): warning ML1001", output, StringComparison.Ordinal);
        Assert.Contains("api/templates/deployment.yaml(", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("<stdin>", output + elsewhere, StringComparison.Ordinal);
    }

    private static string Render(string workingDirectory, string chart)
    {
        var start = new ProcessStartInfo(HelmTool.Executable) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "template", "release", chart })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("helm did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output;
    }
}
