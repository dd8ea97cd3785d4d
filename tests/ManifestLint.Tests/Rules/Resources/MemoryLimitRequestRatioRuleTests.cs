using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

public class MemoryLimitRequestRatioRuleTests
{
    private const string Rule = "ML1005";

    [Fact]
    public void LimitEightTimesTheRequest_IsReportedAtLimit()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
              namespace: shop
            spec:
              containers:
                - name: checkout
                  image: node:22-alpine
                  resources:
                    requests:
                      memory: 256Mi
                    limits:
                      memory: 2Gi   # Noncompliant {{memory limit of 2Gi, 8× its request of 256Mi (more than 2×)}}
            """);
    }

    [Theory]
    [InlineData("1Gi", "2Gi")]
    [InlineData("1Gi", "2048Mi")]
    [InlineData("1Gi", "2G")]
    [InlineData("1Gi", "1Gi")]
    [InlineData("2Gi", "1Gi")]
    public void RatioAtMostTwoByValue_IsNotReported(string request, string limit)
    {
        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
            spec:
              containers:
                - name: checkout
                  image: node:22-alpine
                  resources:
                    requests:
                      memory: {request}
                    limits:
                      memory: {limit}
            """);
    }

    [Theory]
    [InlineData("1G", "2Gi", "2.15×")]
    [InlineData("400Mi", "1Gi", "2.56×")]
    [InlineData("1Gi", "2049Mi", "just over 2×")]
    public void RatioAboveTwoByValue_IsReported(string request, string limit, string shown)
    {
        var annotation = $"# Noncompliant {{{{{shown} its request}}}}";

        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
            spec:
              containers:
                - name: checkout
                  image: node:22-alpine
                  resources:
                    requests:
                      memory: {request}
                    limits:
                      memory: {limit}   {annotation}
            """);
    }

    [Fact]
    public void LimitsOnly_RequestDefaultsToTheLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
            spec:
              containers:
                - name: checkout
                  image: node:22-alpine
                  resources:
                    limits:
                      memory: 4Gi
            """);
    }

    [Fact]
    public void LimitsOnlyWithSmallLimitRangeDefaultRequest_RequestStillDefaultsFromTheLimit_IsNotReported()
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
                  defaultRequest:
                    memory: 64Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
              namespace: shop
            spec:
              containers:
                - name: checkout
                  image: node:22-alpine
                  resources:
                    limits:
                      memory: 4Gi
            """);
    }

    [Fact]
    public void LimitFromLimitRangeDefault_IsReportedOnTheContainerNamingTheLimitRange()
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
                    memory: 4Gi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
              namespace: shop
            spec:
              containers:
                - name: checkout
                  image: node:22-alpine
                  resources:   # Noncompliant {{4Gi (default of LimitRange shop/defaults), 16× its request of 256Mi}}
                    requests:
                      memory: 256Mi
            """);
    }

    [Fact]
    public void LimitRangeDefaultAndDefaultRequestFarApart_IsReportedOnEveryContainerWithoutValues()
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
                    memory: 1Gi
                  defaultRequest:
                    memory: 128Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
              namespace: shop
            spec:
              initContainers:
                - name: envoy   # Noncompliant {{sidecar container "envoy"}}
                  image: envoyproxy/envoy:v1.32.1
                  restartPolicy: Always
              containers:
                - name: checkout   # Noncompliant {{defaultRequest of LimitRange shop/defaults}}
                  image: node:22-alpine
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
              namespace: shop
            spec:
              limits:
                - type: Container
                  default:
                    memory: 4Gi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
            spec:
              containers:
                - name: checkout
                  image: node:22-alpine
                  resources:
                    requests:
                      memory: 256Mi
            """);
    }

    [Fact]
    public void CustomMaxRatio_IsHonoured()
    {
        var options = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["maxRatio"] = "4" },
            }),
        };

        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout
            spec:
              containers:
                - name: three-times
                  image: node:22-alpine
                  resources:
                    requests:
                      memory: 1Gi
                    limits:
                      memory: 3Gi
                - name: eight-times
                  image: node:22-alpine
                  resources:
                    requests:
                      memory: 256Mi
                    limits:
                      memory: 2Gi   # Noncompliant {{(more than 4×)}}
            """, options);
    }

    [Fact]
    public void ArgoRolloutSidecar_IsReported()
    {
        Verify(Rule, """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: storefront
              namespace: shop
            spec:
              selector:
                matchLabels:
                  app: storefront
              template:
                metadata:
                  labels:
                    app: storefront
                spec:
                  initContainers:
                    - name: otel-collector
                      image: otel/opentelemetry-collector:0.115.0
                      restartPolicy: Always
                      resources:
                        requests:
                          memory: 64Mi
                        limits:
                          memory: 512Mi   # Noncompliant {{Rollout shop/storefront, sidecar container "otel-collector"}}
                  containers:
                    - name: storefront
                      image: ghcr.io/example/storefront:3.1.0
                      resources:
                        limits:
                          memory: 1Gi
            """);
    }
}
