using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using Xunit;

namespace ManifestLint.Tests.Configuration;

/// <summary>The engine with a configuration: per-file severities and options, overrides, excluded files.</summary>
public class ConfiguredAnalysisTests
{
    private const string RatioOfFour = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
            - name: web
              image: nginx:1.27
              resources:
                requests:
                  memory: 256Mi
                limits:
                  memory: 1Gi
        """;

    private const string NoResources = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: batch
          namespace: jobs
        spec:
          containers:
            - name: batch
              image: busybox:1.37
        """;

    [Fact]
    public void WithoutConfiguration_DefaultsApply()
    {
        var findings = Analyze(null, ("web.yaml", RatioOfFour));

        Assert.Equal(["ML1005"], findings.Select(d => d.RuleId));
        Assert.Equal(Severity.Warning, findings[0].Severity);
    }

    [Fact]
    public void RuleOption_ChangesTheThreshold_AndSeverityTheLevel()
    {
        Assert.Empty(Analyze("rules: { ML1005: { maxRatio: 4 } }", ("web.yaml", RatioOfFour)));
        Assert.Equal(Severity.Note, Assert.Single(Analyze("rules: { ML1005: { severity: note, maxRatio: 3 } }", ("web.yaml", RatioOfFour))).Severity);
        Assert.Empty(Analyze("rules: { ML1005: none }", ("web.yaml", RatioOfFour)));
    }

    [Fact]
    public void CategorySeverity_AppliesToEveryRuleOfIt()
    {
        var findings = Analyze("rules: { Resources: note, ML1006: none }", ("batch.yaml", NoResources));

        // ML1006 off hands the BestEffort pod's container to ML1002, which says both request and limit are missing.
        Assert.Equal(["ML1002"], findings.Select(d => d.RuleId).Order(StringComparer.Ordinal));
        Assert.All(findings, d => Assert.Equal(Severity.Note, d.Severity));
    }

    [Fact]
    public void Overrides_ChangeSeveritiesAndOptions_OnlyForMatchingFiles()
    {
        const string config = """
            overrides:
              - files: ["charts/legacy/**"]
                rules: { ML1006: none, ML1005: { maxRatio: 8 } }
            """;

        var findings = Analyze(config, ("charts/legacy/web.yaml", RatioOfFour), ("charts/legacy/batch.yaml", NoResources), ("apps/web.yaml", RatioOfFour), ("apps/batch.yaml", NoResources));

        Assert.Equal(
            ["apps/batch.yaml ML1006", "apps/web.yaml ML1005", "charts/legacy/batch.yaml ML1002"],
            findings.Select(d => $"{d.Location.Path} {d.RuleId}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExcludedFiles_AreNotRead()
    {
        var read = new List<string>();
        var configuration = Configuration("exclude: [\"**/testdata/**\"]");
        var inputs = new[] { ("apps/web.yaml", RatioOfFour), ("apps/testdata/bad.yaml", NoResources) }
            .Select(f => new AnalysisInput(f.Item1, () =>
            {
                lock (read)
                {
                    read.Add(f.Item1);
                }

                return System.Text.Encoding.UTF8.GetBytes(f.Item2);
            }))
            .ToList();

        var result = new AnalysisEngine().Analyze(inputs, AnalysisOptions.Default with { Configuration = configuration });

        // The engine reads a file twice (pass 1: the namespace index; pass 2: the analysis), but never an excluded one.
        Assert.Equal(["apps/web.yaml"], read.Distinct());
        Assert.Equal(1, result.FileCount);
    }

    [Fact]
    public void CallerOverrides_WinOverTheConfiguration()
    {
        var options = AnalysisOptions.Default with
        {
            Configuration = Configuration("rules: { ML1005: { severity: none, maxRatio: 8 } }"),
            SeverityOverrides = new Dictionary<string, Severity> { ["ML1005"] = Severity.Error },
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>> { ["ML1005"] = new Dictionary<string, string> { ["maxRatio"] = "3" } }),
        };

        var finding = Assert.Single(new AnalysisEngine().Analyze([AnalysisInput.FromText("web.yaml", RatioOfFour)], options).Diagnostics);

        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void CrossFileFindings_TakeTheSeverityOfTheFileTheyPointAt()
    {
        const string hpa = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: wbe
              minReplicas: 2
              maxReplicas: 4
            """;
        const string deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                matchLabels: { app: web }
              template:
                metadata:
                  labels: { app: web }
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      resources:
                        requests: { memory: 256Mi, cpu: 100m }
                        limits: { memory: 256Mi, cpu: 100m }
            """;
        const string config = """
            overrides:
              - files: ["legacy/**"]
                rules: { Autoscaling: none }
            """;

        var everywhere = Analyze(null, ("apps/hpa.yaml", hpa), ("apps/web.yaml", deployment));
        var legacy = Analyze(config, ("legacy/hpa.yaml", hpa), ("apps/web.yaml", deployment));

        Assert.Contains(everywhere, d => d.RuleId == "ML6005");
        Assert.DoesNotContain(legacy, d => d.RuleId == "ML6005");
    }

    internal static ConfigurationSet Configuration(string yaml, string directory = "")
    {
        var files = new InMemoryFiles().AddDirectory(".git").Add(Path.Combine(directory, ".manifestlint.yaml"), yaml);
        return ConfigurationSet.Discover(files.Access, RuleCatalog.Default, InMemoryFiles.Root);
    }

    private static List<Diagnostic> Analyze(string? config, params (string Path, string Yaml)[] files) =>
        new AnalysisEngine().Analyze(
            files.Select(f => AnalysisInput.FromText(f.Path, f.Yaml)).ToList(),
            AnalysisOptions.Default with { Configuration = config is null ? null : Configuration(config) }).Diagnostics.ToList();
}
