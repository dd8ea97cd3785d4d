using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

public class MemoryLimitMissingRuleTests
{
    private const string Rule = "ML1001";

    [Fact]
    public void RequestFromLimitRange_NoLimit_IsReportedAtName()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: requests-only
            spec:
              limits:
                - type: Container
                  defaultRequest:
                    memory: 128Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web   # Noncompliant {{container "web" has no memory limit}}
                  image: nginx:1.27
            """);
    }

    // No request either: one finding, ML1002's "no memory request or limit" (ML1006's in a BestEffort pod).
    [Fact]
    public void ContainerWithoutAnyMemory_IsLeftToMemoryRequestMissing()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                - name: exporter
                  image: nginx/nginx-prometheus-exporter:1.4.0
                  resources: {limits: {memory: 64Mi}}
            """);
    }

    [Fact]
    public void ResourcesWithoutLimits_IsReportedAtResourcesKey()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:   # Noncompliant
                    requests:
                      memory: 256Mi
            """);
    }

    [Fact]
    public void LimitsWithoutMemory_IsReportedAtLimitsKey()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests:
                      memory: 256Mi
                    limits:   # Noncompliant
                      cpu: 500m
            """);
    }

    [Fact]
    public void ZeroLimit_IsReportedAtValue()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    limits:
                      cpu: 500m
                      memory: "0"   # Noncompliant {{memory limit of 0, which means no limit}}
            """);
    }

    [Fact]
    public void WrittenLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    limits:
                      memory: 1G
            """);
    }

    [Fact]
    public void InvalidLimit_IsLeftToInvalidQuantity()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    limits:
                      memory: 1GB
            """);
    }

    [Fact]
    public void InitContainerAndSidecarWithoutLimit_AreReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              initContainers:
                - name: migrate   # Noncompliant {{init container "migrate"}}
                  image: flyway/flyway:10
                - name: envoy
                  image: envoyproxy/envoy:v1.32.1
                  restartPolicy: Always
                  resources: {requests: {memory: 64Mi}}   # Noncompliant {{sidecar container "envoy"}}
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    limits:
                      memory: 256Mi
            """);
    }

    [Fact]
    public void LimitFromLimitRangeDefault_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: shop
            spec:
              limits:
                - type: Container
                  default:
                    memory: 512Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              initContainers:
                - name: migrate
                  image: flyway/flyway:10
              containers:
                - name: web
                  image: nginx:1.27
            """);
    }

    [Fact]
    public void LimitRangeWithOnlyMax_InjectsTheLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: ceiling
              namespace: shop
            spec:
              limits:
                - type: Container
                  max:
                    memory: 1Gi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
                - name: web
                  image: nginx:1.27
            """);
    }

    [Fact]
    public void LimitRangeWithOnlyMin_InjectsNoLimit_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: floor
              namespace: shop
            spec:
              limits:
                - type: Container
                  min:
                    memory: 64Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
                - name: web   # Noncompliant
                  image: nginx:1.27
            """);
    }

    [Fact]
    public void PodTypeLimitRangeItem_DefaultsNoContainer_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: per-pod
              namespace: shop
            spec:
              limits:
                - type: Pod
                  max:
                    memory: 2Gi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources: {requests: {memory: 256Mi}}   # Noncompliant
            """);
    }

    [Fact]
    public void LimitRangeInAnotherNamespace_DoesNotApply()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: payments
            spec:
              limits:
                - type: Container
                  default:
                    memory: 512Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources: {requests: {memory: 256Mi}}   # Noncompliant
            """);
    }

    [Fact]
    public void LimitRangeAndPodWithoutNamespace_BothLiveInDefault_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
            spec:
              limits:
                - type: Container
                  default:
                    memory: 512Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
            """);
    }

    [Fact]
    public void LimitRangeWithoutNamespace_DoesNotApplyToANamedNamespace()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
            spec:
              limits:
                - type: Container
                  default:
                    memory: 512Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources: {requests: {memory: 256Mi}}   # Noncompliant
            """);
    }

    [Fact]
    public void ZeroLimitFromLimitRange_IsReportedOnTheContainer()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: shop
            spec:
              limits:
                - type: Container
                  default:
                    memory: "0"
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:   # Noncompliant {{memory limit of 0}}
                    requests:
                      memory: 128Mi
            """);
    }

    [Fact]
    public void PodLevelMemoryLimit_BoundsEveryContainer_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              resources:
                limits:
                  cpu: "1"
                  memory: 1Gi
              containers:
                - name: web
                  image: nginx:1.27
                - name: exporter
                  image: nginx/nginx-prometheus-exporter:1.4.0
            """);
    }

    [Fact]
    public void PodLevelCpuLimitOnly_DoesNotBoundMemory_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              resources:
                limits:
                  cpu: "1"
              containers:
                - name: web
                  image: nginx:1.27
                  resources: {requests: {memory: 256Mi}}   # Noncompliant
            """);
    }

    [Fact]
    public void LimitRangeInAnotherFile_Applies()
    {
        var limitRange = """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: shop
            spec:
              limits:
                - type: Container
                  default:
                    memory: 512Mi
            """;
        var pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              containers:
                - name: web
                  image: nginx:1.27
            """;

        var result = new AnalysisEngine().Analyze([AnalysisInput.FromText("limitrange.yaml", limitRange), AnalysisInput.FromText("pod.yaml", pod)]);

        Assert.DoesNotContain(result.Diagnostics, d => d.RuleId == Rule);
    }

    [Fact]
    public void CronJobContainer_IsReported()
    {
        Verify(Rule, """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly-export
              namespace: reports
            spec:
              schedule: "0 2 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - name: export
                          image: python:3.12-slim
                          resources: {requests: {memory: 256Mi}}   # Noncompliant {{CronJob reports/nightly-export}}
            """);
    }

    [Fact]
    public void StatefulSetContainer_IsReported()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: postgres
              namespace: data
            spec:
              serviceName: postgres
              selector:
                matchLabels:
                  app: postgres
              template:
                metadata:
                  labels:
                    app: postgres
                spec:
                  containers:
                    - name: postgres
                      image: postgres:16
                      resources:
                        requests:   # Noncompliant@-1 {{StatefulSet data/postgres}}
                          memory: 2Gi
            """);
    }

    [Fact]
    public void PodTemplateContainer_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: PodTemplate
            metadata:
              name: worker-template
              namespace: batch
            template:
              metadata:
                labels:
                  app: worker
              spec:
                containers:
                  - name: worker
                    image: busybox:1.37
                    resources: {requests: {memory: 256Mi}}   # Noncompliant {{PodTemplate batch/worker-template}}
            """);
    }

    [Fact]
    public void ArgoRolloutContainer_IsReported()
    {
        Verify(Rule, """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: storefront
              namespace: shop
            spec:
              replicas: 3
              strategy:
                canary:
                  steps:
                    - setWeight: 20
              selector:
                matchLabels:
                  app: storefront
              template:
                metadata:
                  labels:
                    app: storefront
                spec:
                  containers:
                    - name: storefront
                      image: ghcr.io/example/storefront:3.1.0
                      resources: {requests: {memory: 256Mi}}   # Noncompliant {{Rollout shop/storefront}}
            """);
    }

    [Fact]
    public void ListItems_AreEachChecked()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: shop
                spec:
                  selector:
                    matchLabels:
                      app: api
                  template:
                    metadata:
                      labels:
                        app: api
                    spec:
                      containers:
                        - name: api
                          image: ghcr.io/example/api:1.0.0
                          resources: {requests: {memory: 256Mi}}   # Noncompliant {{Deployment shop/api}}
              - apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: fluent-bit
                  namespace: logging
                spec:
                  selector:
                    matchLabels:
                      app: fluent-bit
                  template:
                    metadata:
                      labels:
                        app: fluent-bit
                    spec:
                      containers:
                        - name: fluent-bit
                          image: fluent/fluent-bit:3.2
                          resources: {requests: {memory: 256Mi}}   # Noncompliant {{DaemonSet logging/fluent-bit}}
            """);
    }


    // Corpus: rendered/jupyterhub.yaml, StatefulSet user-placeholder and DaemonSet hook-image-puller: containers running
    // registry.k8s.io/pause, whose binary only waits for a signal. A command in the pause image is something else.
    [Fact]
    public void PauseContainers_AreNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: user-placeholder
            spec:
              containers:
                - name: pause
                  image: registry.k8s.io/pause:3.10.2
                  resources:
                    requests:
                      memory: 1G
                - name: old-pause
                  image: k8s.gcr.io/pause-amd64:3.1
                - name: not-pause
                  image: registry.k8s.io/pause:3.10.2
                  command: [/bin/sh, -c, "sleep 1"]
                  resources: {requests: {memory: 256Mi}}   # Noncompliant
            """);
    }
}
