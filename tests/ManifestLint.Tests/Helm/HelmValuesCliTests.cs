using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>
/// The Helm values flow through the command line: the configuration file's <c>helm:</c> section applied to renders,
/// a values file that does not parse reported at its line, a <c>--set</c> nothing reads as a note, and <c>--fix</c>
/// writing a chart finding's fix into its values file.
/// </summary>
public class HelmValuesCliTests
{
    private const string Chart = "apiVersion: v2\nname: api\nversion: 1.0.0\n";

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
                  {{- with .Values.resources }}
                  resources:
                    {{- toYaml . | nindent 12 }}
                  {{- end }}
        """;

    private const string TestHook = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{ .Release.Name }}-test
          annotations:
            "helm.sh/hook": test
        spec:
          containers:
            - name: probe
              image: busybox
        """;

    private static string[] Lint(params string[] args) => ["lint", .. args, "--helm", HelmTool.Executable];

    private static void WriteChart(TempTree tree, string values = "resources:\n  requests:\n    memory: 256Mi\n")
    {
        tree.Write("charts/api/Chart.yaml", Chart);
        tree.Write("charts/api/values.yaml", values);
        tree.Write("charts/api/templates/deployment.yaml", Deployment);
        tree.Write("charts/api/templates/tests/test.yaml", TestHook);
        tree.Write("charts/api/ci/big-values.yaml", "resources:\n  requests:\n    memory: 2Gi\n");
    }

    [Fact]
    public void TheConfigurationFilesHelmSection_AppliesToRenders()
    {
        using var tree = new TempTree();
        WriteChart(tree);
        var (_, before, _) = CliRunner.Run(tree.Root, Lint("charts"));
        tree.Write(".manifestlint.yaml", "helm:\n  includeTests: true\n  variants: false\n  set: [\"resources.requests.memory=300Mi\"]\n  releaseName: shop\n  timeout: 30\n");

        var (code, output, error) = CliRunner.Run(tree.Root, Lint("charts"));

        Assert.True(code == ExitCodes.Findings, error);
        Assert.Contains("ci/big-values.yaml", before, StringComparison.Ordinal);
        Assert.DoesNotContain("templates/tests/test.yaml", before, StringComparison.Ordinal);
        Assert.Contains("charts/api/templates/tests/test.yaml", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ci/big-values.yaml", output, StringComparison.Ordinal);
        Assert.Contains("Deployment default/shop-api", output, StringComparison.Ordinal);
        Assert.Contains("values: default + --set resources.requests.memory=300Mi]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AValuesFileThatDoesNotParse_IsML0002AtItsLine()
    {
        using var tree = new TempTree();
        WriteChart(tree, "replicaCount: 1\nimage:\n  repository: nginx\n   tag: [oops\n");

        var (code, output, error) = CliRunner.Run(tree.Root, Lint("charts", "--format", "github"));

        Assert.True(code == ExitCodes.Findings, error);
        Assert.Contains("file=charts/api/values.yaml,line=4", output, StringComparison.Ordinal);
        Assert.Contains("ML0002", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ASetPathTheChartDoesNotRead_IsANote_NotAFailure()
    {
        using var tree = new TempTree();
        WriteChart(tree, "resources:\n  requests:\n    memory: 256Mi\n  limits:\n    memory: 256Mi\n");

        var (code, _, error) = CliRunner.Run(tree.Root, Lint("charts/api", "--set", "resourcez.limits.memory=1Gi", "--fail-level", "none"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("note: --set resourcez.limits.memory=1Gi: chart api (charts/api) reads no value named resourcez", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_WritesTheLimitIntoTheValuesFile_AndLeavesTheTemplate()
    {
        using var tree = new TempTree();
        WriteChart(tree);
        var template = File.ReadAllText(Path.Combine(tree.Root, "charts/api/templates/deployment.yaml"));

        var (code, output, error) = CliRunner.Run(tree.Root, Lint("charts", "--fix"));

        Assert.True(code is ExitCodes.Success or ExitCodes.Findings, error);
        Assert.Equal("resources:\n  requests:\n    memory: 256Mi\n  limits:\n    memory: 256Mi\n", File.ReadAllText(Path.Combine(tree.Root, "charts/api/values.yaml")));
        Assert.Equal(template, File.ReadAllText(Path.Combine(tree.Root, "charts/api/templates/deployment.yaml")));
        Assert.Equal("resources:\n  requests:\n    memory: 2Gi\n  limits:\n    memory: 2Gi\n", File.ReadAllText(Path.Combine(tree.Root, "charts/api/ci/big-values.yaml")));
        Assert.DoesNotContain("has no memory limit", output, StringComparison.Ordinal);
    }
}
