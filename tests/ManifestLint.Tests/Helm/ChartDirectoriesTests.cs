using ManifestLint.Cli.Input;
using ManifestLint.Helm;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Helm;

public class ChartDirectoriesTests
{
    [Fact]
    public void AFileInAVendoredSubchart_BelongsToTheChartItIsVendoredIn()
    {
        using var tree = new TempTree();
        tree.Write("charts/web/Chart.yaml", "name: web\n");
        var template = tree.Write("charts/web/charts/redis/templates/master.yaml", "kind: StatefulSet\n");
        tree.Write("charts/web/charts/redis/Chart.yaml", "name: redis\n");

        Assert.Equal(Path.Combine(tree.Root, "charts", "web"), ChartDirectories.EnclosingChart(template));
        Assert.Null(ChartDirectories.EnclosingChart(tree.Write("k8s/pod.yaml", "kind: Pod\n")));
    }

    [Fact]
    public void Collect_TakesChartsOnce_AndNeverTheirFilesAsYaml()
    {
        using var tree = new TempTree();
        tree.Write("charts/web/Chart.yaml", "name: web\n");
        tree.Write("charts/web/values.yaml", "replicas: 1\n");
        tree.Write("charts/web/templates/deployment.yaml", "kind: Deployment\n");
        tree.Write("charts/api/Chart.yaml", "name: api\n");
        tree.Write("k8s/pod.yaml", "kind: Pod\n");
        var environment = new ManifestLint.Cli.CliEnvironment(TextWriter.Null, TextWriter.Null, () => Stream.Null, tree.Root);

        var walked = InputCollector.Collect(["."], environment);
        var preCommit = InputCollector.Collect(["charts/web/templates/deployment.yaml", "charts/web/values.yaml", "k8s/pod.yaml"], environment);

        Assert.Equal(["k8s/pod.yaml"], walked.Inputs.Select(i => i.Path));
        Assert.Equal(["charts/api", "charts/web"], walked.Charts.Select(c => c.DisplayPath));
        Assert.Equal(["k8s/pod.yaml"], preCommit.Inputs.Select(i => i.Path));
        Assert.Equal(["charts/web"], preCommit.Charts.Select(c => c.DisplayPath));
    }
}
