using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

public class CriticalPodNotGuaranteedRuleTests
{
    private const string Rule = "ML1007";

    [Fact]
    public void CriticalBurstablePod_IsReportedAtPriorityClassName()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: kube-proxy
              namespace: kube-system
            spec:
              selector:
                matchLabels:
                  k8s-app: kube-proxy
              template:
                metadata:
                  labels:
                    k8s-app: kube-proxy
                spec:
                  priorityClassName: system-node-critical   # Noncompliant {{but its pods are Burstable, not Guaranteed}}
                  containers:
                    - name: kube-proxy
                      image: registry.k8s.io/kube-proxy:v1.31.4
                      resources:
                        requests:
                          cpu: 100m
                          memory: 64Mi
                        limits:
                          memory: 128Mi
            """);
    }

    [Fact]
    public void CriticalBestEffortPod_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              priorityClassName: system-cluster-critical   # Noncompliant {{but its pods are BestEffort}}
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns:v1.11.3
            """);
    }

    [Fact]
    public void CpuAndMemoryRequestsEqualLimits_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              priorityClassName: system-cluster-critical
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns:v1.11.3
                  resources:
                    requests:
                      cpu: "0.1"
                      memory: 1Gi
                    limits:
                      cpu: 100m
                      memory: 1024Mi
            """);
    }

    [Fact]
    public void LimitsOnly_RequestsDefaultToLimits_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              priorityClassName: system-cluster-critical
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns:v1.11.3
                  resources:
                    limits:
                      cpu: "1"
                      memory: 170Mi
            """);
    }

    [Fact]
    public void MemoryEqualButNoCpu_IsBurstable_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              priorityClassName: system-cluster-critical   # Noncompliant {{Burstable}}
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns:v1.11.3
                  resources:
                    requests:
                      memory: 170Mi
                    limits:
                      memory: 170Mi
            """);
    }

    [Fact]
    public void OneGiRequestWithOneGLimit_IsNotEqual_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              priorityClassName: system-cluster-critical   # Noncompliant
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns:v1.11.3
                  resources:
                    requests:
                      cpu: 100m
                      memory: 1G
                    limits:
                      cpu: 100m
                      memory: 1Gi
            """);
    }

    [Fact]
    public void InitContainerWithoutResources_DemotesToBurstable_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: etcd
              namespace: kube-system
            spec:
              priorityClassName: system-node-critical   # Noncompliant {{Burstable}}
              initContainers:
                - name: check-data-dir
                  image: busybox:1.37
              containers:
                - name: etcd
                  image: registry.k8s.io/etcd:3.5.16-0
                  resources:
                    limits:
                      cpu: "1"
                      memory: 2Gi
            """);
    }

    [Fact]
    public void SidecarWithoutResources_DemotesToBurstable_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: etcd
              namespace: kube-system
            spec:
              priorityClassName: system-node-critical   # Noncompliant
              initContainers:
                - name: backup-agent
                  image: ghcr.io/example/etcd-backup:0.3.0
                  restartPolicy: Always
              containers:
                - name: etcd
                  image: registry.k8s.io/etcd:3.5.16-0
                  resources:
                    limits:
                      cpu: "1"
                      memory: 2Gi
            """);
    }

    [Fact]
    public void InitContainerGuaranteedWithOtherValues_StaysGuaranteed_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: etcd
              namespace: kube-system
            spec:
              priorityClassName: system-node-critical
              initContainers:
                - name: check-data-dir
                  image: busybox:1.37
                  resources:
                    limits:
                      cpu: 10m
                      memory: 16Mi
              containers:
                - name: etcd
                  image: registry.k8s.io/etcd:3.5.16-0
                  resources:
                    limits:
                      cpu: "1"
                      memory: 2Gi
            """);
    }

    [Fact]
    public void LimitRangeMaxOnly_InjectsEqualRequestAndLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: ceiling
              namespace: kube-system
            spec:
              limits:
                - type: Container
                  max:
                    cpu: "1"
                    memory: 512Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              priorityClassName: system-cluster-critical
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns:v1.11.3
            """);
    }

    [Fact]
    public void OrdinaryPriorityClass_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              priorityClassName: high-priority
              containers:
                - name: web
                  image: nginx:1.27
            """);
    }

    [Fact]
    public void ConfiguredCriticalClass_IsReported()
    {
        var options = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["criticalPriorityClasses"] = "platform-critical, system-node-critical" },
            }),
        };

        Verify(Rule, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ingress-nginx-controller
              namespace: ingress-nginx
            spec:
              selector:
                matchLabels:
                  app: ingress-nginx
              template:
                metadata:
                  labels:
                    app: ingress-nginx
                spec:
                  priorityClassName: platform-critical   # Noncompliant {{Deployment ingress-nginx/ingress-nginx-controller}}
                  containers:
                    - name: controller
                      image: registry.k8s.io/ingress-nginx/controller:v1.12.0
                      resources:
                        requests:
                          cpu: 100m
                          memory: 90Mi
            """, options);
    }

    [Fact]
    public void InvalidQuantity_IsLeftToInvalidQuantity()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              priorityClassName: system-cluster-critical
              containers:
                - name: coredns
                  image: registry.k8s.io/coredns/coredns:v1.11.3
                  resources:
                    limits:
                      cpu: 100m
                      memory: 170MB
            """);
    }
}
