using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

public class MemoryRequestMissingRuleTests
{
    private const string Rule = "ML1002";

    [Fact]
    public void ContainerWithoutResources_IsReportedAtName()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web   # Noncompliant {{container "web" has no memory request or limit}}
                  image: nginx:1.27
                - name: exporter
                  image: nginx/nginx-prometheus-exporter:1.4.0
                  resources: {limits: {memory: 64Mi}}
            """);
    }

    [Fact]
    public void RequestsWithoutMemory_IsReportedAtRequestsKey()
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
                    requests:   # Noncompliant
                      cpu: 250m
            """);
    }

    [Fact]
    public void LimitsWithoutMemory_IsReportedAtResourcesKey()
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
                    limits:
                      cpu: 500m
            """);
    }

    [Fact]
    public void LimitsOnly_RequestDefaultsFromLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      resources:
                        limits:
                          memory: 512Mi
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
                      memory: 512MB
            """);
    }

    // The pod's effective request is max(init requests, app + sidecar requests) (KEP-753): the 256Mi the app requests is
    // reserved for the pod while "migrate" runs alone, so its missing request changes nothing. The sidecar runs beside
    // the app, so its missing request does.
    [Fact]
    public void SidecarWithoutRequest_IsReported_ButAnInitContainerThePodAlreadyReservesFor_IsNot()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
                - name: envoy   # Noncompliant {{sidecar container "envoy"}}
                  image: envoyproxy/envoy:v1.32.1
                  restartPolicy: Always
                - name: migrate
                  image: flyway/flyway:10
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests:
                      memory: 256Mi
            """);
    }

    // Nothing in the pod requests memory beyond the sidecar that runs beside "migrate": its request would be the pod's.
    [Fact]
    public void InitContainer_IsReported_WhenNothingElseReservesMemoryWhileItRuns()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
                - name: envoy
                  image: envoyproxy/envoy:v1.32.1
                  restartPolicy: Always
                  resources: {requests: {memory: 64Mi}}
                - name: migrate   # Noncompliant {{init container "migrate" has no memory request or limit, and no other container of the pod requests memory while it runs}}
                  image: flyway/flyway:10
              containers:
                - name: web   # Noncompliant {{container "web" has no memory request}}
                  image: nginx:1.27
            """);
    }

    // A later init container's request is reserved for the pod while an earlier one runs too.
    [Fact]
    public void InitContainer_IsNotReported_WhenAnotherInitContainerRequestsMemory()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
                - name: fetch
                  image: busybox:1.36
                - name: migrate
                  image: flyway/flyway:10
                  resources: {requests: {memory: 512Mi}, limits: {memory: 512Mi}}
              containers:
                - name: web
                  image: nginx:1.27
                  resources: {requests: {memory: 256Mi}, limits: {memory: 256Mi}}
            """);
    }

    [Theory]
    [InlineData("defaultRequest")]
    [InlineData("default")]
    [InlineData("max")]
    [InlineData("min")]
    public void LimitRangeSuppliesTheRequest_IsNotReported(string field)
    {
        Verify(Rule, $"""
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: shop
            spec:
              limits:
                - type: Container
                  {field}:
                    memory: 256Mi
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

    [Theory]
    [InlineData("requests")]
    [InlineData("limits")]
    public void PodLevelMemoryRequestOrLimit_CoversEveryContainer_IsNotReported(string list)
    {
        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              resources:
                {list}:
                  memory: 1Gi
              containers:
                - name: web
                  image: nginx:1.27
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
              namespace: staging
            spec:
              limits:
                - type: Container
                  defaultRequest:
                    memory: 256Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources: {requests: {cpu: 100m}}   # Noncompliant
            """);
    }

    [Fact]
    public void CronJobWithCpuRequestOnly_IsReported()
    {
        Verify(Rule, """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: sitemap
              namespace: shop
            spec:
              schedule: "@hourly"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - name: sitemap
                          image: ghcr.io/example/sitemap:1.4.0
                          resources:
                            requests:   # Noncompliant {{CronJob shop/sitemap}}
                              cpu: 100m
                            limits:
                              cpu: 500m
            """);
    }


    // Corpus: rendered/jupyterhub.yaml, DaemonSet continuous-image-puller: its long-running container is the pause image.
    [Fact]
    public void PauseContainers_AreNotReported()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: continuous-image-puller
            spec:
              selector:
                matchLabels: {app: puller}
              template:
                metadata:
                  labels: {app: puller}
                spec:
                  containers:
                    - name: pause
                      image: registry.k8s.io/pause:3.10.2
            """);
    }
}
