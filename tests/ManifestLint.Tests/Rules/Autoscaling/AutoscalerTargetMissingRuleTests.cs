using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Autoscaling;

public class AutoscalerTargetMissingRuleTests
{
    private const string Rule = "ML6005";

    private static string Docs(params string[] documents) => string.Join("\n---\n", documents);

    private static string Workload(string kind = "Deployment", string name = "web", string ns = "shop") => $"""
        apiVersion: apps/v1
        kind: {kind}
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          selector:
            matchLabels: {"{"}app: {name}{"}"}
          template:
            metadata:
              labels: {"{"}app: {name}{"}"}
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/app:1.0.0
        """;

    [Fact]
    public void VpaTargetMisspelt_IsReportedOnTheName()
    {
        Verify(Rule, Docs(Workload(), """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              targetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: wbe   # Noncompliant {{targets Deployment wbe, which is not in the input although other workloads of namespace shop are (the namespace's workloads are Deployment web)}}
            """));
    }

    [Fact]
    public void HpaTargetOfTheWrongKind_SaysWhichKindExists()
    {
        Verify(Rule, Docs(Workload("StatefulSet"), """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}   # Noncompliant {{a StatefulSet named web is in the input: check the kind}}
              maxReplicas: 3
            """));
    }

    [Fact]
    public void TargetPresent_IsNotReported()
    {
        Verify(Rule, Docs(Workload(), """
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 3
              targetCPUUtilizationPercentage: 70
            """));
    }

    [Fact]
    public void NamespaceWithoutWorkloadsInTheInput_IsNotReported()
    {
        Verify(Rule, Docs(Workload(ns: "other"), """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              targetRef: {kind: Deployment, name: web}
            """));
    }

    [Fact]
    public void AutoscalerWithoutNamespace_LooksInTheDefaultNamespace()
    {
        Verify(Rule, Docs(Workload(ns: "default", name: "api"), """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
            spec:
              targetRef:
                kind: Deployment
                name: web   # Noncompliant {{VerticalPodAutoscaler default/web}}
            """));
    }

    [Fact]
    public void TargetInAnotherFileOfTheInput_IsFound()
    {
        var result = new ManifestLint.Engine.Analysis.AnalysisEngine().Analyze(
        [
            ManifestLint.Engine.Analysis.AnalysisInput.FromText("deploy.yaml", Workload()),
            ManifestLint.Engine.Analysis.AnalysisInput.FromText("vpa.yaml", """
                apiVersion: autoscaling.k8s.io/v1
                kind: VerticalPodAutoscaler
                metadata:
                  name: web
                  namespace: shop
                spec:
                  targetRef: {kind: Deployment, name: web}
                  updatePolicy: {updateMode: "Off"}
                """),
        ]);

        Assert.DoesNotContain(result.Diagnostics, d => d.RuleId is Rule or "ML0000");
    }
}
