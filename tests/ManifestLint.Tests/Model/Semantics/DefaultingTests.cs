using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;
using Xunit;
using static ManifestLint.Tests.Model.Semantics.ManifestBuilder;

namespace ManifestLint.Tests.Model.Semantics;

/// <summary>
/// <see cref="Defaulting"/> against memory-facts.md section 2: <c>SetDefaults_Pod</c> (request from limit, per key),
/// LimitRanger admission (fill missing keys only) and <c>SetDefaults_LimitRangeItem</c>.
/// </summary>
public class DefaultingTests
{
    private const string Memory = ResourceNames.Memory;
    private const string Cpu = ResourceNames.Cpu;

    [Fact]
    public void MemoryLimitOnly_RequestDefaultsFromLimitAndCpuStaysAbsent()
    {
        var effective = Pod("""
            containers:
            - name: app
              resources:
                limits: {memory: 1Gi}
            """).Resolve("app");

        var request = Assert.IsType<EffectiveValue>(effective.Request(Memory));
        Assert.Equal(Q("1Gi"), request.Value);
        Assert.Equal(ValueOrigin.RequestFromLimit, request.Origin);
        Assert.Null(request.FromLimitRange);
        Assert.Equal(ValueOrigin.Written, effective.Limit(Memory)?.Origin);
        Assert.Null(effective.Request(Cpu));
        Assert.Null(effective.Limit(Cpu));
    }

    [Fact]
    public void LimitForOneKeyOnly_OtherKeysWrittenRequestIsUntouched()
    {
        var effective = Pod("""
            containers:
            - name: app
              resources:
                requests: {cpu: 250m}
                limits: {memory: 1Gi}
            """).Resolve("app");

        Assert.Equal(Q("250m"), effective.Request(Cpu)?.Value);
        Assert.Equal(ValueOrigin.Written, effective.Request(Cpu)?.Origin);
        Assert.Null(effective.Limit(Cpu));
        Assert.Equal(Q("1Gi"), effective.Request(Memory)?.Value);
        Assert.Equal(ValueOrigin.RequestFromLimit, effective.Request(Memory)?.Origin);
    }

    [Fact]
    public void WrittenRequestBelowLimit_RequestIsKept()
    {
        var effective = Pod("""
            containers:
            - name: app
              resources:
                requests: {memory: 256Mi}
                limits: {memory: 1Gi}
            """).Resolve("app");

        Assert.Equal(Q("256Mi"), effective.Request(Memory)?.Value);
        Assert.Equal(ValueOrigin.Written, effective.Request(Memory)?.Origin);
        Assert.Equal(Q("1Gi"), effective.Limit(Memory)?.Value);
    }

    [Fact]
    public void NoResources_NothingIsInvented()
    {
        var effective = Pod("""
            containers:
            - name: app
              image: nginx
            """).Resolve("app");

        Assert.Empty(effective.Requests);
        Assert.Empty(effective.Limits);
    }

    [Fact]
    public void InitContainerLimitOnly_RequestDefaultsFromLimit()
    {
        var effective = Pod("""
            initContainers:
            - name: migrate
              resources:
                limits: {memory: 300Mi}
            containers:
            - name: app
            """).Resolve("migrate");

        Assert.Equal(Q("300Mi"), effective.Request(Memory)?.Value);
        Assert.Equal(ValueOrigin.RequestFromLimit, effective.Request(Memory)?.Origin);
    }

    [Fact]
    public void LimitRangeDefaults_FillOnlyMissingKeys()
    {
        var builder = Pod(
            """
            containers:
            - name: app
              resources:
                requests: {memory: 100Mi}
                limits: {memory: 200Mi}
            """,
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults, namespace: default}
            spec:
              limits:
              - type: Container
                default: {cpu: "1", memory: 512Mi}
                defaultRequest: {cpu: 500m, memory: 256Mi}
            """);

        var effective = builder.Resolve("app");

        Assert.Equal(Q("100Mi"), effective.Request(Memory)?.Value);
        Assert.Equal(ValueOrigin.Written, effective.Request(Memory)?.Origin);
        Assert.Equal(Q("200Mi"), effective.Limit(Memory)?.Value);
        Assert.Equal(ValueOrigin.Written, effective.Limit(Memory)?.Origin);

        var cpuLimit = Assert.IsType<EffectiveValue>(effective.Limit(Cpu));
        Assert.Equal(Q("1"), cpuLimit.Value);
        Assert.Equal(ValueOrigin.LimitRangeDefault, cpuLimit.Origin);
        Assert.Same(builder.File.LimitRanges[0], cpuLimit.FromLimitRange);
        var cpuRequest = Assert.IsType<EffectiveValue>(effective.Request(Cpu));
        Assert.Equal(Q("500m"), cpuRequest.Value);
        Assert.Equal(ValueOrigin.LimitRangeDefaultRequest, cpuRequest.Origin);
        Assert.Same(builder.File.LimitRanges[0], cpuRequest.FromLimitRange);
    }

    [Fact]
    public void LimitRangeDefaults_ApplyToInitAndSidecarContainers()
    {
        var builder = Pod(
            """
            initContainers:
            - name: migrate
            - name: proxy
              restartPolicy: Always
            containers:
            - name: app
            """,
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

        foreach (var name in new[] { "migrate", "proxy", "app" })
        {
            var effective = builder.Resolve(name);
            Assert.Equal(Q("256Mi"), effective.Request(Memory)?.Value);
            Assert.Equal(Q("512Mi"), effective.Limit(Memory)?.Value);
        }
    }

    /// <summary>
    /// <c>SetDefaults_LimitRangeItem</c>: a missing default takes max; a missing defaultRequest takes default,
    /// else min. Expected values are empty when the key must stay absent.
    /// </summary>
    [Theory]
    [InlineData("max: {memory: 1Gi}", "1Gi", "1Gi")]
    [InlineData("default: {memory: 512Mi}", "512Mi", "512Mi")]
    [InlineData("min: {memory: 64Mi}", "64Mi", "")]
    [InlineData("defaultRequest: {memory: 128Mi}", "128Mi", "")]
    [InlineData("max: {memory: 1Gi}\nmin: {memory: 64Mi}", "1Gi", "1Gi")]
    [InlineData("default: {memory: 512Mi}\nmin: {memory: 64Mi}", "512Mi", "512Mi")]
    [InlineData("max: {memory: 1Gi}\ndefault: {memory: 512Mi}", "512Mi", "512Mi")]
    [InlineData("max: {memory: 1Gi}\ndefaultRequest: {memory: 128Mi}", "128Mi", "1Gi")]
    [InlineData("min: {memory: 64Mi}\ndefaultRequest: {memory: 128Mi}", "128Mi", "")]
    [InlineData("maxLimitRequestRatio: {memory: \"2\"}", "", "")]
    public void LimitRangeItem_DefaultsFollowSetDefaultsLimitRangeItem(string item, string expectedRequest, string expectedLimit)
    {
        var itemYaml = string.Join('\n', item.Split('\n').Select(line => "    " + line));
        var effective = Pod(
            """
            containers:
            - name: app
            """,
            $"""
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: item
            spec:
              limits:
              - type: Container
            {itemYaml}
            """).Resolve("app");

        AssertQuantity(expectedRequest, effective.Request(Memory));
        AssertQuantity(expectedLimit, effective.Limit(Memory));
    }

    [Fact]
    public void LimitRangeMaxOnly_InjectsRequestAndLimitEqualToMaxWithLimitRangeOrigins()
    {
        var effective = Pod(
            """
            containers:
            - name: app
            """,
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: cap}
            spec:
              limits:
              - type: Container
                max: {memory: 1Gi}
            """).Resolve("app");

        Assert.Equal(ValueOrigin.LimitRangeDefault, effective.Limit(Memory)?.Origin);
        Assert.Equal(ValueOrigin.LimitRangeDefaultRequest, effective.Request(Memory)?.Origin);
    }

    /// <summary>Section 2 worked example: LimitRange default.memory 512Mi, defaultRequest.memory 256Mi.</summary>
    [Theory]
    [InlineData("{}", "256Mi", ValueOrigin.LimitRangeDefaultRequest, "512Mi", ValueOrigin.LimitRangeDefault)]
    [InlineData("{requests: {memory: 768Mi}}", "768Mi", ValueOrigin.Written, "512Mi", ValueOrigin.LimitRangeDefault)]
    [InlineData("{limits: {memory: 1Gi}}", "1Gi", ValueOrigin.RequestFromLimit, "1Gi", ValueOrigin.Written)]
    public void WorkedExampleLimitRange_ContainerGetsDocumentedRequestAndLimit(
        string resources, string request, ValueOrigin requestOrigin, string limit, ValueOrigin limitOrigin)
    {
        var effective = Pod(
            $"""
            containers:
            - name: app
              resources: {resources}
            """,
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: mem-limit-range}
            spec:
              limits:
              - type: Container
                default: {memory: 512Mi}
                defaultRequest: {memory: 256Mi}
            """).Resolve("app");

        Assert.Equal(Q(request), effective.Request(Memory)?.Value);
        Assert.Equal(requestOrigin, effective.Request(Memory)?.Origin);
        Assert.Equal(Q(limit), effective.Limit(Memory)?.Value);
        Assert.Equal(limitOrigin, effective.Limit(Memory)?.Origin);
    }

    [Fact]
    public void LimitRangeOfTypePod_IsNotAppliedToContainers()
    {
        var effective = Pod(
            """
            containers:
            - name: app
            """,
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: per-pod}
            spec:
              limits:
              - type: Pod
                max: {memory: 2Gi}
                min: {memory: 1Mi}
            """).Resolve("app");

        Assert.Null(effective.Request(Memory));
        Assert.Null(effective.Limit(Memory));
    }

    [Fact]
    public void TwoLimitRanges_FirstToSetAKeyWinsAndTheSecondFillsTheRest()
    {
        var builder = Pod(
            """
            containers:
            - name: app
            """,
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: first}
            spec:
              limits:
              - type: Container
                default: {memory: 512Mi}
                defaultRequest: {memory: 256Mi}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: second}
            spec:
              limits:
              - type: Container
                default: {cpu: "2", memory: 4Gi}
                defaultRequest: {cpu: "1", memory: 2Gi}
            """);

        var effective = builder.Resolve("app");

        Assert.Equal(Q("256Mi"), effective.Request(Memory)?.Value);
        Assert.Equal("first", effective.Request(Memory)?.FromLimitRange?.Resource.Name);
        Assert.Equal(Q("512Mi"), effective.Limit(Memory)?.Value);
        Assert.Equal("first", effective.Limit(Memory)?.FromLimitRange?.Resource.Name);
        Assert.Equal(Q("1"), effective.Request(Cpu)?.Value);
        Assert.Equal("second", effective.Request(Cpu)?.FromLimitRange?.Resource.Name);
        Assert.Equal(Q("2"), effective.Limit(Cpu)?.Value);
    }

    /// <summary>
    /// admission.go <c>defaultContainerResourceRequirements</c> assigns each Container item's defaults into one map,
    /// so within one LimitRange a later item overwrites an earlier one.
    /// </summary>
    [Fact]
    public void OneLimitRangeWithTwoContainerItems_LaterItemWins()
    {
        var effective = Pod(
            """
            containers:
            - name: app
            """,
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: two-items}
            spec:
              limits:
              - type: Container
                default: {memory: 512Mi}
                defaultRequest: {memory: 256Mi}
              - type: Container
                max: {memory: 1Gi}
            """).Resolve("app");

        Assert.Equal(Q("1Gi"), effective.Request(Memory)?.Value);
        Assert.Equal(Q("1Gi"), effective.Limit(Memory)?.Value);
    }

    [Fact]
    public void InvalidWrittenLimit_StaysPresentWithNullValueAndBlocksDefaults()
    {
        var effective = Pod(
            """
            containers:
            - name: app
              resources:
                limits: {memory: 1GB}
            """,
            """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults}
            spec:
              limits:
              - type: Container
                default: {memory: 512Mi}
                defaultRequest: {memory: 256Mi}
            """).Resolve("app");

        var limit = Assert.IsType<EffectiveValue>(effective.Limit(Memory));
        Assert.Null(limit.Value);
        Assert.Equal(ValueOrigin.Written, limit.Origin);
        Assert.Equal("1GB", limit.Written?.Text);
        Assert.NotNull(limit.Written?.Error);
        var request = Assert.IsType<EffectiveValue>(effective.Request(Memory));
        Assert.Null(request.Value);
        Assert.Equal(ValueOrigin.RequestFromLimit, request.Origin);
    }

    [Fact]
    public void InvalidWrittenRequest_StaysPresentWithNullValueAndIsNotReplacedByTheLimit()
    {
        var effective = Pod("""
            containers:
            - name: app
              resources:
                requests: {memory: 1 Gi}
                limits: {memory: 1Gi}
            """).Resolve("app");

        var request = Assert.IsType<EffectiveValue>(effective.Request(Memory));
        Assert.Null(request.Value);
        Assert.Equal(ValueOrigin.Written, request.Origin);
        Assert.Equal(Q("1Gi"), effective.Limit(Memory)?.Value);
    }

    private static void AssertQuantity(string expected, EffectiveValue? actual)
    {
        if (expected.Length == 0)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Equal(Q(expected), actual?.Value);
        }
    }
}
