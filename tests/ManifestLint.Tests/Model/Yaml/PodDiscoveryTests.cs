using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;
using ManifestLint.Tests.Rules;
using Xunit;

namespace ManifestLint.Tests.Model.Yaml;

/// <summary>
/// Pods inside custom resources are found by shape (a mapping with a <c>containers</c> list of container mappings) at any
/// depth under <c>spec</c>: a table of well-known CRDs, a made-up one, and <c>containers</c> lists that are no pods.
/// </summary>
public class PodDiscoveryTests
{
    private const string Container = "{name: app, image: app:1}";

    /// <summary>CRD, apiVersion, its spec (flow style, one line) and the pod paths it must give, in order.</summary>
    public static TheoryData<string, string, string, string[]> Crds => new()
    {
        { "Rollout", "argoproj.io/v1alpha1", $"{{replicas: 2, template: {{spec: {{containers: [{Container}]}}}}}}", ["spec.template.spec"] },
        { "ScaledJob", "keda.sh/v1alpha1", $"{{jobTargetRef: {{parallelism: 1, template: {{spec: {{containers: [{Container}]}}}}}}}}", ["spec.jobTargetRef.template.spec"] },
        {
            "TFJob", "kubeflow.org/v1",
            $"{{tfReplicaSpecs: {{Chief: {{replicas: 1, template: {{spec: {{containers: [{Container}]}}}}}}, Worker: {{replicas: 4, template: {{spec: {{containers: [{Container}]}}}}}}}}}}",
            ["spec.tfReplicaSpecs.Chief.template.spec", "spec.tfReplicaSpecs.Worker.template.spec"]
        },
        {
            "PyTorchJob", "kubeflow.org/v1",
            $"{{pytorchReplicaSpecs: {{Master: {{template: {{spec: {{containers: [{Container}]}}}}}}, Worker: {{template: {{spec: {{containers: [{Container}]}}}}}}}}}}",
            ["spec.pytorchReplicaSpecs.Master.template.spec", "spec.pytorchReplicaSpecs.Worker.template.spec"]
        },
        { "Service", "serving.knative.dev/v1", $"{{template: {{spec: {{containerConcurrency: 10, containers: [{Container}]}}}}}}", ["spec.template.spec"] },
        {
            "SparkApplication", "sparkoperator.k8s.io/v1beta2",
            $"{{type: Scala, driver: {{cores: 1, memory: 512m, template: {{spec: {{containers: [{Container}]}}}}}}, executor: {{instances: 2, template: {{spec: {{containers: [{Container}]}}}}}}}}",
            ["spec.driver.template.spec", "spec.executor.template.spec"]
        },
        { "RayCluster", "ray.io/v1", $"{{headGroupSpec: {{template: {{spec: {{containers: [{Container}]}}}}}}, workerGroupSpecs: [{{groupName: w, template: {{spec: {{containers: [{Container}]}}}}}}]}}", ["spec.headGroupSpec.template.spec", "spec.workerGroupSpecs[0].template.spec"] },
        { "Prometheus", "monitoring.coreos.com/v1", $"{{replicas: 2, containers: [{Container}]}}", ["spec"] },
        { "Workspace", "example.com/v1", $"{{stages: {{build: {{podTemplate: {{spec: {{containers: [{Container}]}}}}}}}}}}", ["spec.stages.build.podTemplate.spec"] },
        { "Widget", "example.com/v1", $"{{podTemplate: {{spec: {{containers: [{Container}]}}}}}}", ["spec.podTemplate.spec"] },

        // Tekton Tasks run steps, not a containers list; a TaskRun's podTemplate holds no containers: no pod to check.
        { "Task", "tekton.dev/v1", "{steps: [{name: build, image: golang:1.22, script: go build}], stepTemplate: {image: golang:1.22}}", [] },
        { "TaskRun", "tekton.dev/v1", "{taskRef: {name: build}, podTemplate: {nodeSelector: {disk: ssd}}}", [] },

        // containers keys of unrelated schemas: a list of names, of layout boxes, of empty mappings.
        { "Dashboard", "example.com/v1", "{layout: {containers: [{title: CPU, widgets: [a, b]}, {title: Memory}]}}", [] },
        { "Registry", "example.com/v1", "{mirrors: {containers: [docker.io, ghcr.io]}}", [] },
        { "Policy", "example.com/v1", "{match: {containers: [{name: web}]}}", [] },
    };

    [Theory]
    [MemberData(nameof(Crds))]
    public void CustomResources_HaveTheirPodsFoundByShape(string kind, string apiVersion, string spec, string[] paths)
    {
        var file = ManifestReader.Read(YamlFileLoader.Load("crd.yaml", $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: x, namespace: ml}}\nspec: {spec}\n"));

        Assert.Empty(file.Problems);
        Assert.Equal(paths, file.Workloads.Select(w => w.PodSpecPath));
        Assert.All(file.Workloads, w => Assert.Equal("app", Assert.Single(w.Pod.Containers).Name));
    }

    [Fact]
    public void FindingsInACustomResource_NameThePodsPath_AndEachPodIsReported()
    {
        var findings = ExpectedFindings.Analyze("""
            apiVersion: kubeflow.org/v1
            kind: TFJob
            metadata: {name: mnist, namespace: ml}
            spec:
              tfReplicaSpecs:
                Chief:
                  template:
                    spec:
                      containers:
                        - name: tensorflow
                          image: tensorflow/tensorflow:2.17.0
                          resources: {requests: {memory: 2Gi}}
                Worker:
                  template:
                    spec:
                      containers:
                        - name: tensorflow
                          image: tensorflow/tensorflow:2.17.0
                          resources: {requests: {memory: 2Gi}}
            """).Where(d => d.RuleId == "ML1001").ToList();

        Assert.Equal(
            ["TFJob ml/mnist (spec.tfReplicaSpecs.Chief.template.spec), container \"tensorflow\"", "TFJob ml/mnist (spec.tfReplicaSpecs.Worker.template.spec), container \"tensorflow\""],
            findings.Select(d => d.Message[..d.Message.IndexOf(" has no memory limit", StringComparison.Ordinal)]));
        Assert.Equal([12, 19], findings.Select(d => d.Location.StartLine));
    }

    [Fact]
    public void APodlessContainersList_GivesNoFinding()
    {
        var findings = ExpectedFindings.Analyze("""
            apiVersion: example.com/v1
            kind: Dashboard
            metadata: {name: memory, namespace: ops}
            spec:
              layout:
                containers:
                  - title: Working set
                    widgets: [p50, p99]
                  - name: limits
                    query: sum(kube_pod_container_resource_limits{resource="memory"})
            """);

        Assert.Empty(findings);
    }

    [Fact]
    public void BuiltInKinds_AreReadAtTheirExactPath_Only()
    {
        // A Deployment keeps its pod at spec.template.spec; a containers list elsewhere in it is not searched for.
        var file = ManifestReader.Read(YamlFileLoader.Load("d.yaml", $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d}}\nspec:\n  template: {{spec: {{containers: [{Container}]}}}}\n  extra: {{containers: [{Container}]}}\n"));

        Assert.Equal(["spec.template.spec"], file.Workloads.Select(w => w.PodSpecPath));
    }
}
