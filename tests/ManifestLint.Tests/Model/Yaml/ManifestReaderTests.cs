using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Problems;
using ManifestLint.Model.Yaml;
using Xunit;

namespace ManifestLint.Tests.Model.Yaml;

public class ManifestReaderTests
{
    private static ManifestFile Read(string yaml, ModelOptions? options = null) =>
        ManifestReader.Read(YamlFileLoader.Load("m.yaml", yaml), options);

    [Theory]
    [InlineData("Deployment", "apps/v1")]
    [InlineData("StatefulSet", "apps/v1")]
    [InlineData("DaemonSet", "apps/v1")]
    [InlineData("ReplicaSet", "apps/v1")]
    [InlineData("ReplicationController", "v1")]
    [InlineData("Job", "batch/v1")]
    [InlineData("Rollout", "argoproj.io/v1alpha1")]
    [InlineData("CloneSet", "apps.kruise.io/v1alpha1")]
    public void TemplateKinds_AreWorkloads(string kind, string apiVersion)
    {
        var file = Read($$"""
            apiVersion: {{apiVersion}}
            kind: {{kind}}
            metadata: {name: w}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: app:1
            """);

        var workload = Assert.Single(file.Workloads);
        Assert.Equal("spec.template.spec", workload.PodSpecPath);
        Assert.Equal("app", Assert.Single(workload.Pod.Containers).Name);
    }

    [Fact]
    public void CronJobPodTemplateAndPod_AreWorkloads()
    {
        var file = Read("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers: [{name: job}]
            ---
            apiVersion: v1
            kind: PodTemplate
            metadata: {name: t}
            template:
              spec:
                containers: [{name: tpl}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: pod}]
            """);

        Assert.Equal(["job", "tpl", "pod"], file.Workloads.Select(w => w.Pod.Containers[0].Name));
    }

    [Fact]
    public void CustomResourceWithoutContainerList_IsNotAWorkload()
    {
        var file = Read("""
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec:
              template:
                spec: {replicas: 2}
            """);

        Assert.Single(file.Resources);
        Assert.Empty(file.Workloads);
    }

    [Fact]
    public void DocumentsWithoutApiVersionAndKind_AreSkippedSilently()
    {
        var file = Read("replicaCount: 1\nimage: {tag: x}\n---\n- a\n- b\n---\njust text\n");

        Assert.Empty(file.Resources);
        Assert.Empty(file.Problems);
    }

    [Fact]
    public void ListKinds_AreExpanded_AndItemsKeepTheirPositions()
    {
        var file = Read("""
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Pod
                metadata: {name: a}
                spec: {containers: [{name: x}]}
              - apiVersion: v1
                kind: Pod
                metadata: {name: b, namespace: team}
                spec: {containers: [{name: y}]}
            """);

        Assert.Equal(["a", "b"], file.Resources.Select(r => r.Name));
        Assert.Equal(8, file.Workloads[1].Resource.Span.StartLine);
        Assert.Equal("team", file.Resources[1].Namespace);
    }

    [Fact]
    public void MissingNamespace_IsDefault_OrTheConfiguredOne()
    {
        const string yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n";

        Assert.Equal("default", Read(yaml).Resources[0].Namespace);
        Assert.Equal("prod", Read(yaml, new ModelOptions { DefaultNamespace = "prod" }).Resources[0].Namespace);
    }

    [Fact]
    public void InitContainerWithRestartPolicyAlways_IsASidecar()
    {
        var file = Read("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
                - name: migrate
                - name: proxy
                  restartPolicy: Always
              containers: [{name: app}]
            """);

        var pod = file.Workloads[0].Pod;
        Assert.Equal([ContainerKind.Init, ContainerKind.Sidecar], pod.InitContainers.Select(c => c.Kind));
        Assert.Equal(["migrate", "proxy", "app"], pod.AllContainers.Select(c => c.Name));
    }

    [Fact]
    public void ContainerFields_AreRead()
    {
        var file = Read("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p, labels: {app: web}, annotations: {note: x}}
            spec:
              priorityClassName: system-node-critical
              volumes:
                - name: cache
                  emptyDir: {medium: Memory, sizeLimit: 64Mi}
              containers:
                - name: app
                  image: eclipse-temurin:21
                  command: [java]
                  args: ["-Xmx512m", "-jar", "app.jar"]
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: -XX:MaxRAMPercentage=75
                    - name: LIMIT
                      valueFrom:
                        resourceFieldRef: {resource: limits.memory, divisor: 1Mi}
                  resources:
                    requests: {memory: 1Gi, cpu: 500m}
                    limits: {memory: 1Gi}
            """);

        var workload = file.Workloads[0];
        var app = workload.Pod.Containers[0];
        Assert.Equal("web", workload.Resource.Labels["app"]);
        Assert.Equal("system-node-critical", workload.Pod.PriorityClassName);
        Assert.True(workload.Pod.Volumes[0].EmptyDir!.IsMemoryBacked);
        Assert.Equal("eclipse-temurin:21", app.Image);
        Assert.Equal(["-Xmx512m", "-jar", "app.jar"], app.Args);
        Assert.Equal("-XX:MaxRAMPercentage=75", app.Env[0].Value);
        Assert.Equal("limits.memory", app.Env[1].ResourceField!.Resource);
        Assert.Equal(Quantity.FromUnits(1L << 30), app.Resources.Limits.Get("memory"));
        Assert.Equal(Quantity.FromUnits(1L << 20), app.Env[1].ResourceField!.Divisor!.Value);
    }

    [Theory]
    [InlineData("spec:\n  containers: {name: app}\n", "'spec.containers' must be a list, but it is a mapping.", 4)]
    [InlineData("spec:\n  containers:\n    - name: app\n      resources:\n        limits: 1Gi\n", "'spec.containers[0].resources.limits' must be a mapping, but it is a string.", 7)]
    [InlineData("spec:\n  containers:\n    - image: nginx\n", "'spec.containers[0]' has no name; the API server rejects a container without one.", 5)]
    [InlineData("spec:\n  containers:\n    - name: 5\n", "'spec.containers[0].name' must be a string, but it is the value 5.", 5)]
    public void MalformedStructure_IsAProblemAtTheNode(string spec, string message, int line)
    {
        var file = Read($"apiVersion: v1\nkind: Pod\n{spec}");

        var problem = Assert.Single(file.Problems);
        Assert.Equal(ModelProblemKind.InvalidStructure, problem.Kind);
        Assert.Equal(message, problem.Message);
        Assert.Equal(line, problem.Span.StartLine);
    }

    [Fact]
    public void KindThatIsNotAString_IsAProblem()
    {
        var problem = Assert.Single(Read("apiVersion: v1\nkind: 42\n").Problems);

        Assert.Equal("'kind' must be a string, but it is the value 42.", problem.Message);
    }

    [Fact]
    public void NullsEverywhere_AreAbsentFields()
    {
        var file = Read("apiVersion: v1\nkind: Pod\nmetadata:\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          memory:\n");

        Assert.Empty(file.Problems);
        Assert.Empty(file.Workloads[0].Pod.Containers[0].Resources.Limits.Values);
    }
}
