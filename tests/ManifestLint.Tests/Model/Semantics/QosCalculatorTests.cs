using ManifestLint.Model.Semantics;
using Xunit;
using static ManifestLint.Tests.Model.Semantics.ManifestBuilder;

namespace ManifestLint.Tests.Model.Semantics;

/// <summary>
/// <see cref="QosCalculator"/> against memory-facts.md section 3 (qos.go <c>ComputePodQOS</c>/<c>resourceQOS</c>):
/// only cpu and memory count, every init container (sidecars included) and app container gets a class,
/// and the pod is that class when all agree, else Burstable.
/// </summary>
public class QosCalculatorTests
{
    private const string GuaranteedApp = "{name: app, resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: 500m, memory: 1Gi}}}";

    /// <summary>Every row of the section-3 worked QoS table, plus the pod without any resources.</summary>
    [Theory]
    [InlineData("initContainers: [{name: init}]\ncontainers: [" + GuaranteedApp + "]", QosClass.Burstable)]
    [InlineData("initContainers: [{name: init, resources: {requests: {cpu: '1', memory: 2Gi}, limits: {cpu: '1', memory: 2Gi}}}]\ncontainers: [" + GuaranteedApp + "]", QosClass.Guaranteed)]
    [InlineData("containers: [{name: app, resources: {limits: {cpu: '1', memory: 1Gi}}}]", QosClass.Guaranteed)]
    [InlineData("containers: [{name: app, resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 1Gi}}}]", QosClass.Burstable)]
    [InlineData("containers: [{name: app, resources: {requests: {memory: 1Gi}, limits: {memory: 1Gi}}}]", QosClass.Burstable)]
    [InlineData("containers: [{name: app, resources: {requests: {ephemeral-storage: 1Gi}}}]", QosClass.BestEffort)]
    [InlineData("initContainers: [{name: proxy, restartPolicy: Always}]\ncontainers: [" + GuaranteedApp + "]", QosClass.Burstable)]
    [InlineData("containers: [{name: app}]", QosClass.BestEffort)]
    public void WorkedTableRow_PodGetsDocumentedClass(string spec, QosClass expected)
    {
        Assert.Equal(expected, Pod(spec).Qos());
    }

    [Theory]
    [InlineData("{requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: 500m, memory: 1Gi}}", QosClass.Guaranteed)]
    [InlineData("{requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: '0.5', memory: 1024Mi}}", QosClass.Guaranteed)]
    [InlineData("{requests: {cpu: 500m, memory: 512Mi}, limits: {cpu: 500m, memory: 1Gi}}", QosClass.Burstable)]
    [InlineData("{requests: {cpu: 500m, memory: 1Gi}}", QosClass.Burstable)]
    [InlineData("{limits: {memory: 1Gi}}", QosClass.Burstable)]
    [InlineData("{requests: {cpu: 500m, memory: 1Gi, ephemeral-storage: 1Gi}, limits: {cpu: 500m, memory: 1Gi, ephemeral-storage: 2Gi}}", QosClass.Guaranteed)]
    [InlineData("{limits: {ephemeral-storage: 1Gi, hugepages-2Mi: 2Mi}}", QosClass.BestEffort)]
    [InlineData("{requests: {cpu: '0', memory: '0'}, limits: {cpu: '0', memory: '0'}}", QosClass.BestEffort)]
    public void SingleContainer_ClassFollowsResourceQos(string resources, QosClass expected)
    {
        Assert.Equal(expected, Pod($"containers: [{{name: app, resources: {resources}}}]").Qos());
    }

    [Fact]
    public void GuaranteedContainersWithDifferentSizes_PodIsGuaranteed()
    {
        var qos = Pod("""
            containers:
            - name: app
              resources: {limits: {cpu: "1", memory: 1Gi}}
            - name: cache
              resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {cpu: 250m, memory: 256Mi}}
            """).Qos();

        Assert.Equal(QosClass.Guaranteed, qos);
    }

    [Fact]
    public void BestEffortAndGuaranteedAppContainers_PodIsBurstable()
    {
        var qos = Pod("containers: [" + GuaranteedApp + ", {name: logger}]").Qos();

        Assert.Equal(QosClass.Burstable, qos);
    }

    [Theory]
    [InlineData("default: {memory: 512Mi}\n    defaultRequest: {memory: 256Mi}", QosClass.Burstable)]
    [InlineData("default: {cpu: 500m, memory: 512Mi}\n    defaultRequest: {cpu: 500m, memory: 512Mi}", QosClass.Guaranteed)]
    [InlineData("default: {cpu: 500m, memory: 512Mi}", QosClass.Guaranteed)]
    [InlineData("max: {cpu: '1', memory: 1Gi}", QosClass.Guaranteed)]
    [InlineData("default: {cpu: 500m, memory: 512Mi}\n    defaultRequest: {cpu: 250m, memory: 512Mi}", QosClass.Burstable)]
    public void ResourceLessContainerWithLimitRange_ClassComesFromTheDefaults(string item, QosClass expected)
    {
        var qos = Pod(
            "containers: [{name: app}]",
            $"""
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
            spec:
              limits:
              - type: Container
                {item}
            """).Qos();

        Assert.Equal(expected, qos);
    }

    [Fact]
    public void LimitRangeOfTypePod_LeavesResourceLessPodBestEffort()
    {
        var qos = Pod(
            "containers: [{name: app}]",
            """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: per-pod
            spec:
              limits:
              - type: Pod
                max: {cpu: "2", memory: 2Gi}
            """).Qos();

        Assert.Equal(QosClass.BestEffort, qos);
    }

    /// <summary>PodLevelResources: when <c>spec.resources</c> carries cpu or memory, it alone decides.</summary>
    [Theory]
    [InlineData("{requests: {cpu: '1', memory: 1Gi}, limits: {cpu: '1', memory: 1Gi}}", "containers: [{name: app}]", QosClass.Guaranteed)]
    [InlineData("{limits: {cpu: '1', memory: 1Gi}}", "containers: [{name: app}]", QosClass.Guaranteed)]
    [InlineData("{requests: {cpu: '1', memory: 512Mi}, limits: {cpu: '1', memory: 1Gi}}", "containers: [" + GuaranteedApp + "]", QosClass.Burstable)]
    [InlineData("{requests: {memory: 1Gi}, limits: {memory: 1Gi}}", "containers: [" + GuaranteedApp + "]", QosClass.Burstable)]
    [InlineData("{requests: {cpu: '1', memory: 1Gi}, limits: {cpu: '1', memory: 1Gi}}", "initContainers: [{name: init}]\ncontainers: [{name: app, resources: {requests: {memory: 1Mi}}}]", QosClass.Guaranteed)]
    [InlineData("{requests: {cpu: '1', memory: 1Gi}}", "containers: [" + GuaranteedApp + "]", QosClass.Burstable)]
    public void PodLevelResources_DecideAlone(string podResources, string containers, QosClass expected)
    {
        Assert.Equal(expected, Pod($"resources: {podResources}\n{containers}").Qos());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{requests: {}}")]
    public void PodLevelResourcesWithoutCpuOrMemory_ContainersDecide(string podResources)
    {
        Assert.Equal(QosClass.Guaranteed, Pod($"resources: {podResources}\ncontainers: [" + GuaranteedApp + "]").Qos());
    }
}
