using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Problems;
using ManifestLint.Model.Yaml;
using Xunit;

namespace ManifestLint.Tests.Model;

public class AutoscalingReaderTests
{
    private static ManifestFile Read(string yaml) => ManifestReader.Read(YamlFileLoader.Load("m.yaml", yaml));

    [Fact]
    public void Vpa_IsReadWithPoliciesAndIsNotAWorkload()
    {
        var file = Read("""
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata: {name: web, namespace: shop}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              updatePolicy:
                updateMode: InPlaceOrRecreate
                minReplicas: 1
              resourcePolicy:
                containerPolicies:
                  - containerName: "*"
                    controlledResources: [cpu]
                  - containerName: web
                    mode: Auto
                    minAllowed: {memory: 256Mi}
                    maxAllowed: {memory: 2Gi}
                    controlledValues: RequestsOnly
            """);

        var vpa = Assert.Single(file.Autoscaling.VerticalPodAutoscalers);
        Assert.Empty(file.Workloads);
        Assert.Empty(file.Problems);
        Assert.Equal(("Deployment", "web"), (vpa.Target?.Kind, vpa.Target?.Name));
        Assert.Equal("InPlaceOrRecreate", vpa.EffectiveUpdateMode);
        Assert.True(vpa.Evicts);
        Assert.Equal(1, vpa.MinReplicas);
        Assert.True(vpa.ControlsMemoryOf("web"));
        Assert.False(vpa.ControlsMemoryOf("sidecar"));
        var web = vpa.PolicyFor("web");
        Assert.Equal("2Gi", web?.MaxAllowed["memory"]?.Text);
        Assert.False(web?.ScalesLimits);
    }

    [Fact]
    public void VpaWithoutUpdatePolicy_DefaultsToRecreate()
    {
        var vpa = Assert.Single(Read("""
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata: {name: web}
            spec:
              targetRef: {kind: Deployment, name: web}
            """).Autoscaling.VerticalPodAutoscalers);

        Assert.True(vpa.UpdateModeIsDefault);
        Assert.Equal("Recreate", vpa.EffectiveUpdateMode);
        Assert.True(vpa.Evicts);
        Assert.True(vpa.ControlsMemoryOf("anything"));
        Assert.Equal("default", vpa.Resource.Namespace);
    }

    [Theory]
    [InlineData("Off", false, false)]
    [InlineData("Initial", true, false)]
    [InlineData("Recreate", true, true)]
    [InlineData("Auto", true, true)]
    [InlineData("InPlaceOrRecreate", true, true)]
    [InlineData("InPlace", true, false)]
    public void UpdateModes_ApplyAndEvictAsDocumented(string mode, bool applies, bool evicts)
    {
        var vpa = Assert.Single(Read($$"""
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata: {name: web}
            spec:
              targetRef: {kind: Deployment, name: web}
              updatePolicy:
                updateMode: "{{mode}}"
            """).Autoscaling.VerticalPodAutoscalers);

        Assert.Equal(applies, vpa.AppliesRecommendations);
        Assert.Equal(evicts, vpa.Evicts);
    }

    [Fact]
    public void NamedPolicyWins_OverWildcard_WithoutMerging()
    {
        var vpa = Assert.Single(Read("""
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata: {name: web}
            spec:
              targetRef: {kind: Deployment, name: web}
              resourcePolicy:
                containerPolicies:
                  - containerName: "*"
                    mode: "Off"
                  - containerName: app
                    maxAllowed: {memory: 1Gi}
                  - containerName: proxy
                    controlledResources: []
            """).Autoscaling.VerticalPodAutoscalers);

        Assert.True(vpa.ControlsMemoryOf("app"));
        Assert.False(vpa.ControlsMemoryOf("proxy"));
        Assert.False(vpa.ControlsMemoryOf("other"));
    }

    [Fact]
    public void HpaMetrics_AreReadForV2AndV2beta1()
    {
        var file = Read("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 10
              metrics:
                - type: Resource
                  resource: {name: memory, target: {type: Utilization, averageUtilization: 80}}
                - type: ContainerResource
                  containerResource: {name: memory, container: app, target: {type: AverageValue, averageValue: 1Gi}}
                - type: Pods
                  pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "100"}}
            ---
            apiVersion: autoscaling/v2beta1
            kind: HorizontalPodAutoscaler
            metadata: {name: old}
            spec:
              scaleTargetRef: {kind: Deployment, name: old}
              maxReplicas: 3
              metrics:
                - type: Resource
                  resource: {name: memory, targetAverageUtilization: 70}
            """);

        Assert.Empty(file.Problems);
        var hpas = file.Autoscaling.HorizontalPodAutoscalers;
        Assert.Equal(2, hpas.Count);
        Assert.Equal((2, 10), (hpas[0].MinReplicas, hpas[0].MaxReplicas));
        Assert.Collection(
            hpas[0].Metrics,
            m => Assert.True(m.IsMemory && m.IsUtilization && m.Container is null),
            m => Assert.True(m.IsMemory && !m.IsUtilization && m.Container == "app"),
            m => Assert.False(m.IsMemory));
        Assert.True(Assert.Single(hpas[1].Metrics) is { IsMemory: true, IsUtilization: true });
    }

    [Fact]
    public void MalformedFields_AreStructureProblems()
    {
        var file = Read("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: ten
              metrics: {type: Resource}
            """);

        Assert.Equal(2, file.Problems.Count(p => p.Kind == ModelProblemKind.InvalidStructure));
        Assert.Null(Assert.Single(file.Autoscaling.HorizontalPodAutoscalers).MaxReplicas);
    }

    [Fact]
    public void ObjectsInsideAList_AreRead()
    {
        var file = Read("""
            apiVersion: v1
            kind: List
            items:
              - apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: web, namespace: shop}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: {app: web}}
            """);

        Assert.Equal("shop", Assert.Single(file.Autoscaling.PodDisruptionBudgets).Resource.Namespace);
    }

    [Theory]
    [InlineData("{matchLabels: {app: web}}", true)]
    [InlineData("{matchLabels: {app: api}}", false)]
    [InlineData("{matchLabels: {app: web, tier: backend}}", true)]
    [InlineData("{matchLabels: {app: web, tier: frontend}}", false)]
    [InlineData("{matchExpressions: [{key: tier, operator: In, values: [backend, batch]}]}", true)]
    [InlineData("{matchExpressions: [{key: tier, operator: In, values: [frontend]}]}", false)]
    [InlineData("{matchExpressions: [{key: tier, operator: NotIn, values: [frontend]}]}", true)]
    [InlineData("{matchExpressions: [{key: zone, operator: NotIn, values: [a]}]}", true)]
    [InlineData("{matchExpressions: [{key: tier, operator: Exists}]}", true)]
    [InlineData("{matchExpressions: [{key: canary, operator: Exists}]}", false)]
    [InlineData("{matchExpressions: [{key: canary, operator: DoesNotExist}]}", true)]
    [InlineData("{matchExpressions: [{key: tier, operator: DoesNotExist}]}", false)]
    [InlineData("{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [frontend]}]}", false)]
    [InlineData("{matchExpressions: [{key: tier, operator: Gt, values: ['1']}]}", false)]
    [InlineData("{}", true)]
    [InlineData("null", false)]
    public void PdbSelector_MatchesLikeTheEvictionApi(string selector, bool selects)
    {
        var pdb = Assert.Single(Read($$"""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 1
              selector: {{selector}}
            """).Autoscaling.PodDisruptionBudgets);

        Assert.Equal(selects, pdb.Selects(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "backend" }));
    }

    [Fact]
    public void EmptySelectorOfV1beta1Pdb_SelectsNothing()
    {
        var pdb = Assert.Single(Read("""
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 1
              selector: {}
            """).Autoscaling.PodDisruptionBudgets);

        Assert.False(pdb.Selects(new Dictionary<string, string> { ["app"] = "web" }));
    }

    [Fact]
    public void PdbWithoutSelector_SelectsNothing()
    {
        var pdb = Assert.Single(Read("""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 1
            """).Autoscaling.PodDisruptionBudgets);

        Assert.False(pdb.Selects(new Dictionary<string, string> { ["app"] = "web" }));
    }

    [Fact]
    public void SameKindInAnotherGroup_IsNotAnAutoscaler()
    {
        var file = Read("""
            apiVersion: example.com/v1
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
            """);

        Assert.Same(AutoscalingObjects.Empty, file.Autoscaling);
    }
}
