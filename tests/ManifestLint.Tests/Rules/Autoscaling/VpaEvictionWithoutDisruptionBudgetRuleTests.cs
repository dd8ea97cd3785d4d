using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Autoscaling;

public class VpaEvictionWithoutDisruptionBudgetRuleTests
{
    private const string Rule = "ML6002";

    private static string Docs(params string[] documents) => string.Join("\n---\n", documents);

    private static string Deployment(string replicas = "replicas: 3", string ns = "shop") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: {{ns}}
          labels: {team: storefront}
        spec:
          {{replicas}}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web, tier: backend}
            spec:
              containers:
                - name: web
                  image: ghcr.io/example/web:1.0.0
                  resources:
                    requests: {memory: 512Mi}
                    limits: {memory: 1Gi}
        """;

    private static string Pdb(string selector, string ns = "shop", string apiVersion = "policy/v1") => $"""
        apiVersion: {apiVersion}
        kind: PodDisruptionBudget
        metadata:
          name: web
          namespace: {ns}
        spec:
          maxUnavailable: 1
          selector: {selector}
        """;

    private static string Vpa(string mode, string annotation = "# Noncompliant") => $"""
        apiVersion: autoscaling.k8s.io/v1
        kind: VerticalPodAutoscaler
        metadata:
          name: web
          namespace: shop
        spec:
          targetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          updatePolicy:
            updateMode: {mode}   {annotation}
        """;

    [Fact]
    public void AbsentUpdateMode_IsRecreate_IsReportedOnTargetRefAndSaysSo()
    {
        Verify(Rule, Docs(Deployment(), """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              targetRef:   # Noncompliant {{has no updateMode (default Recreate), so it evicts pods of Deployment shop/web}}
                apiVersion: apps/v1
                kind: Deployment
                name: web
            """));
    }

    [Fact]
    public void UpdatePolicyWithoutUpdateMode_IsReportedOnUpdatePolicy()
    {
        Verify(Rule, Docs(Deployment(), """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              targetRef: {kind: Deployment, name: web}
              updatePolicy:   # Noncompliant {{labels {app=web, tier=backend}}}
                minReplicas: 2
            """));
    }

    [Theory]
    [InlineData("Recreate")]
    [InlineData("Auto")]
    [InlineData("InPlaceOrRecreate")]
    public void EvictingModes_AreReported(string mode)
    {
        Verify(Rule, Docs(Deployment(), Vpa(mode)));
    }

    [Theory]
    [InlineData("\"Off\"")]
    [InlineData("Initial")]
    [InlineData("InPlace")]
    public void ModesThatNeverEvict_AreNotReported(string mode)
    {
        Verify(Rule, Docs(Deployment(), Vpa(mode, string.Empty)));
    }

    [Theory]
    [InlineData("{matchLabels: {app: web}}")]
    [InlineData("{matchExpressions: [{key: tier, operator: In, values: [backend]}]}")]
    [InlineData("{matchExpressions: [{key: tier, operator: NotIn, values: [frontend]}, {key: app, operator: Exists}]}")]
    [InlineData("{matchExpressions: [{key: canary, operator: DoesNotExist}]}")]
    [InlineData("{}")]
    public void PdbSelectingThePodTemplateLabels_IsNotReported(string selector)
    {
        Verify(Rule, Docs(Deployment(), Pdb(selector), Vpa("Recreate", string.Empty)));
    }

    [Theory]
    [InlineData("{matchLabels: {team: storefront}}")]
    [InlineData("{matchExpressions: [{key: tier, operator: In, values: [frontend]}]}")]
    [InlineData("{matchExpressions: [{key: tier, operator: DoesNotExist}]}")]
    [InlineData("{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]}")]
    [InlineData("null")]
    public void PdbNotSelectingThePods_IsReported(string selector)
    {
        Verify(Rule, Docs(Deployment(), Pdb(selector), Vpa("Recreate")));
    }

    [Fact]
    public void EmptySelectorOfV1beta1Pdb_DoesNotCover()
    {
        Verify(Rule, Docs(Deployment(), Pdb("{}", apiVersion: "policy/v1beta1"), Vpa("Recreate")));
    }

    [Fact]
    public void PdbInAnotherNamespace_DoesNotCover()
    {
        Verify(Rule, Docs(Deployment(), Pdb("{matchLabels: {app: web}}", ns: "other"), Vpa("Recreate")));
    }

    [Theory]
    [InlineData("replicas: 1")]
    [InlineData("paused: false")]
    public void SingleReplica_IsLeftAloneByTheUpdater_IsNotReported(string replicas)
    {
        Verify(Rule, Docs(Deployment(replicas), Vpa("Recreate", string.Empty)));
    }

    [Fact]
    public void SingleReplicaWithVpaMinReplicasOne_IsReported()
    {
        Verify(Rule, Docs(Deployment("replicas: 1"), """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              targetRef: {kind: Deployment, name: web}
              updatePolicy:
                updateMode: Recreate   # Noncompliant
                minReplicas: 1
            """));
    }

    [Fact]
    public void SingleReplicaWithMinReplicasOption_IsReported()
    {
        var options = AnalysisOptions.Default with
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["minReplicas"] = "1" },
            }),
        };

        Verify(Rule, Docs(Deployment("replicas: 1"), Vpa("Recreate")), options);
    }

    [Fact]
    public void NoReplicasButAnHpaThatScalesOut_IsReported()
    {
        Verify(Rule, Docs(Deployment("paused: false"), Vpa("Recreate"), """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 5
              metrics:
                - type: Resource
                  resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
            """));
    }

    [Fact]
    public void DaemonSet_ReplicaCountUnknown_IsReported()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
              namespace: shop
            spec:
              selector:
                matchLabels: {app: agent}
              template:
                metadata:
                  labels: {app: agent}
                spec:
                  containers:
                    - name: agent
                      image: ghcr.io/example/agent:1.0.0
            ---
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: agent
              namespace: shop
            spec:
              targetRef: {apiVersion: apps/v1, kind: DaemonSet, name: agent}
              updatePolicy:
                updateMode: Auto   # Noncompliant {{DaemonSet shop/agent}}
            """);
    }

    [Fact]
    public void TargetNotInTheInput_IsLeftToML6005()
    {
        Verify(Rule, Vpa("Recreate", string.Empty));
    }

    [Fact]
    public void TargetInAnotherNamespace_IsNotTheTarget()
    {
        Verify(Rule, Docs(Deployment(ns: "other"), Vpa("Recreate", string.Empty)));
    }
}
