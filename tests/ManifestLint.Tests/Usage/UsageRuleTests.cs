using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Fixes;
using ManifestLint.Tests.Rules;
using ManifestLint.Usage;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary>ML8001-ML8005 on the cases their pages do not show, and their fixes.</summary>
public class UsageRuleTests
{
    private static AnalysisOptions With(string path, string text, string? role = null) => new() { Usage = UsageSet.FromText(path, text, role) };

    private static IReadOnlyList<Engine.Diagnostics.Diagnostic> Findings(string yaml, AnalysisOptions options, string rule) =>
        [.. ExpectedFindings.Analyze(yaml, options).Where(d => d.RuleId == rule)];

    [Fact]
    public void WithoutUsageData_TheUsageRulesSayNothing()
    {
        var findings = ExpectedFindings.Analyze(Deployment("shop", "web", "1Mi", "2Mi"));

        Assert.DoesNotContain(findings, d => d.RuleId.StartsWith("ML8", StringComparison.Ordinal));
    }

    [Fact]
    public void Ml8001_FromAVpa_NamesTheUpperBoundAsP99()
    {
        const string Vpa = """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata: {name: web, namespace: shop}
            spec: {targetRef: {kind: Deployment, name: web}}
            status: {recommendation: {containerRecommendations: [{containerName: app, target: {memory: 300Mi}, upperBound: {memory: 700Mi}}]}}
            """;

        var finding = Assert.Single(Findings(Deployment("shop", "web", "256Mi", "512Mi"), With("vpa.yaml", Vpa), RuleIds.LimitBelowObservedUsage));

        Assert.Contains("at or below the observed VPA upperBound (used as p99) of 700 MiB (1 VPA recommendation, vpa.yaml)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("Set resources.limits.memory to 840Mi, the observed VPA upperBound (used as p99) plus 20%.", finding.Fix!.Description);
    }

    [Fact]
    public void Ml8001_HeadroomIsAnOption()
    {
        var options = With("u.csv", "shop,web,app,400Mi,500Mi\n") with
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [RuleIds.LimitBelowObservedUsage] = new Dictionary<string, string> { ["headroomPercent"] = "30" },
            }),
        };

        var finding = Assert.Single(Findings(Deployment("shop", "web", "400Mi", "620Mi"), options, RuleIds.LimitBelowObservedUsage));

        Assert.Equal(Engine.Diagnostics.Severity.Warning, finding.Severity);
        Assert.Contains("less than 30% headroom", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Raise it to 650Mi", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ml8001_OnALeakingContainer_SaysProfileFirst_AndOffersNoFix()
    {
        var leak = Matrix(new Series("shop", "web-7d9f8b6c5d-x2k4p", "app", Sampled(24 * 5, 3600, i => (300 + i) * MiB)));

        var findings = ExpectedFindings.Analyze(Deployment("shop", "web", "300Mi", "400Mi"), With("u.json", leak));

        var limit = Assert.Single(findings, d => d.RuleId == RuleIds.LimitBelowObservedUsage);
        Assert.Null(limit.Fix);
        Assert.Contains("profile it before raising the limit", limit.Message, StringComparison.Ordinal);
        Assert.Single(findings, d => d.RuleId == RuleIds.MemoryLeakSignature);
    }

    [Fact]
    public void Ml8002_NoFix_WhenTheRequestWouldExceedTheLimit()
    {
        var finding = Assert.Single(Findings(Deployment("shop", "web", "100Mi", "200Mi"), With("u.csv", "shop,web,app,300Mi,350Mi\n"), RuleIds.RequestBelowObservedUsage));

        Assert.Null(finding.Fix);
    }

    [Fact]
    public void Ml8003_SaysWhatIsFreedPerPod_ForADaemonSet()
    {
        var yaml = Deployment("shop", "agent", "1Gi", "1Gi").Replace("kind: Deployment", "kind: DaemonSet", StringComparison.Ordinal);

        var finding = Assert.Single(Findings(yaml, With("u.csv", "shop,agent,app,100Mi,200Mi\n"), RuleIds.OverProvisionedMemory));

        Assert.Contains("frees 924 MiB of reserved memory per pod", finding.Message, StringComparison.Ordinal);
        Assert.Contains("the request to 100Mi and the limit to 240Mi", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ml8003_LoweringOnlyTheLimit_BringsTheRequestDownWithIt()
    {
        var finding = Assert.Single(Findings(Deployment("shop", "web", "500Mi", "2Gi"), With("u.csv", "shop,web,app,300Mi,400Mi\n"), RuleIds.OverProvisionedMemory));

        Assert.Contains("limit 2Gi is 5.1× the observed p99", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Setting the request to 300Mi and the limit to 480Mi", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixes_KeepCommentsAndFormatting()
    {
        var yaml = Deployment("shop", "web", "128Mi   # measured in staging", "\"512Mi\"  # team budget");
        var options = With("u.csv", "shop,web,app,410Mi,500Mi,540Mi\n");
        var fixes = ExpectedFindings.Analyze(yaml, options).Where(d => d.Fix is not null).Select(d => d.Fix!).ToList();

        var fixedText = FixApplier.Apply(yaml, fixes).Text;

        Assert.Contains("memory: 410Mi   # measured in staging", fixedText, StringComparison.Ordinal);
        Assert.Contains("memory: \"600Mi\"  # team budget", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain(ExpectedFindings.Analyze(fixedText, options), d => d.RuleId is RuleIds.LimitBelowObservedUsage or RuleIds.RequestBelowObservedUsage or RuleIds.OverProvisionedMemory);
    }

    [Fact]
    public void Fix_WritesWholeGibibytesInGi_AndRoundsLargeValuesUpToGi()
    {
        var finding = Assert.Single(Findings(Deployment("shop", "web", "30Gi", "30Gi"), With("u.csv", "shop,web,app,10Gi,20Gi\n"), RuleIds.OverProvisionedMemory));

        Assert.Contains("Setting the request to 10Gi frees 20 GiB", finding.Message, StringComparison.Ordinal);

        // 20Gi × 1.2 = 24Gi exactly; 20.1Gi × 1.2 rounds up to 25Gi.
        var big = Assert.Single(Findings(Deployment("shop", "web", "10Gi", "20Gi"), With("u.csv", "shop,web,app,10Gi,20.1Gi\n"), RuleIds.LimitBelowObservedUsage));
        Assert.Equal("Set resources.limits.memory to 25Gi, the observed p99 plus 20%.", big.Fix!.Description);
    }

    [Fact]
    public void Ml8005_SummarisesWorkloadsWithoutData_InOneNote()
    {
        var yaml = string.Join("---\n", Enumerable.Range(0, 8).Select(i => Deployment("shop", $"svc{i}", "64Mi", "128Mi")));

        var notes = Findings(yaml, With("u.csv", "shop,svc0,app,10Mi,20Mi\n"), RuleIds.UsageCoverage);

        var note = Assert.Single(notes);
        Assert.StartsWith("7 containers have memory settings but no usage data: Deployment shop/svc1 container \"app\";", note.Message, StringComparison.Ordinal);
        Assert.Contains("and 2 more", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ml8005_Off_IsNotReported()
    {
        var options = With("u.csv", "shop,gone,app,10Mi,20Mi\n") with
        {
            SeverityOverrides = new Dictionary<string, Engine.Diagnostics.Severity> { [RuleIds.UsageCoverage] = Engine.Diagnostics.Severity.None },
        };

        Assert.Empty(Findings(Deployment("shop", "web", "1Gi", "1Gi"), options, RuleIds.UsageCoverage));
    }
}
