using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Tests.Configuration;
using Xunit;

namespace ManifestLint.Tests.Analysis;

/// <summary>
/// Objects relate within one cluster: by default the copy of a policy object nearest in the directory tree applies,
/// with <c>scopes:</c> each matched directory is a cluster, and an object defined twice in one scope counts once.
/// </summary>
public class ScopeTests
{
    private const string LimitRange = """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: defaults, namespace: shop}
        spec:
          limits:
            - type: Container
              default: {memory: 512Mi}
              defaultRequest: {memory: 256Mi}
        """;

    private const string StrictLimitRange = """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: defaults, namespace: shop}
        spec:
          limits:
            - type: Container
              max: {memory: 128Mi}
        """;

    private static string Deployment(string name, string resources = "") => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}, namespace: shop}
        spec:
          selector: {matchLabels: {app: {{{name}}}}}
          template:
            metadata: {labels: {app: {{{name}}}}}
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/{{{name}}}:1.0.0
        {{{resources}}}
        """;

    private const string Limited = "          resources: {requests: {memory: 256Mi}, limits: {memory: 512Mi}}";

    private static string Hpa(string target) => $$$"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: {{{target}}}, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{{target}}}}
          maxReplicas: 4
          metrics:
            - type: Resource
              resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}
        """;

    [Fact]
    public void ALimitRangeCopy_AppliesToTheWorkloadsNearestToIt()
    {
        // prod's LimitRange gives defaults, staging's forbids more than 128Mi: each applies in its own environment only.
        var findings = Analyze(null, ("prod/lr.yaml", LimitRange), ("staging/lr.yaml", StrictLimitRange), ("prod/apps/web.yaml", Deployment("web")), ("staging/apps/web.yaml", Deployment("web", Limited)));

        Assert.DoesNotContain(findings, d => d.RuleId is "ML1001" or "ML1002" && d.Location.Path.StartsWith("prod/", StringComparison.Ordinal));
        Assert.Contains(findings, d => d.RuleId == "ML7001" && d.Location.Path == "staging/apps/web.yaml");
        Assert.DoesNotContain(findings, d => d.RuleId == "ML7001" && d.Location.Path.StartsWith("prod/", StringComparison.Ordinal));
    }

    [Fact]
    public void PolicyObjectsWithDifferentNames_AllApply()
    {
        var other = StrictLimitRange.Replace("name: defaults", "name: strict", StringComparison.Ordinal);
        var findings = Analyze(null, ("a/lr.yaml", LimitRange), ("b/lr.yaml", other), ("c/web.yaml", Deployment("web")));

        // The defaults of one give the container 512Mi, which the other's max forbids.
        Assert.Contains(findings, d => d.RuleId == "ML7001" && d.Message.Contains("shop/strict", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAutoscalerCopy_RelatesToTheWorkloadOfItsOwnEnvironment()
    {
        var findings = Analyze(null, ("env-a/hpa.yaml", Hpa("web")), ("env-a/web.yaml", Deployment("web")), ("env-b/hpa.yaml", Hpa("web")), ("env-b/web.yaml", Deployment("web", Limited)));

        // Only env-a's workload lacks a request; env-b's HPA must not be blamed for it.
        var finding = Assert.Single(findings, d => d.RuleId == "ML6004");
        Assert.Equal("env-a/hpa.yaml", finding.Location.Path);
        Assert.DoesNotContain(findings, d => d.RuleId == "ML6005");
    }

    [Fact]
    public void AWorkloadTwiceInOneFile_IsAnalysedOnce_WithANoteAtTheSecond()
    {
        var findings = Analyze(null, ("apps/a.yaml", Deployment("web") + "\n---\n" + Deployment("web")));

        var note = Assert.Single(findings, d => d.RuleId == "ML0006");
        Assert.Equal(("apps/a.yaml", 15), (note.Location.Path, note.Location.StartLine));
        Assert.Contains("defined again in the same file (first at apps/a.yaml:2)", note.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Note, note.Severity);
        Assert.All(findings.Where(d => d.RuleId != "ML0006"), d => Assert.True(d.Location.StartLine < 15));
        Assert.Equal(findings.Count - 1, Analyze(null, ("apps/a.yaml", Deployment("web"))).Count);
    }

    [Fact]
    public void CopiesInFilesOfOneDirectory_AreDifferentClustersCopies_EachWithItsOwnObjects()
    {
        // Each file's own LimitRange is nearest to its workload; neither is a duplicate of the other.
        var findings = Analyze(null, ("ns/a.yaml", LimitRange + "\n---\n" + Deployment("web")), ("ns/b.yaml", StrictLimitRange + "\n---\n" + Deployment("web", Limited)));

        Assert.DoesNotContain(findings, d => d.RuleId is "ML0006" or "ML1001");
        Assert.Contains(findings, d => d.RuleId == "ML7001");
        Assert.All(findings.Where(d => d.RuleId == "ML7001"), d => Assert.Equal("ns/b.yaml", d.Location.Path));
    }

    [Fact]
    public void APolicyObjectTwiceInOneFile_CountsOnce_WithANote()
    {
        var findings = Analyze(null, ("ns/policy.yaml", LimitRange + "\n---\n" + StrictLimitRange), ("ns/web.yaml", Deployment("web")));

        Assert.DoesNotContain(findings, d => d.RuleId == "ML7001");
        Assert.Equal("ns/policy.yaml", Assert.Single(findings, d => d.RuleId == "ML0006").Location.Path);
    }

    [Fact]
    public void ConfiguredScopes_KeepClustersApart_AndFindDuplicatesAcrossTheirDirectories()
    {
        var configuration = ConfiguredAnalysisTests.Configuration("scopes: [\"clusters/*\"]");
        var findings = Analyze(
            configuration,
            ("clusters/a/policy/lr.yaml", StrictLimitRange),
            ("clusters/a/apps/web.yaml", Deployment("web", Limited)),
            ("clusters/a/more/web.yaml", Deployment("web", Limited)),
            ("clusters/b/apps/web.yaml", Deployment("web", Limited)));

        Assert.Contains(findings, d => d.RuleId == "ML7001" && d.Location.Path == "clusters/a/apps/web.yaml" && d.Message.EndsWith(" [scope clusters/a]", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, d => d.RuleId == "ML7001" && d.Location.Path.StartsWith("clusters/b/", StringComparison.Ordinal));
        var note = Assert.Single(findings, d => d.RuleId == "ML0006");
        Assert.Equal("clusters/a/more/web.yaml", note.Location.Path);
        Assert.Contains("defined again in scope clusters/a", note.Message, StringComparison.Ordinal);
        Assert.All(findings, d => Assert.Contains("|scope:clusters/", d.FingerprintKey, StringComparison.Ordinal));
    }

    [Fact]
    public void OneScope_IsNotNamed()
    {
        var configuration = ConfiguredAnalysisTests.Configuration("scopes: [\"clusters/*\"]");
        var findings = Analyze(configuration, ("clusters/a/policy/lr.yaml", StrictLimitRange), ("clusters/a/apps/web.yaml", Deployment("web", Limited)));

        Assert.Contains(findings, d => d.RuleId == "ML7001");
        Assert.DoesNotContain(findings, d => d.Message.Contains("[scope", StringComparison.Ordinal) || d.FingerprintKey.Contains("scope:", StringComparison.Ordinal));
    }

    [Fact]
    public void IdenticalResults_AreReportedOnce()
    {
        // Two environments' workloads take the one shared HPA; both lack a request: the HPA gets the same finding once.
        var findings = Analyze(null, ("shared/hpa.yaml", Hpa("web")), ("env-a/web.yaml", Deployment("web")), ("env-b/web.yaml", Deployment("web")));

        Assert.Single(findings, d => d.RuleId == "ML6004");
    }

    [Fact]
    public void ScopeGlobs_ThatMatchNothing_AreListed()
    {
        var configuration = ConfiguredAnalysisTests.Configuration("scopes: [\"clusters/*\", \"envs/*\"]");

        var unmatched = ScopeGlobs.Unmatched(configuration, ["clusters/a/web.yaml"]);

        Assert.Equal("envs/*", Assert.Single(unmatched).Glob);
    }

    [Theory]
    [InlineData("scopes: clusters/*\n", 1, 9)]
    [InlineData("scopes: [\"/abs\"]\n", 1, 10)]
    [InlineData("scopes: [{a: b}]\n", 1, 10)]
    public void AnUnreadableScopeSetting_IsAnErrorWithLineAndColumn(string yaml, int line, int column)
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse("/repo/.manifestlint.yaml", yaml, RuleCatalog.Default));

        var error = Assert.Single(e.Errors);
        Assert.Equal((line, column), (error.At.StartLine, error.At.StartColumn));
        Assert.Contains("scopes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintedConfiguration_ShowsTheScopes_AndReadsBack()
    {
        var configuration = ConfiguredAnalysisTests.Configuration("scopes: [\"clusters/*\"]");
        var printed = ConfigurationWriter.Print(configuration.For("clusters/a/web.yaml"), RuleCatalog.Default, "clusters/a/web.yaml", p => p);

        Assert.Contains("scopes: [\"clusters/*\"]    # this file is in scope clusters/a", printed, StringComparison.Ordinal);
        Assert.Equal(["clusters/*"], ConfigurationParser.Parse("/repo/.manifestlint.yaml", printed, RuleCatalog.Default).Scopes);
        Assert.Empty(ConfigurationParser.Parse("/repo/.manifestlint.yaml", ConfigurationWriter.Starter(RuleCatalog.Default), RuleCatalog.Default).Scopes);
        Assert.Contains("scopes: []", ConfigurationWriter.Starter(RuleCatalog.Default), StringComparison.Ordinal);
    }

    private static List<Diagnostic> Analyze(ConfigurationSet? configuration, params (string Path, string Yaml)[] files) =>
        new AnalysisEngine().Analyze(files.Select(f => AnalysisInput.FromText(f.Path, f.Yaml)).ToList(), AnalysisOptions.Default with { MaxParallelism = 2, Configuration = configuration }).Diagnostics.ToList();
}
