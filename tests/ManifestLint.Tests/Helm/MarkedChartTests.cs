using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Templates;
using ManifestLint.Tests.Cli;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>The marked copy links what Helm only reads, writes the marked templates as files of its own, and never touches the chart.</summary>
public class MarkedChartTests
{
    [Fact]
    public void MarkedTemplatesAreFilesOfTheCopy_EverythingElseIsLinked_AndTheChartIsUntouched()
    {
        using var tree = new TempTree();
        var template = "kind: ConfigMap\nmetadata:\n  name: x\n";
        tree.Write("web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        tree.Write("web/values.yaml", "a: 1\n");
        tree.Write("web/ci/prod-values.yaml", "a: 2\n");
        tree.Write("web/templates/NOTES.txt", "notes\n");
        tree.Write("web/templates/cm.yaml", template);
        tree.Write("web/charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n");
        tree.Write("web/charts/db/templates/svc.yaml", template);
        var chart = Path.Combine(tree.Root, "web");

        var copy = MarkedChart.Create(ChartLayout.Read(chart), Path.Combine(tree.Root, "copy"), new TemplateCache());
        Assert.True(copy.Unmark(Path.Combine(chart, "charts", "db", "templates", "svc.yaml")));

        Assert.Null(new FileInfo(Path.Combine(copy.Directory, "templates", "cm.yaml")).LinkTarget);
        Assert.Contains("#@ml:", File.ReadAllText(Path.Combine(copy.Directory, "templates", "cm.yaml")), StringComparison.Ordinal);
        Assert.Null(new FileInfo(Path.Combine(copy.Directory, "charts", "db", "templates", "svc.yaml")).LinkTarget);
        Assert.Equal("a: 2\n", File.ReadAllText(Path.Combine(copy.Directory, "ci", "prod-values.yaml")));
        Assert.Equal("notes\n", File.ReadAllText(Path.Combine(copy.Directory, "templates", "NOTES.txt")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.NotNull(new FileInfo(Path.Combine(copy.Directory, "values.yaml")).LinkTarget);
            Assert.NotNull(new DirectoryInfo(Path.Combine(copy.Directory, "ci")).LinkTarget);
        }

        Assert.Equal(template, File.ReadAllText(Path.Combine(chart, "templates", "cm.yaml")));
        Assert.Equal(template, File.ReadAllText(Path.Combine(chart, "charts", "db", "templates", "svc.yaml")));
        Directory.Delete(Path.Combine(tree.Root, "copy"), recursive: true);
        Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(chart, "values.yaml")));
        Assert.True(File.Exists(Path.Combine(chart, "ci", "prod-values.yaml")));
    }
}
