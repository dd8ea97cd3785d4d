using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Tests.Configuration;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Analysis;

/// <summary>
/// Repository shapes that made the engine cubic: many copies of one cluster's manifests, in one directory or one per
/// environment, and a GitOps tree whose environments reuse every name. Counts, never times: the findings must be
/// exactly those of one copy per cluster, and the related objects handed to rules must grow linearly.
/// </summary>
public class RepositoryScaleTests
{
    /// <summary>The samples whose objects relate across documents: autoscalers, quotas, LimitRanges.</summary>
    public static TheoryData<string> ClusterSamples => new() { "autoscaling.yaml", "namespace-policies.yaml", "quota-without-limitrange.yaml" };

    [Theory]
    [MemberData(nameof(ClusterSamples))]
    public void CopiesInEnvironmentDirectories_GiveEachCopysFindings_AndLinearWork(string sample)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "manifests", sample));
        var (one, _) = Run(Copies(text, 1, i => $"env-{i}/{sample}"));
        var (hundred, hundredWork) = Run(Copies(text, 100, i => $"env-{i}/{sample}"));
        var (thousand, thousandWork) = Run(Copies(text, 1000, i => $"env-{i}/{sample}"));

        Assert.NotEmpty(one);
        Assert.Equal(1000 * one.Count, thousand.Count);
        Assert.Equal(Shape(one), Shape(thousand.Where(d => d.Location.Path.StartsWith("env-0/", StringComparison.Ordinal))));
        Assert.Equal(thousand.Count, thousand.Select(d => (d.RuleId, d.Location, d.Message)).Distinct().Count());
        Assert.DoesNotContain(thousand, d => d.RuleId is "ML0006" or "ML0000");
        Assert.Equal(10 * hundredWork, thousandWork);
    }

    [Theory]
    [MemberData(nameof(ClusterSamples))]
    public void CopiesInOneDirectory_AreEachAnalysedWithTheirOwnFilesObjects_AndLinearWork(string sample)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "manifests", sample));
        var (one, oneWork) = Run(Copies(text, 1, i => $"all/copy-{i:D4}.yaml"));
        var (thousand, thousandWork) = Run(Copies(text, 1000, i => $"all/copy-{i:D4}.yaml"));

        Assert.Equal(1000 * one.Count, thousand.Count);
        Assert.Equal(Shape(one), Shape(thousand.Where(d => d.Location.Path == "all/copy-0999.yaml")).Select(s => s.Replace("copy-0999", "copy-0000", StringComparison.Ordinal)));
        Assert.Equal(thousand.Count, thousand.Select(d => (d.RuleId, d.Location, d.Message)).Distinct().Count());
        Assert.DoesNotContain(thousand, d => d.RuleId is "ML0006" or "ML0000");
        Assert.Equal(1000 * oneWork, thousandWork);
    }

    [Theory]
    [MemberData(nameof(ClusterSamples))]
    public void CopiesInOneScope_AreAnalysedOnce_WithOneNotePerExtraDefinition(string sample)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "manifests", sample));
        var configuration = ConfiguredAnalysisTests.Configuration("scopes: [\"cluster\"]");
        var (one, oneWork) = Run(Copies(text, 1, i => $"cluster/copy-{i:D4}.yaml"), configuration);
        var (two, _) = Run(Copies(text, 2, i => $"cluster/copy-{i:D4}.yaml"), configuration);
        var (thousand, thousandWork) = Run(Copies(text, 1000, i => $"cluster/copy-{i:D4}.yaml"), configuration);

        // Every copy after the first adds what the second did: its file-level findings and one ML0006 per object.
        var perCopy = two.Count - one.Count;
        Assert.Equal(one.Count + (999 * perCopy), thousand.Count);
        var objects = two.Count(d => d.RuleId == "ML0006");
        Assert.True(objects > 0, "the second copy's objects are duplicates");
        Assert.Equal(999 * objects, thousand.Count(d => d.RuleId == "ML0006"));
        Assert.Equal(Shape(one), Shape(thousand.Where(d => d.Location.Path == "cluster/copy-0000.yaml")));
        Assert.Equal(thousand.Count, thousand.Select(d => (d.RuleId, d.Location, d.Message)).Distinct().Count());

        // Duplicates relate to nothing more than the first copy did: work grows with the copies, not with their square.
        Assert.True(thousandWork <= 1000 * Math.Max(1, oneWork), $"{thousandWork} relations for 1000 copies, {oneWork} for one");
    }

    [Fact]
    public void GitOpsEnvironments_GiveExactlySixTimesOneEnvironment_WithNoIdenticalResults()
    {
        var (one, oneWork) = Run(GitOps(1));
        var (six, sixWork) = Run(GitOps(6));

        Assert.NotEmpty(one);
        Assert.Contains(one, d => d.RuleId == "ML6001");
        Assert.Contains(one, d => d.RuleId == "ML7002");
        Assert.Equal(6 * one.Count, six.Count);
        Assert.Equal(six.Count, six.Select(d => (d.RuleId, d.Location, d.Message)).Distinct().Count());
        Assert.Equal(6 * oneWork, sixWork);
        for (var env = 0; env < 6; env++)
        {
            Assert.Equal(Shape(one), Shape(six.Where(d => d.Location.Path.StartsWith($"env-{env}/", StringComparison.Ordinal))));
        }
    }

    [Fact]
    public void GitOpsEnvironments_AsConfiguredScopes_NameTheScope_AndKeepTheCounts()
    {
        var configuration = ConfiguredAnalysisTests.Configuration("scopes: [\"env-*\"]");
        var (six, _) = Run(GitOps(6), configuration);
        var (unscoped, _) = Run(GitOps(6));

        Assert.Equal(unscoped.Count, six.Count);
        Assert.All(six, d => Assert.EndsWith($" [scope {d.Location.Path[..d.Location.Path.IndexOf('/', StringComparison.Ordinal)]}]", d.Message, StringComparison.Ordinal));

        // Each environment's findings have fingerprints of their own: code scanning keeps them apart.
        var (one, _) = Run(GitOps(1));
        Assert.Equal(6 * one.Select(d => d.FingerprintKey).Distinct().Count(), six.Select(d => d.FingerprintKey).Distinct().Count());
    }

    private static List<AnalysisInput> Copies(string text, int count, Func<int, string> path) =>
        [.. Enumerable.Range(0, count).Select(i => AnalysisInput.FromText(path(i), text))];

    private static (List<Diagnostic> Findings, long Work) Run(IReadOnlyList<AnalysisInput> inputs, Engine.Configuration.ConfigurationSet? configuration = null)
    {
        var engine = new AnalysisEngine();
        var findings = engine.Analyze(inputs, AnalysisOptions.Default with { MaxParallelism = 2, Configuration = configuration }).Diagnostics.ToList();
        return (findings, engine.Relations);
    }

    /// <summary>What a finding says, with the top directory of its copy taken off its path.</summary>
    private static List<string> Shape(IEnumerable<Diagnostic> findings) =>
        [.. findings.Select(d => $"{d.RuleId}|{d.Location.Path[(d.Location.Path.IndexOf('/', StringComparison.Ordinal) + 1)..]}|{d.Location.StartLine}:{d.Location.StartColumn}|{d.Message}").Order(StringComparer.Ordinal)];

    /// <summary>
    /// env-0 .. env-(n-1), each with the same 10 namespaces; per namespace a LimitRange with a minimum only, a ResourceQuota
    /// on limits.memory, and 2 Deployments (one without a limit) with a PDB, a VPA and an HPA on memory, all named alike
    /// in every environment.
    /// </summary>
    internal static List<AnalysisInput> GitOps(int environments)
    {
        var inputs = new List<AnalysisInput>();
        for (var env = 0; env < environments; env++)
        {
            for (var ns = 0; ns < 10; ns++)
            {
                var dir = $"env-{env}/team-{ns}";
                inputs.Add(AnalysisInput.FromText($"{dir}/policy.yaml", $$$"""
                    apiVersion: v1
                    kind: LimitRange
                    metadata: {name: bounds, namespace: team-{{{ns}}}}
                    spec:
                      limits:
                        - type: Container
                          min: {memory: 64Mi}
                    ---
                    apiVersion: v1
                    kind: ResourceQuota
                    metadata: {name: compute, namespace: team-{{{ns}}}}
                    spec:
                      hard: {limits.memory: 20Gi, requests.memory: 10Gi}
                    """));
                for (var app = 0; app < 2; app++)
                {
                    var resources = app == 0 ? "resources: {requests: {memory: 256Mi}, limits: {memory: 512Mi}}" : "resources: {requests: {memory: 256Mi}}";
                    inputs.Add(AnalysisInput.FromText($"{dir}/app-{app}.yaml", $$$"""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: app-{{{app}}}, namespace: team-{{{ns}}}}
                        spec:
                          replicas: 3
                          selector: {matchLabels: {app: app-{{{app}}}}}
                          template:
                            metadata: {labels: {app: app-{{{app}}}}}
                            spec:
                              containers:
                                - name: app
                                  image: ghcr.io/example/app:1.0.0
                                  {{{resources}}}
                        ---
                        apiVersion: policy/v1
                        kind: PodDisruptionBudget
                        metadata: {name: app-{{{app}}}, namespace: team-{{{ns}}}}
                        spec:
                          maxUnavailable: 1
                          selector: {matchLabels: {app: app-{{{app}}}}}
                        ---
                        apiVersion: autoscaling.k8s.io/v1
                        kind: VerticalPodAutoscaler
                        metadata: {name: app-{{{app}}}, namespace: team-{{{ns}}}}
                        spec:
                          targetRef: {apiVersion: apps/v1, kind: Deployment, name: app-{{{app}}}}
                          updatePolicy: {updateMode: Auto}
                        ---
                        apiVersion: autoscaling/v2
                        kind: HorizontalPodAutoscaler
                        metadata: {name: app-{{{app}}}, namespace: team-{{{ns}}}}
                        spec:
                          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app-{{{app}}}}
                          minReplicas: 2
                          maxReplicas: 6
                          metrics:
                            - type: Resource
                              resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}
                        """));
                }
            }
        }

        return inputs;
    }
}
