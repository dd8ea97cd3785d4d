using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Autoscaling;

public class VpaHpaMemoryConflictRuleTests
{
    private const string Rule = "ML6001";

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: ghcr.io/example/web:1.0.0
                  resources:
                    requests: {memory: 512Mi}
                    limits: {memory: 1Gi}
                - name: proxy
                  image: envoyproxy/envoy:v1.31.2
                  resources:
                    requests: {memory: 128Mi}
                    limits: {memory: 128Mi}
        """;

    private static string Docs(params string[] documents) => string.Join("\n---\n", documents);

    private static string Hpa(string metric, string apiVersion = "autoscaling/v2", string ns = "shop") => $"""
        apiVersion: {apiVersion}
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
          namespace: {ns}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          minReplicas: 2
          maxReplicas: 10
          metrics:
        {metric}
        """;

    private const string MemoryUtilization = """
            - type: Resource
              resource:
                name: memory   # Noncompliant
                target:
                  type: Utilization
                  averageUtilization: 80
        """;

    private const string MemoryUtilizationQuiet = """
            - type: Resource
              resource:
                name: memory
                target:
                  type: Utilization
                  averageUtilization: 80
        """;

    private static string Vpa(string spec = "", string ns = "shop", string kind = "Deployment") => $"""
        apiVersion: autoscaling.k8s.io/v1
        kind: VerticalPodAutoscaler
        metadata:
          name: web-vpa
          namespace: {ns}
        spec:
          targetRef:
            apiVersion: apps/v1
            kind: {kind}
            name: web
        {spec}
        """;

    [Fact]
    public void VpaWithoutUpdateModeAndHpaOnMemoryUtilization_IsReportedOnTheMetric()
    {
        Verify(Rule, Docs(Deployment, Hpa("""
                - type: Resource
                  resource:
                    name: memory   # Noncompliant {{while VerticalPodAutoscaler shop/web-vpa (no updateMode (default Recreate)) sets its memory requests}}
                    target:
                      type: Utilization
                      averageUtilization: 80
            """), Vpa()));
    }

    [Theory]
    [InlineData("Recreate")]
    [InlineData("Auto")]
    [InlineData("Initial")]
    [InlineData("InPlaceOrRecreate")]
    public void VpaModesThatWriteRequests_Conflict(string mode)
    {
        Verify(Rule, Docs(Deployment, Hpa(MemoryUtilization), Vpa($"""
              updatePolicy:
                updateMode: {mode}
            """)));
    }

    [Fact]
    public void VpaOff_IsNotReported()
    {
        Verify(Rule, Docs(Deployment, Hpa(MemoryUtilizationQuiet), Vpa("""
              updatePolicy:
                updateMode: "Off"
            """)));
    }

    [Fact]
    public void HpaOnAverageValueMemoryInV2beta2_IsReported()
    {
        Verify(Rule, Docs(Deployment, Hpa("""
                - type: Resource
                  resource:
                    name: memory   # Noncompliant {{AverageValue target}}
                    target:
                      type: AverageValue
                      averageValue: 700Mi
            """, "autoscaling/v2beta2"), Vpa()));
    }

    [Fact]
    public void HpaOnCpu_IsNotReported()
    {
        Verify(Rule, Docs(Deployment, Hpa("""
                - type: Resource
                  resource:
                    name: cpu
                    target:
                      type: Utilization
                      averageUtilization: 70
            """), Vpa()));
    }

    [Fact]
    public void VpaWithControlledResourcesCpuOnly_IsNotReported()
    {
        Verify(Rule, Docs(Deployment, Hpa(MemoryUtilizationQuiet), Vpa("""
              resourcePolicy:
                containerPolicies:
                  - containerName: "*"
                    controlledResources: [cpu]
            """)));
    }

    [Fact]
    public void VpaWithEveryContainerOff_IsNotReported()
    {
        Verify(Rule, Docs(Deployment, Hpa(MemoryUtilizationQuiet), Vpa("""
              resourcePolicy:
                containerPolicies:
                  - containerName: web
                    mode: "Off"
                  - containerName: proxy
                    mode: "Off"
            """)));
    }

    [Fact]
    public void WildcardOffButOneContainerControlled_IsReported()
    {
        Verify(Rule, Docs(Deployment, Hpa(MemoryUtilization), Vpa("""
              resourcePolicy:
                containerPolicies:
                  - containerName: "*"
                    mode: "Off"
                  - containerName: web
                    controlledResources: [cpu, memory]
            """)));
    }

    [Fact]
    public void ContainerResourceMetricOnAContainerTheVpaLeavesAlone_IsNotReported()
    {
        Verify(Rule, Docs(Deployment, Hpa("""
                - type: ContainerResource
                  containerResource:
                    name: memory
                    container: proxy
                    target:
                      type: Utilization
                      averageUtilization: 80
            """), Vpa("""
              resourcePolicy:
                containerPolicies:
                  - containerName: proxy
                    mode: "Off"
            """)));
    }

    [Fact]
    public void ContainerResourceMetricOnAControlledContainer_IsReported()
    {
        Verify(Rule, Docs(Deployment, Hpa("""
                - type: ContainerResource
                  containerResource:
                    name: memory   # Noncompliant {{ContainerResource metric of container "web"}}
                    container: web
                    target:
                      type: Utilization
                      averageUtilization: 80
            """), Vpa("""
              resourcePolicy:
                containerPolicies:
                  - containerName: proxy
                    mode: "Off"
            """)));
    }

    [Fact]
    public void VpaInAnotherNamespace_IsNotReported()
    {
        Verify(Rule, Docs(Deployment, Hpa(MemoryUtilizationQuiet), Vpa(ns: "other")));
    }

    [Fact]
    public void VpaOnAnotherKindWithTheSameName_IsNotReported()
    {
        Verify(Rule, Docs(Deployment, Hpa(MemoryUtilizationQuiet), Vpa(kind: "StatefulSet")));
    }

    [Fact]
    public void TargetNotInTheInput_IsStillReported()
    {
        Verify(Rule, Docs(Hpa(MemoryUtilization), Vpa()));
    }

    [Fact]
    public void TargetNotInTheInputWithWildcardOffAndNoNamedPolicy_IsNotReported()
    {
        Verify(Rule, Docs(Hpa(MemoryUtilizationQuiet), Vpa("""
              resourcePolicy:
                containerPolicies:
                  - containerName: "*"
                    mode: "Off"
            """)));
    }

    [Fact]
    public void ObjectsWithoutNamespace_RelateInTheDefaultNamespace()
    {
        Verify(Rule, """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: 4
              metrics:
                - type: Resource
                  resource:
                    name: memory   # Noncompliant
                    target: {type: Utilization, averageUtilization: 80}
            ---
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
              namespace: default
            spec:
              targetRef: {kind: Deployment, name: web}
            """);
    }
}
