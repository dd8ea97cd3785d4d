using ManifestLint.Tests.Rules;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// Valid YAML in the wrong shape for Kubernetes: each is ML0001 (or ML0003 for a quantity) at the offending node,
/// never an exception (<see cref="ExpectedFindings.Verify"/> also fails on any ML0000).
/// </summary>
public class StructureTests
{
    [Fact]
    public void ContainersAMapping_IsML0001AtTheMapping()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                name: web # Noncompliant {{'spec.containers' must be a list, but it is a mapping}}
                image: nginx
            """);
    }

    [Fact]
    public void LimitsAString_IsML0001AtTheString()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      resources:
                        limits: 512Mi # Noncompliant {{'spec.template.spec.containers[0].resources.limits' must be a mapping}}
            """);
    }

    [Fact]
    public void QuantitiesAsBooleansListsAndMappings_AreML0003AtTheValue()
    {
        ExpectedFindings.Verify("ML0003", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  resources:
                    requests:
                      memory: true # Noncompliant {{not the boolean true}}
                      cpu: [1] # Noncompliant {{not a list}}
                    limits:
                      memory: {value: 1Gi} # Noncompliant {{not a mapping}}
            """);
    }

    [Fact]
    public void NullEverywhere_IsReadAsAbsent_WithoutCrashing()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: v1
            kind: Pod
            metadata: null
            spec:
              containers:
                - name: ~ # Noncompliant {{has no name}}
                  resources: null
                  env: ~
                  command: null
                - null # Noncompliant {{is empty; a container must be a mapping with a name}}
                - ~ # Noncompliant
              initContainers: ~
              volumes: null
              overhead: ~
            """);
    }

    [Fact]
    public void NullInEveryWorkloadField_IsNotACrash()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ~, namespace: ~, labels: ~, annotations: ~}
            spec: {replicas: ~, selector: ~, template: ~}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec: {jobTemplate: {spec: {template: {spec: {containers: ~}}}}}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: lr}
            spec: {limits: [~, {type: ~, default: ~, max: {memory: ~}}]}
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q}
            spec: {hard: ~}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: h}
            spec: {scaleTargetRef: ~, metrics: [~, {type: ~, resource: ~}]}
            ---
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata: {name: v}
            spec: {targetRef: ~, updatePolicy: ~, resourcePolicy: {containerPolicies: [~]}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: p}
            spec: {selector: ~}
            """);
    }

    [Fact]
    public void KindAnInteger_IsML0001AtTheKind()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: v1
            kind: 42 # Noncompliant {{'kind' must be a string, but it is the value 42}}
            metadata:
              name: web
            ---
            apiVersion: 1.0 # Noncompliant {{'apiVersion' must be a string}}
            kind: Pod
            """);
    }

    [Fact]
    public void KindAListOrAMapping_IsML0001()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: v1
            kind: [Pod] # Noncompliant {{'kind' must be a string, but it is a list}}
            ---
            apiVersion: {v: 1} # Noncompliant {{'apiVersion' must be a string, but it is a mapping}}
            kind: Pod
            """);
    }

    [Fact]
    public void ContainerWithoutAName_IsML0001AtTheContainer_AndItsOtherFindingsStillCome()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - image: nginx # Noncompliant {{has no name}}
                  resources:
                    requests: {memory: 64Mi}
            """;

        ExpectedFindings.Verify("ML0001", Yaml);
        Assert.Contains(ExpectedFindings.Analyze(Yaml), d => d.RuleId == "ML1001" && d.Message.Contains("containers[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void ScalarsWhereMappingsBelong_AreML0001()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: v1
            kind: Pod
            metadata: web # Noncompliant {{'metadata' must be a mapping}}
            spec: "containers" # Noncompliant {{'spec' must be a mapping}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: [a] # Noncompliant {{'metadata.name' must be a string}}
              labels: [a, b] # Noncompliant {{'metadata.labels' must be a mapping}}
            spec:
              containers:
                - name: c
                  env: {A: b} # Noncompliant {{must be a list}}
                  command: "java -jar app.jar" # Noncompliant {{must be a list}}
                  args: [[nested]] # Noncompliant {{must be a string}}
            """);
    }

    [Fact]
    public void DocumentsThatAreNotMappings_AreSkipped()
    {
        ExpectedFindings.Verify("ML0001", """
            - apiVersion: v1
              kind: Pod
            ---
            just a string
            ---
            42
            ---
            [kind, Pod]
            """);
    }

    [Fact]
    public void ListOfObjects_WithBadItems_ReportsEachItem()
    {
        ExpectedFindings.Verify("ML0001", """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Pod
                metadata: {name: a}
                spec: {containers: {}} # Noncompliant {{'spec.containers' must be a list}}
              - 42 # Noncompliant {{'items[1]' must be a mapping}}
              - ~
            ---
            apiVersion: v1
            kind: List
            items: {a: b} # Noncompliant {{'items' must be a list}}
            """);
    }
}
