using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Autoscaling;

public class HpaMemoryUtilizationWithoutRequestRuleTests
{
    private const string Rule = "ML6004";

    private static string Docs(params string[] documents) => string.Join("\n---\n", documents);

    private static string Deployment(string containers, string ns = "shop") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: {ns}
        spec:
          selector:
            matchLabels: {"{"}app: api{"}"}
          template:
            metadata:
              labels: {"{"}app: api{"}"}
            spec:
        {containers}
        """;

    private static string Hpa(string metric, string ns = "shop") => $"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: api
          namespace: {ns}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: api
          maxReplicas: 8
          metrics:
        {metric}
        """;

    private static string Utilization(string annotation = "# Noncompliant") => $"""
            - type: Resource
              resource:
                name: memory
                target:
                  type: Utilization   {annotation}
                  averageUtilization: 70
        """;

    [Fact]
    public void AppContainerWithoutRequest_IsReportedOnTheTarget()
    {
        Verify(Rule, Docs(Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
            """), Hpa("""
                - type: Resource
                  resource:
                    name: memory
                    target:
                      type: Utilization   # Noncompliant {{but container "api" has no memory request}}
                      averageUtilization: 70
            """)));
    }

    [Fact]
    public void LimitsOnlyContainers_HaveARequestByDefaulting_IsNotReported()
    {
        Verify(Rule, Docs(Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
                      resources:
                        limits: {memory: 1Gi}
            """), Hpa(Utilization(string.Empty))));
    }

    [Fact]
    public void LimitRangeDefaultRequest_IsNotReported()
    {
        Verify(Rule, Docs("""
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: shop
            spec:
              limits:
                - type: Container
                  defaultRequest: {memory: 256Mi}
            """, Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
            """), Hpa(Utilization(string.Empty))));
    }

    [Fact]
    public void LimitRangeOfAnotherNamespace_DoesNotHelp()
    {
        Verify(Rule, Docs("""
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: other
            spec:
              limits:
                - type: Container
                  defaultRequest: {memory: 256Mi}
            """, Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
            """), Hpa(Utilization())));
    }

    [Fact]
    public void RegularInitContainerWithoutRequest_IsNotCounted()
    {
        Verify(Rule, Docs(Deployment("""
                  initContainers:
                    - name: migrate
                      image: ghcr.io/example/api:3.1.0
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
                      resources:
                        requests: {memory: 512Mi}
            """), Hpa(Utilization(string.Empty))));
    }

    [Fact]
    public void SidecarWithoutRequest_IsCounted()
    {
        Verify(Rule, Docs(Deployment("""
                  initContainers:
                    - name: envoy
                      image: envoyproxy/envoy:v1.31.2
                      restartPolicy: Always
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
                      resources:
                        requests: {memory: 512Mi}
                    - name: worker
                      image: ghcr.io/example/api:3.1.0
            """), Hpa("""
                - type: Resource
                  resource:
                    name: memory
                    target:
                      type: Utilization   # Noncompliant {{but container "worker" and sidecar container "envoy" have no memory request}}
                      averageUtilization: 70
            """)));
    }

    [Fact]
    public void ContainerResourceMetric_NeedsOnlyTheNamedContainer()
    {
        Verify(Rule, Docs(Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
                      resources:
                        requests: {memory: 512Mi}
                    - name: worker
                      image: ghcr.io/example/api:3.1.0
            """), Hpa("""
                - type: ContainerResource
                  containerResource:
                    name: memory
                    container: api
                    target:
                      type: Utilization
                      averageUtilization: 70
                - type: ContainerResource
                  containerResource:
                    name: memory
                    container: worker
                    target:
                      type: Utilization   # Noncompliant {{(ContainerResource metric of container "worker"), but container "worker" has no memory request}}
                      averageUtilization: 70
            """)));
    }

    [Fact]
    public void ContainerResourceMetricOnAMissingContainer_IsReported()
    {
        Verify(Rule, Docs(Deployment("""
                  initContainers:
                    - name: migrate
                      image: ghcr.io/example/api:3.1.0
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
                      resources:
                        requests: {memory: 512Mi}
            """), Hpa("""
                - type: ContainerResource
                  containerResource:
                    name: memory
                    container: migrate
                    target:
                      type: Utilization   # Noncompliant {{no app or sidecar container "migrate"}}
                      averageUtilization: 70
            """)));
    }

    [Fact]
    public void AverageValueTarget_NeedsNoRequest()
    {
        Verify(Rule, Docs(Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
            """), Hpa("""
                - type: Resource
                  resource:
                    name: memory
                    target:
                      type: AverageValue
                      averageValue: 700Mi
            """)));
    }

    [Fact]
    public void CpuUtilization_IsNotThisRule()
    {
        Verify(Rule, Docs(Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
            """), Hpa("""
                - type: Resource
                  resource:
                    name: cpu
                    target:
                      type: Utilization
                      averageUtilization: 70
            """)));
    }

    [Fact]
    public void PodLevelResources_AreUsedInstead_IsNotReported()
    {
        Verify(Rule, Docs(Deployment("""
                  resources:
                    requests: {memory: 1Gi}
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
            """), Hpa(Utilization(string.Empty))));
    }

    [Fact]
    public void HpaInAnotherNamespace_DoesNotTargetTheWorkload()
    {
        Verify(Rule, Docs(Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
            """), Hpa(Utilization(string.Empty), ns: "other")));
    }

    [Fact]
    public void V2beta1TargetAverageUtilization_IsChecked()
    {
        Verify(Rule, Docs(Deployment("""
                  containers:
                    - name: api
                      image: ghcr.io/example/api:3.1.0
            """), """
            apiVersion: autoscaling/v2beta1
            kind: HorizontalPodAutoscaler
            metadata:
              name: api
              namespace: shop
            spec:
              scaleTargetRef: {kind: Deployment, name: api}
              maxReplicas: 4
              metrics:
                - type: Resource
                  resource:
                    name: memory
                    targetAverageUtilization: 70   # Noncompliant
            """));
    }
}
