using ManifestLint.Engine.Catalog;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

public class BestEffortPodRuleTests
{
    private const string Rule = "ML1006";

    [Fact]
    public void PodWithoutResources_IsReportedAtContainersKey()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
              namespace: ops
            spec:
              containers:   # Noncompliant {{Pod ops/debug runs BestEffort pods}}
                - name: shell
                  image: busybox:1.37
                  command: ["sleep", "infinity"]
            """);
    }

    [Fact]
    public void OnlyEphemeralStorageAndGpu_StillBestEffort_IsReported()
    {
        Verify(Rule, """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: train
              namespace: ml
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:   # Noncompliant
                    - name: train
                      image: pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime
                      resources:
                        requests:
                          ephemeral-storage: 10Gi
                        limits:
                          nvidia.com/gpu: 1
            """);
    }

    [Fact]
    public void CpuRequestOnly_IsBurstable_IsNotReported()
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
                      cpu: 100m
            """);
    }

    [Fact]
    public void OneContainerWithMemory_MakesThePodBurstable_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
                - name: fetch-config
                  image: curlimages/curl:8.11.0
                  resources:
                    limits:
                      memory: 32Mi
              containers:
                - name: web
                  image: nginx:1.27
            """);
    }

    [Fact]
    public void LimitRangeDefaults_MakeThePodBurstable_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: ops
            spec:
              limits:
                - type: Container
                  defaultRequest:
                    memory: 64Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
              namespace: ops
            spec:
              containers:
                - name: shell
                  image: busybox:1.37
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
              namespace: ops
            spec:
              limits:
                - type: Container
                  defaultRequest:
                    memory: 64Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              containers:   # Noncompliant {{Pod default/debug}}
                - name: shell
                  image: busybox:1.37
            """);
    }

    [Fact]
    public void CronJobStatefulSetAndPodTemplate_AreReported()
    {
        Verify(Rule, """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cleanup
              namespace: ops
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:   # Noncompliant {{CronJob ops/cleanup}}
                        - name: cleanup
                          image: bitnami/kubectl:1.31
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: zookeeper
              namespace: ops
            spec:
              serviceName: zookeeper
              selector:
                matchLabels:
                  app: zookeeper
              template:
                metadata:
                  labels:
                    app: zookeeper
                spec:
                  containers:   # Noncompliant {{StatefulSet ops/zookeeper}}
                    - name: zookeeper
                      image: zookeeper:3.9
            ---
            apiVersion: v1
            kind: PodTemplate
            metadata:
              name: runner
              namespace: ops
            template:
              spec:
                containers:   # Noncompliant {{PodTemplate ops/runner}}
                  - name: runner
                    image: busybox:1.37
            """);
    }

    [Fact]
    public void ListItems_AreEachReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Pod
                metadata:
                  name: a
                spec:
                  containers:   # Noncompliant {{Pod default/a}}
                    - name: shell
                      image: busybox:1.37
              - apiVersion: v1
                kind: Pod
                metadata:
                  name: b
                spec:
                  containers:   # Noncompliant {{Pod default/b}}
                    - name: shell
                      image: busybox:1.37
            """);
    }

    [Fact]
    public void OnlyValueDoesNotParse_IsLeftToInvalidQuantity()
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
    public void ContainersNotAList_IsLeftToInvalidManifest()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                name: web   # Noncompliant:5 {{'spec.containers' must be a list}}
                image: nginx:1.27
            """;

        Verify(RuleIds.InvalidManifest, Yaml);
        Assert.DoesNotContain(Analyze(Yaml), d => d.RuleId == Rule);
    }
}
