using System.Text.Json.Nodes;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Sarif;
using Xunit;

namespace ManifestLint.Tests.Sarif;

/// <summary>The real rule catalog and real analyses of inline manifests, through SARIF, against both schemas.</summary>
public class SarifRealCatalogTests
{
    private const string LimitRangeAndDeployment = """
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: container-defaults
          namespace: reports
        spec:
          limits:
            - type: Container
              default:
                memory: 512Mi
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: report-builder
          namespace: reports
        spec:
          template:
            spec:
              containers:
                - name: builder
                  image: example/builder:1.0
                  resources:
                    requests:
                      memory: 768Mi
        """;

    private const string NoResources = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: example/web:1.0
                - name: sidecar
                  image: example/sidecar:1.0
        """;

    private const string InvalidQuantity = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: batch
        spec:
          containers:
            - name: job
              image: example/job:1.0
              resources:
                requests:
                  memory: 12 GB
                limits:
                  memory: 12 GB
        """;

    private const string BrokenYaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: [unclosed
        """;

    private const string Guaranteed = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: tidy
          namespace: shop
        spec:
          containers:
            - name: app
              image: example/app:1.0
              resources:
                requests:
                  memory: 256Mi
                  cpu: 250m
                limits:
                  memory: 256Mi
                  cpu: 250m
        """;

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "manifestlint-sarif-root");

    private static readonly SarifOptions Options = new(Root, Root, "0.1.0");

    private static readonly string[] PrecisionVocabulary = ["very-high", "high", "medium", "low"];

    private static readonly Dictionary<string, string> ManifestsByName = new(StringComparer.Ordinal)
    {
        [nameof(LimitRangeAndDeployment)] = LimitRangeAndDeployment,
        [nameof(NoResources)] = NoResources,
        [nameof(InvalidQuantity)] = InvalidQuantity,
        [nameof(BrokenYaml)] = BrokenYaml,
        [nameof(Guaranteed)] = Guaranteed,
    };

    public static TheoryData<string> Manifests => [.. ManifestsByName.Keys];

    [Fact]
    public void RealAnalysisOfSeveralManifests_IsValidAgainstBothSchemas()
    {
        var result = Analyze(
            ("deploy/reports app/builder.yaml", LimitRangeAndDeployment),
            ("deploy/shop/web.yaml", NoResources),
            ("deploy/batch/pod-ü.yaml", InvalidQuantity),
            ("broken.yaml", BrokenYaml));
        var json = SarifWriter.ToJson(SarifWriter.Build(result, RuleCatalog.Default, Options));

        SarifSchemaValidator.AssertValid(json);
        var run = JsonNode.Parse(json)!["runs"]![0]!;
        var results = run["results"]!.AsArray();
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(result.Diagnostics.Count, results.Count);
        Assert.Contains(results, r => (string?)r!["ruleId"] == "ML0001");
        Assert.Contains(results, r => (string?)r!["ruleId"] == "ML0003");
        Assert.Contains(results, r => (string?)r!["ruleId"] == "ML1006");

        // The LimitRange default that makes the request exceed the limit is a related location.
        var exceeds = results.Single(r => (string?)r!["ruleId"] == "ML1003")!;
        Assert.Equal("deploy/reports%20app/builder.yaml", (string?)exceeds["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        var related = exceeds["relatedLocations"]!.AsArray().Single()!;
        Assert.Equal(1, (int)related["id"]!);
        Assert.Equal(10, (int)related["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Contains("container-defaults", (string?)related["message"]!["text"], StringComparison.Ordinal);

        Assert.Contains(results, r => (string?)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"] == "deploy/batch/pod-%C3%BC.yaml");
        foreach (var r in results)
        {
            Assert.Equal((string?)r!["ruleId"], (string?)rules[(int)r["ruleIndex"]!]!["id"]);
        }

        var notifications = run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
        Assert.Equal(results.Count(r => (string?)r!["ruleId"] is "ML0001" or "ML0000"), notifications.Count);
        Assert.All(notifications, n => Assert.Equal("ML0001", (string?)n!["descriptor"]!["id"]));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void EachManifestAlone_GivesAValidLog(string name)
    {
        SarifSchemaValidator.AssertValid(SarifWriter.ToJson(SarifWriter.Build(Analyze(("m.yaml", ManifestsByName[name])), RuleCatalog.Default, Options)));
    }

    [Fact]
    public void CleanManifest_GivesAValidLogWithNoResults()
    {
        var result = Analyze(("tidy.yaml", Guaranteed));
        Assert.Empty(result.Diagnostics);

        var json = SarifWriter.ToJson(SarifWriter.Build(result, RuleCatalog.Default, Options));

        SarifSchemaValidator.AssertValid(json);
        var run = JsonNode.Parse(json)!["runs"]![0]!;
        Assert.Empty(run["results"]!.AsArray());
        Assert.Null(run["invocations"]![0]!["toolExecutionNotifications"]);
    }

    [Fact]
    public void EveryRuleOfTheRealCatalog_IsDescribed()
    {
        var catalog = RuleCatalog.Default;
        var rules = SarifWriter.Build(Analyze(), catalog, Options).Runs[0].Tool.Driver.Rules!;

        Assert.Equal(catalog.Descriptors.Select(d => d.Id), rules.Select(r => r.Id));
        foreach (var (rule, descriptor) in rules.Zip(catalog.Descriptors))
        {
            Assert.Equal(descriptor.Name, rule.Name);
            Assert.Equal(descriptor.Title, rule.ShortDescription!.Text);
            Assert.False(string.IsNullOrWhiteSpace(rule.FullDescription!.Text));
            Assert.Equal(descriptor.Page, rule.Help!.Markdown);
            Assert.False(string.IsNullOrWhiteSpace(rule.Help.Text));
            Assert.Equal(descriptor.HelpUri, rule.HelpUri);
            Assert.Equal(descriptor.DefaultSeverity.ToString().ToLowerInvariant(), rule.DefaultConfiguration!.Level);

            // Every page's precision is in the code scanning vocabulary, so none is silently dropped.
            Assert.Contains((string?)rule.Properties!["precision"], PrecisionVocabulary);
            Assert.Equal(descriptor.Category, (string?)rule.Properties["tags"]![0]);
        }
    }

    [Fact]
    public void Fingerprints_DoNotChangeWhenLinesMove()
    {
        var inputs = new[] { ("deploy/reports.yaml", LimitRangeAndDeployment), ("deploy/shop/web.yaml", NoResources), ("broken.yaml", BrokenYaml) };
        var before = SarifWriter.Build(Analyze(inputs), RuleCatalog.Default, Options).Runs[0].Results;
        var after = SarifWriter.Build(Analyze([.. inputs.Select(i => (i.Item1, "\n\n\n" + i.Item2))]), RuleCatalog.Default, Options).Runs[0].Results;

        Assert.NotEmpty(before);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(
            before.Select(r => (r.RuleId, r.PartialFingerprints!["manifestlint/v1"])).Order(),
            after.Select(r => (r.RuleId, r.PartialFingerprints!["manifestlint/v1"])).Order());
        Assert.Equal(
            before.Select(r => r.Locations![0].PhysicalLocation!.Region!.StartLine!.Value + 3).Order(),
            after.Select(r => r.Locations![0].PhysicalLocation!.Region!.StartLine!.Value).Order());
        var all = before.Select(r => r.PartialFingerprints!["manifestlint/v1"]).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    private static AnalysisResult Analyze(params (string Path, string Text)[] files) =>
        new AnalysisEngine().Analyze([.. files.Select(f => AnalysisInput.FromText(f.Path, f.Text))], new AnalysisOptions { MaxParallelism = 1 });
}
