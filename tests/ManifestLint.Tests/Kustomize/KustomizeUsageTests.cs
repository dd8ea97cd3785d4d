using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// <c>lint --usage</c> over plain files and a Kustomize overlay, with the real kubectl: the plain files and each overlay
/// are engine runs of their own, and the usage data is matched over all of them, so ML8005 names only the row that
/// matches no workload of any run (it used to name the overlay's workload too, matched in the overlay's own run).
/// </summary>
public class KustomizeUsageTests
{
    private const string Web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: {memory: 100Mi}
                    limits: {memory: 200Mi}

        """;

    [Fact]
    public void UsageData_MatchedInAnOverlay_IsNotReportedAsMatchingNoWorkload()
    {
        using var tree = new TempTree();
        tree.Write("base/deploy.yaml", Web);
        tree.Write("base/kustomization.yaml", "resources:\n  - deploy.yaml\n");
        tree.Write("overlay/kustomization.yaml", "namespace: shop\nresources:\n  - ../base\n");
        tree.Write("plain/api.yaml", Web.Replace("web", "api", StringComparison.Ordinal).Replace("  name: api\n", "  name: api\n  namespace: shop\n", StringComparison.Ordinal));
        tree.Write("usage.csv", "namespace,workload,container,p95,p99\nshop,web,web,120Mi,190Mi\nshop,api,api,120Mi,190Mi\nother,gone,app,1Mi,2Mi\n");

        var (code, output, error) = CliRunner.Run(tree.Root, "lint", ".", "--usage", "usage.csv", "--kustomize", KustomizeTool.Executable, "--format", "github");

        Assert.True(code == ExitCodes.Findings, error);
        var notes = output.Split('\n').Where(l => l.Contains("title=ML8005", StringComparison.Ordinal)).ToList();
        Assert.Equal("usage.csv: 1 item of usage data matches no workload of the input: other/gone container \"app\" (line 4).", Assert.Single(notes).Split("::")[2].Split(" Lint the")[0]);
        // The data was used in both runs: the overlay's workload (on its base line) and the plain file's.
        Assert.Contains("Deployment shop/web, container \"web\": memory request 100Mi is below the observed p95", output, StringComparison.Ordinal);
        Assert.Contains("Deployment shop/api, container \"api\": memory request 100Mi is below the observed p95", output, StringComparison.Ordinal);
    }
}
