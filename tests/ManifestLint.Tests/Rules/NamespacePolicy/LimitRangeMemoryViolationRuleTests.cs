using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.NamespacePolicy;

public class LimitRangeMemoryViolationRuleTests
{
    private const string Rule = "ML7001";

    private static string Docs(params string[] documents) => string.Join("\n---\n", documents);

    private static string LimitRange(string item, string name = "bounds", string ns = "payments") => $"""
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          limits:
            - type: Container
        {item}
        """;

    private static string Pod(string containers, string ns = "payments") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: ledger
          namespace: {ns}
        spec:
        {containers}
        """;

    [Fact]
    public void LimitAboveMax_IsReportedWithTheNumbers()
    {
        Verify(Rule, Docs(LimitRange("""
                  max:
                    memory: 2Gi
            """), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:
                    requests:
                      memory: 1Gi
                    limits:
                      memory: 4Gi   # Noncompliant {{LimitRange payments/bounds rejects its pods at admission: maximum memory per container is 2Gi, but the limit is 4Gi}}
            """)));
    }

    [Fact]
    public void LimitsOnlyAboveMax_RequestCopiedFromTheLimitAlsoExceeds_TwoFindingsOnTheLimit()
    {
        Verify(Rule, Docs(LimitRange("""
                  max:
                    memory: 2Gi
            """), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:
                    limits:
                      memory: 3Gi   # Noncompliant {{but the limit is 3Gi}}
            # Noncompliant@-1 {{but the request is 3Gi (defaulted from the limit)}}
            """)));
    }

    [Fact]
    public void NoMemoryAtAll_GetsTheDefaults_IsNotReported()
    {
        Verify(Rule, Docs(LimitRange("""
                  min:
                    memory: 64Mi
                  max:
                    memory: 2Gi
                  maxLimitRequestRatio:
                    memory: 2
            """), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
            """)));
    }

    [Fact]
    public void RequestBelowMinOnASidecar_IsReported()
    {
        Verify(Rule, Docs(LimitRange("""
                  min:
                    memory: 64Mi
            """), Pod("""
              initContainers:
                - name: proxy
                  image: envoyproxy/envoy:v1.31.2
                  restartPolicy: Always
                  resources:
                    requests:
                      memory: 32Mi   # Noncompliant {{sidecar container "proxy": LimitRange payments/bounds rejects its pods}}
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
            """)));
    }

    [Fact]
    public void RatioWithoutAnyDefaultLimit_MissingLimitIsReportedOnTheResourcesKey()
    {
        Verify(Rule, Docs(LimitRange("""
                  maxLimitRequestRatio:
                    memory: 2
            """), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:
                    requests:
                      memory: 256Mi
                    limits:   # Noncompliant {{no limit is specified (no LimitRange default supplies one) or it is 0}}
                      cpu: "1"
            """)));
    }

    [Fact]
    public void RatioWithoutRequestOrLimit_BothMissing_IsReportedOnce()
    {
        Verify(Rule, Docs(LimitRange("""
                  maxLimitRequestRatio:
                    memory: 2
            """), Pod("""
              containers:
                - name: ledger   # Noncompliant {{but no request is specified or it is 0}}
                  image: ghcr.io/example/ledger:1.8.0
            """)));
    }

    [Fact]
    public void RatioAtTheLimit_IsNotReported()
    {
        Verify(Rule, Docs(LimitRange("""
                  maxLimitRequestRatio:
                    memory: 1.5
            """), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:
                    requests:
                      memory: 1Gi
                    limits:
                      memory: 1536Mi
            """)));
    }

    [Fact]
    public void DefaultLimitOfAnotherLimitRangeAboveMax_IsReportedOnTheContainer()
    {
        Verify(Rule, Docs(LimitRange("""
                  default:
                    memory: 4Gi
                  defaultRequest:
                    memory: 1Gi
            """, name: "a-defaults"), LimitRange("""
                  max:
                    memory: 2Gi
            """, name: "b-ceiling"), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:   # Noncompliant {{LimitRange payments/b-ceiling rejects its pods at admission: maximum memory per container is 2Gi, but the limit is 4Gi (default of LimitRange payments/a-defaults)}}
                    requests:
                      memory: 1Gi
            """)));
    }

    [Fact]
    public void LimitRangeOfAnotherNamespace_DoesNotApply()
    {
        Verify(Rule, Docs(LimitRange("""
                  max:
                    memory: 1Gi
            """, ns: "other"), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:
                    limits:
                      memory: 4Gi
            """)));
    }

    [Fact]
    public void PodTypeItem_IsNotAContainerItem()
    {
        Verify(Rule, Docs("""
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: pod-bounds
              namespace: payments
            spec:
              limits:
                - type: Pod
                  max:
                    memory: 1Gi
            """, Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:
                    limits:
                      memory: 512Mi
            """)));
    }

    [Fact]
    public void ComparedByValue_1GiIsAbove1G()
    {
        Verify(Rule, Docs(LimitRange("""
                  max:
                    memory: 1G
            """), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:
                    requests:
                      memory: 512Mi
                    limits:
                      memory: 1Gi   # Noncompliant
            """)));
    }

    [Fact]
    public void InvalidQuantity_IsLeftToML0003()
    {
        Verify(Rule, Docs(LimitRange("""
                  max:
                    memory: 1Gi
            """), Pod("""
              containers:
                - name: ledger
                  image: ghcr.io/example/ledger:1.8.0
                  resources:
                    limits:
                      memory: 4GB
            """)));
    }
}
