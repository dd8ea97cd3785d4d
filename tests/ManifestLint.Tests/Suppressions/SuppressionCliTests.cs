using System.Text.Json.Nodes;
using ManifestLint.Cli;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.Configuration;
using ManifestLint.Tests.Sarif;
using Xunit;

namespace ManifestLint.Tests.Suppressions;

public class SuppressionCliTests
{
    private const string Suppressed = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
          annotations:
            manifestlint.io/suppress: "ML1001 -- capped by the node pool"
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests:
                  memory: 256Mi
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: shop
        spec:
          containers:
            - name: api
              image: nginx:1.27
              # manifestlint-disable-next-line ML1002 -- requests come from the namespace's LimitRange in the cluster
              resources:
                limits:
                  cpu: 100m
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: worker
          namespace: shop
        spec:
          containers:
            - name: worker
              image: nginx:1.27
              resources:
                requests:
                  memory: 128Mi
        """;

    [Fact]
    public void SuppressedFindings_AreLeftOutOfTextOutput_AndDoNotFailTheRun()
    {
        using var tree = Tree();

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "pods.yaml");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Equal(["pods.yaml(39,7): warning ML1001:"], output.Split('\n').Where(l => l.Contains(": warning", StringComparison.Ordinal)).Select(l => l[..(l.IndexOf("ML1001:", StringComparison.Ordinal) + 7)]));
        Assert.EndsWith("; 2 suppressed.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlySuppressedFindings_ExitZero()
    {
        using var tree = Tree();
        tree.Write("one.yaml", Suppressed.Split("---")[0]);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "one.yaml");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("No findings in 1 file (1 object); 1 suppressed.\n", output);
    }

    [Fact]
    public void ShowSuppressed_ListsThemWithTheirReason_StillExitingOnActiveOnly()
    {
        using var tree = Tree();
        tree.Write("one.yaml", Suppressed.Split("---")[0]);

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "one.yaml", "--show-suppressed");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("one.yaml(12,7): warning ML1001: Pod shop/web, container \"web\" has no memory limit", output, StringComparison.Ordinal);
        Assert.Contains("Set resources.limits.memory. [suppressed: capped by the node pool]\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_LeavesSuppressedFindingsOut_ByDefault()
    {
        using var tree = Tree();

        var (_, output, _) = CliRunner.Run(tree.Root, "lint", "pods.yaml", "--format", "sarif");

        var results = Results(output);
        Assert.Equal(["ML1001"], results.Select(r => (string?)r!["ruleId"]));
        Assert.All(results, r => Assert.Null(r!["suppressions"]));
    }

    [Fact]
    public void IncludeSuppressed_WritesEveryResultWithASuppressionsArray_ValidAgainstBothSchemas()
    {
        using var tree = Tree();

        var (code, output, _) = CliRunner.Run(tree.Root, "lint", "pods.yaml", "--format", "sarif", "--include-suppressed");

        Assert.Equal(ExitCodes.Findings, code);
        SarifSchemaValidator.AssertValid(output);
        var results = Results(output);
        Assert.Equal(["ML1001", "ML1002", "ML1001"], results.Select(r => (string?)r!["ruleId"]));
        Assert.All(results, r => Assert.NotNull(r!["suppressions"]));
        var annotation = results[0]!["suppressions"]!.AsArray().Single()!;
        Assert.Equal("inSource", (string?)annotation["kind"]);
        Assert.Equal("capped by the node pool", (string?)annotation["justification"]);
        Assert.Equal(7, (int)annotation["location"]!["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Equal("requests come from the namespace's LimitRange in the cluster", (string?)results[1]!["suppressions"]![0]!["justification"]);
        Assert.Empty(results[2]!["suppressions"]!.AsArray());
    }

    private static JsonArray Results(string sarif) => JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();

    private static TempTree Tree()
    {
        var tree = ConfigurationCliTests.Repository();
        tree.Write("pods.yaml", Suppressed);
        return tree;
    }
}
