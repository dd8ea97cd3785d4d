using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.NamespacePolicy;

public class ResourceQuotaMemoryUnspecifiedRuleTests
{
    private const string Rule = "ML7002";

    private static string Docs(params string[] documents) => string.Join("\n---\n", documents);

    private static string Quota(string hard, string scopes = "", string ns = "analytics") => $"""
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: compute
          namespace: {ns}
        spec:
          hard:
            {hard}
        {scopes}
        """;

    private static string Job(string spec, string ns = "analytics") => $"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: rollup
          namespace: {ns}
        spec:
          template:
            spec:
              restartPolicy: Never
        {spec}
        """;

    [Fact]
    public void AppContainerWithoutLimit_IsReportedWithTheApiMessage()
    {
        Verify(Rule, Docs(Quota("limits.memory: 96Gi"), Job("""
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
                      resources:   # Noncompliant {{but ResourceQuota analytics/compute tracks limits.memory, so admission rejects its pods ("must specify limits.memory for: rollup"}}
                        requests:
                          memory: 1Gi
            """)));
    }

    [Fact]
    public void InitContainersCount_AndTheMessageListsEveryContainer()
    {
        Verify(Rule, Docs(Quota("limits.memory: 96Gi"), Job("""
                  initContainers:
                    - name: fetch   # Noncompliant {{init container "fetch" has no memory limit, but ResourceQuota analytics/compute tracks limits.memory, so admission rejects its pods ("must specify limits.memory for: fetch,rollup"}}
                      image: amazon/aws-cli:2.22.0
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
                      resources:   # Noncompliant {{container "rollup"}}
                        requests:
                          cpu: "1"
            """)));
    }

    [Theory]
    [InlineData("requests.memory: 64Gi")]
    [InlineData("memory: 64Gi")]
    public void LimitsOnlyContainer_SatisfiesARequestQuota(string hard)
    {
        Verify(Rule, Docs(Quota(hard), Job("""
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
                      resources:
                        limits:
                          memory: 4Gi
            """)));
    }

    [Fact]
    public void RequestOnlyContainer_DoesNotSatisfyALimitQuota()
    {
        Verify(Rule, Docs(Quota("limits.memory: 96Gi"), Job("""
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
                      resources:   # Noncompliant
                        requests:
                          memory: 4Gi
            """)));
    }

    [Fact]
    public void NoMemoryAtAll_UnderBothQuotaKeys_IsOneFindingNamingBoth()
    {
        Verify(Rule, Docs(Quota("""
            requests.memory: 64Gi
                limits.memory: 96Gi
            """), Job("""
                  containers:
                    - name: rollup   # Noncompliant {{has no memory limit and no memory request, but ResourceQuota analytics/compute tracks limits.memory and requests.memory, so admission rejects its pods ("must specify limits.memory for: rollup; requests.memory for: rollup"}}
                      image: ghcr.io/example/rollup:4.0.1
            """)));
    }

    [Fact]
    public void LimitRangeDefaults_SatisfyTheQuota()
    {
        Verify(Rule, Docs(Quota("""
            requests.memory: 64Gi
                limits.memory: 96Gi
            """), """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: ceiling
              namespace: analytics
            spec:
              limits:
                - type: Container
                  max:
                    memory: 8Gi
            """, Job("""
                  initContainers:
                    - name: fetch
                      image: amazon/aws-cli:2.22.0
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
            """)));
    }

    [Fact]
    public void QuotaOfAnotherNamespace_DoesNotApply()
    {
        Verify(Rule, Docs(Quota("limits.memory: 96Gi", ns: "other"), Job("""
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
            """)));
    }

    [Fact]
    public void CpuOnlyQuota_IsNotThisRule()
    {
        Verify(Rule, Docs(Quota("limits.cpu: \"64\""), Job("""
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
            """)));
    }

    [Fact]
    public void NotBestEffortScope_DoesNotApplyToABestEffortPod()
    {
        Verify(Rule, Docs(Quota("limits.memory: 96Gi", """
              scopes: [NotBestEffort]
            """), Job("""
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
            """)));
    }

    [Fact]
    public void NotBestEffortScope_AppliesToABurstablePod()
    {
        Verify(Rule, Docs(Quota("limits.memory: 96Gi", """
              scopes: [NotBestEffort]
            """), Job("""
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
                      resources:   # Noncompliant
                        requests:
                          memory: 1Gi
            """)));
    }

    [Theory]
    [InlineData("{operator: In, scopeName: PriorityClass, values: [batch-high]}", true)]
    [InlineData("{operator: In, scopeName: PriorityClass, values: [critical]}", false)]
    [InlineData("{operator: NotIn, scopeName: PriorityClass, values: [critical]}", true)]
    [InlineData("{operator: Exists, scopeName: PriorityClass}", true)]
    [InlineData("{operator: Exists, scopeName: CrossNamespacePodAffinity}", false)]
    public void ScopeSelector_DecidesWhetherTheQuotaApplies(string expression, bool reported)
    {
        var annotation = reported ? "   # Noncompliant" : string.Empty;
        Verify(Rule, Docs(Quota("limits.memory: 96Gi", $$"""
              scopeSelector:
                matchExpressions: [{{expression}}]
            """), Job($$"""
                  priorityClassName: batch-high
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
                      resources:{{annotation}}
                        requests:
                          memory: 1Gi
            """)));
    }

    [Fact]
    public void TerminatingScope_NeedsActiveDeadlineSecondsOnThePod()
    {
        Verify(Rule, Docs(Quota("limits.memory: 96Gi", """
              scopes: [Terminating]
            """), Job("""
                  containers:
                    - name: rollup
                      image: ghcr.io/example/rollup:4.0.1
                      resources:
                        requests:
                          memory: 1Gi
            """), """
            apiVersion: v1
            kind: Pod
            metadata:
              name: one-off
              namespace: analytics
            spec:
              activeDeadlineSeconds: 600
              containers:
                - name: task
                  image: ghcr.io/example/rollup:4.0.1
                  resources:   # Noncompliant {{Pod analytics/one-off}}
                    requests:
                      memory: 1Gi
            """));
    }
}
