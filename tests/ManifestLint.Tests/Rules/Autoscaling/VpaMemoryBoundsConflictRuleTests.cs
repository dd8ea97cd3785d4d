using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Autoscaling;

public class VpaMemoryBoundsConflictRuleTests
{
    private const string Rule = "ML6003";

    private static string Docs(params string[] documents) => string.Join("\n---\n", documents);

    private static string Deployment(string resources) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: search
          namespace: catalog
        spec:
          replicas: 2
          selector:
            matchLabels: {"{"}app: search{"}"}
          template:
            metadata:
              labels: {"{"}app: search{"}"}
            spec:
              containers:
                - name: search
                  image: ghcr.io/example/search:5.0.2
                  resources:
        {resources}
                - name: exporter
                  image: ghcr.io/example/exporter:0.9.0
                  resources:
                    requests:
                      memory: 64Mi
        """;

    private const string RequestAndLimit = """
                    requests:
                      memory: 1Gi
                    limits:
                      memory: 2Gi
        """;

    private static string Vpa(string policies, string mode = "Recreate", string ns = "catalog") => $"""
        apiVersion: autoscaling.k8s.io/v1
        kind: VerticalPodAutoscaler
        metadata:
          name: search
          namespace: {ns}
        spec:
          targetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: search
          updatePolicy:
            updateMode: {mode}
          resourcePolicy:
            containerPolicies:
        {policies}
        """;

    [Fact]
    public void MinAboveMax_IsReportedOnMaxAllowedWithoutATarget()
    {
        Verify(Rule, Vpa("""
                  - containerName: "*"
                    minAllowed:
                      memory: 2Gi
                    maxAllowed:
                      memory: 1536Mi   # Noncompliant {{minAllowed memory 2Gi is above maxAllowed memory 1536Mi}}
            """, mode: "\"Off\""));
    }

    [Fact]
    public void MinAboveMaxByValue_IsReported()
    {
        Verify(Rule, Vpa("""
                  - containerName: search
                    minAllowed:
                      memory: 1Gi
                    maxAllowed:
                      memory: 1G   # Noncompliant
            """));
    }

    [Fact]
    public void MinEqualToMax_IsNotReported()
    {
        Verify(Rule, Docs(Deployment(RequestAndLimit), Vpa("""
                  - containerName: "*"
                    minAllowed:
                      memory: 1Gi
                    maxAllowed:
                      memory: 1024Mi
            """)));
    }

    [Fact]
    public void MaxBelowRequest_IsReportedWithTheScaledLimit()
    {
        Verify(Rule, Docs(Deployment(RequestAndLimit), Vpa("""
                  - containerName: "*"
                    maxAllowed:
                      memory: 768Mi   # Noncompliant {{below its request of 1Gi; the limit scales down with it, from 2Gi to at most 1536Mi}}
            """)));
    }

    [Fact]
    public void MaxBelowRequestWithRequestsOnly_DoesNotClaimTheLimitMoves()
    {
        Verify(Rule, Docs(Deployment(RequestAndLimit), Vpa("""
                  - containerName: search
                    controlledValues: RequestsOnly
                    maxAllowed:
                      memory: 512Mi   # Noncompliant {{below its request of 1Gi. Raise}}
            """)));
    }

    [Fact]
    public void LimitsOnlyContainer_RequestDefaultsFromTheLimit_IsReported()
    {
        Verify(Rule, Docs(Deployment("""
                        limits:
                          memory: 2Gi
            """), Vpa("""
                  - containerName: search
                    maxAllowed:
                      memory: 1Gi   # Noncompliant {{its request of 2Gi (defaulted from the limit)}}
            """)));
    }

    [Fact]
    public void RequestFromLimitRangeDefault_IsReported()
    {
        Verify(Rule, Docs("""
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: catalog
            spec:
              limits:
                - type: Container
                  defaultRequest:
                    memory: 1Gi
            """, Deployment("""
                        limits: {}
            """), Vpa("""
                  - containerName: search
                    maxAllowed:
                      memory: 512Mi   # Noncompliant {{(defaultRequest of LimitRange catalog/defaults)}}
            """)));
    }

    [Fact]
    public void NamedPolicyOverridesWildcard_OnlyTheWildcardContainersAreCompared()
    {
        Verify(Rule, Docs(Deployment(RequestAndLimit), Vpa("""
                  - containerName: "*"
                    maxAllowed:
                      memory: 32Mi   # Noncompliant {{container "exporter"}}
                  - containerName: search
                    maxAllowed:
                      memory: 4Gi
            """)));
    }

    [Fact]
    public void ContainerPolicyOff_IsNotReported()
    {
        Verify(Rule, Docs(Deployment(RequestAndLimit), Vpa("""
                  - containerName: search
                    mode: "Off"
                    maxAllowed:
                      memory: 512Mi
            """)));
    }

    [Fact]
    public void MemoryNotControlled_IsNotReported()
    {
        Verify(Rule, Docs(Deployment(RequestAndLimit), Vpa("""
                  - containerName: search
                    controlledResources: [cpu]
                    maxAllowed:
                      memory: 512Mi
            """)));
    }

    [Fact]
    public void VpaOff_DoesNotChangeRequests_IsNotReported()
    {
        Verify(Rule, Docs(Deployment(RequestAndLimit), Vpa("""
                  - containerName: search
                    maxAllowed:
                      memory: 512Mi
            """, mode: "\"Off\"")));
    }

    [Fact]
    public void VpaInAnotherNamespace_IsNotComparedWithTheWorkload()
    {
        Verify(Rule, Docs(Deployment(RequestAndLimit), Vpa("""
                  - containerName: search
                    maxAllowed:
                      memory: 512Mi
            """, ns: "other")));
    }
}
