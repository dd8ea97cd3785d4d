using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;
using Xunit;
using static ManifestLint.Tests.Model.Semantics.ManifestBuilder;

namespace ManifestLint.Tests.Model.Semantics;

/// <summary>
/// <see cref="PodResources"/> against memory-facts.md section 4 (component-helpers resource/helpers.go
/// <c>PodRequests</c>/<c>PodLimits</c>, KEP-753): app containers and sidecars are summed, each regular init
/// container counts with the sidecars declared before it, overhead goes to requests always and to non-zero limits.
/// </summary>
public class PodResourcesTests
{
    private const string App = """
        containers:
        - {name: app, resources: {requests: {memory: 1Gi}}}
        - {name: helper, resources: {requests: {memory: 512Mi}}}
        """;

    /// <summary>Both rows of the section-4 worked example (requests; app = 1Gi + 512Mi).</summary>
    [Theory]
    [InlineData("""
        initContainers:
        - {name: setup, resources: {requests: {memory: 2Gi}}}
        - {name: proxy, restartPolicy: Always, resources: {requests: {memory: 500Mi}}}
        - {name: warmup, resources: {requests: {memory: 1Gi}}}
        """, "2Gi")]
    [InlineData("""
        initContainers:
        - {name: proxy, restartPolicy: Always, resources: {requests: {memory: 500Mi}}}
        - {name: setup, resources: {requests: {memory: 2Gi}}}
        """, "2548Mi")]
    public void WorkedExampleInitOrder_PodRequestMatchesTable(string initContainers, string expected)
    {
        var request = Pod(initContainers + "\n" + App).PodRequest();

        Assert.Equal(Q(expected), request.Total);
        Assert.False(request.Unbounded);
    }

    [Theory]
    [InlineData("containers: [{name: app, resources: {requests: {memory: 1Gi}}}]", "1Gi")]
    [InlineData("containers: [{name: a, resources: {requests: {memory: 1Gi}}}, {name: b, resources: {requests: {memory: 512Mi}}}]", "1536Mi")]
    [InlineData("initContainers: [{name: big, resources: {requests: {memory: 4Gi}}}]\ncontainers: [{name: app, resources: {requests: {memory: 1Gi}}}]", "4Gi")]
    [InlineData("initContainers: [{name: proxy, restartPolicy: Always, resources: {requests: {memory: 256Mi}}}]\ncontainers: [{name: app, resources: {requests: {memory: 1Gi}}}]", "1280Mi")]
    [InlineData("containers: [{name: app, resources: {limits: {memory: 768Mi}}}]", "768Mi")]
    [InlineData("containers: [{name: app}]", "0")]
    public void ContainerRequests_AggregateByKep753Formula(string spec, string expected)
    {
        Assert.Equal(Q(expected), Pod(spec).PodRequest().Total);
    }

    [Fact]
    public void WorkedExampleAsLimits_PodLimitUsesTheSameFormula()
    {
        var limit = Pod("""
            initContainers:
            - {name: proxy, restartPolicy: Always, resources: {limits: {memory: 500Mi}}}
            - {name: setup, resources: {limits: {memory: 2Gi}}}
            containers:
            - {name: app, resources: {limits: {memory: 1Gi}}}
            - {name: helper, resources: {limits: {memory: 512Mi}}}
            """).PodLimit();

        Assert.Equal(Q("2548Mi"), limit.Total);
        Assert.False(limit.Unbounded);
    }

    [Fact]
    public void LimitRangeDefaults_CountInThePodRequestAndLimit()
    {
        var builder = Pod(
            "containers: [{name: app}, {name: helper, resources: {limits: {memory: 1Gi}}}]",
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults}
            spec:
              limits:
              - type: Container
                default: {memory: 512Mi}
                defaultRequest: {memory: 256Mi}
            """);

        Assert.Equal(Q("1280Mi"), builder.PodRequest().Total);
        var limit = builder.PodLimit();
        Assert.Equal(Q("1536Mi"), limit.Total);
        Assert.False(limit.Unbounded);
    }

    [Theory]
    [InlineData("containers: [{name: app, resources: {requests: {memory: 1Gi}, limits: {memory: 2Gi}}}]", "1Gi", "1144Mi")]
    [InlineData("containers: [{name: app}]", "0", "120Mi")]
    [InlineData("containers: [{name: app, resources: {limits: {cpu: '1'}}}]", "0", "120Mi")]
    public void Overhead_IsAlwaysAddedToTheRequest(string spec, string containerTotal, string expected)
    {
        var request = Pod("overhead: {memory: 120Mi}\n" + spec).PodRequest();

        Assert.Equal(Q(containerTotal) + Q("120Mi"), request.Total);
        Assert.Equal(Q(expected), request.Total);
    }

    [Fact]
    public void OverheadWithNonZeroLimit_IsAddedToTheLimit()
    {
        var limit = Pod("""
            overhead: {memory: 120Mi}
            containers: [{name: app, resources: {limits: {memory: 2Gi}}}]
            """).PodLimit();

        Assert.Equal(Q("2168Mi"), limit.Total);
        Assert.False(limit.Unbounded);
    }

    [Theory]
    [InlineData("containers: [{name: app}]")]
    [InlineData("containers: [{name: app, resources: {requests: {memory: 1Gi}}}]")]
    [InlineData("containers: [{name: app, resources: {limits: {memory: '0'}}}]")]
    public void OverheadWithZeroLimit_IsNotAddedToTheLimit(string spec)
    {
        var limit = Pod("overhead: {memory: 120Mi}\n" + spec).PodLimit();

        Assert.Equal(Q("0"), limit.Total);
    }

    [Fact]
    public void OverheadForAnotherResource_DoesNotChangeMemory()
    {
        var builder = Pod("""
            overhead: {cpu: 250m}
            containers: [{name: app, resources: {limits: {memory: 1Gi}}}]
            """);

        Assert.Equal(Q("1Gi"), builder.PodRequest().Total);
        Assert.Equal(Q("1Gi"), builder.PodLimit().Total);
        Assert.Equal(Q("250m"), builder.PodRequest(ResourceNames.Cpu).Total);
    }

    [Fact]
    public void OneContainerWithoutLimit_PodLimitIsUnboundedAlthoughTheSumLooksFinite()
    {
        var limit = Pod("""
            containers:
            - {name: app, resources: {limits: {memory: 1Gi}}}
            - {name: logger, resources: {requests: {memory: 64Mi}}}
            """).PodLimit();

        Assert.True(limit.Unbounded);
        Assert.Equal(Q("1Gi"), limit.Total);
    }

    [Fact]
    public void SidecarWithoutLimit_PodLimitIsUnbounded()
    {
        var limit = Pod("""
            initContainers:
            - {name: proxy, restartPolicy: Always}
            containers:
            - {name: app, resources: {limits: {memory: 1Gi}}}
            """).PodLimit();

        Assert.True(limit.Unbounded);
    }

    [Fact]
    public void EveryContainerWithLimit_PodLimitIsBounded()
    {
        var limit = Pod("""
            initContainers:
            - {name: proxy, restartPolicy: Always, resources: {limits: {memory: 128Mi}}}
            containers:
            - {name: app, resources: {limits: {memory: 1Gi}}}
            """).PodLimit();

        Assert.False(limit.Unbounded);
        Assert.Equal(Q("1152Mi"), limit.Total);
    }

    [Fact]
    public void MissingRequests_PodRequestIsNeverUnbounded()
    {
        var request = Pod("containers: [{name: app}, {name: other, resources: {requests: {memory: 1Gi}}}]").PodRequest();

        Assert.False(request.Unbounded);
        Assert.Equal(Q("1Gi"), request.Total);
    }

    [Fact]
    public void PodLevelLimit_ReplacesContainerSumAndBoundsThePod()
    {
        var builder = Pod("""
            resources: {limits: {memory: 3Gi}}
            containers:
            - {name: app, resources: {limits: {memory: 1Gi}}}
            - {name: unbounded}
            """);

        var limit = builder.PodLimit();
        Assert.Equal(Q("3Gi"), limit.Total);
        Assert.False(limit.Unbounded);
        Assert.Equal(Q("3Gi"), builder.PodRequest().Total);
    }

    [Fact]
    public void PodLevelRequest_ReplacesContainerSumAndOverheadIsAdded()
    {
        var request = Pod("""
            overhead: {memory: 100Mi}
            resources: {requests: {memory: 2Gi}, limits: {memory: 4Gi}}
            containers:
            - {name: app, resources: {requests: {memory: 1Gi}}}
            """).PodRequest();

        Assert.Equal(Q("2148Mi"), request.Total);
    }
}
