using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

public class MemoryRequestExceedsLimitRuleTests
{
    private const string Rule = "ML1003";

    [Fact]
    public void RequestAboveLimit_IsReportedAtRequest()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
              namespace: shop
            spec:
              containers:
                - name: api
                  image: ghcr.io/example/api:1.0.0
                  resources:
                    requests:
                      memory: 2Gi   # Noncompliant {{requests 2Gi of memory, more than its limit of 1Gi}}
                    limits:
                      memory: 1Gi
            """);
    }

    [Theory]
    [InlineData("1Gi", "1Gi")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("1G", "1Gi")]
    [InlineData("1000M", "1G")]
    [InlineData("1e9", "1G")]
    [InlineData("512Mi", "2Gi")]
    public void RequestAtMostLimitByValue_IsNotReported(string request, string limit)
    {
        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: ghcr.io/example/api:1.0.0
                  resources:
                    requests:
                      memory: {request}
                    limits:
                      memory: {limit}
            """);
    }

    [Fact]
    public void OneGiRequestWithOneGLimit_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: ghcr.io/example/api:1.0.0
                  resources:
                    requests:
                      memory: 1Gi   # Noncompliant
                    limits:
                      memory: 1G
            """);
    }

    [Fact]
    public void LimitRangeDefaultBelowWrittenRequest_IsReportedWithTheLimitRangeValue()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: container-defaults
              namespace: reports
            spec:
              limits:
                - type: Container
                  default:
                    memory: 512Mi
                  defaultRequest:
                    memory: 256Mi
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: monthly-report
              namespace: reports
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: render
                      image: python:3.12-slim
                      resources:
                        requests:
                          memory: 768Mi   # Noncompliant {{more than its limit of 512Mi (default of LimitRange reports/container-defaults)}}
            """);
    }

    [Fact]
    public void LimitRangeWithOnlyMaxBelowWrittenRequest_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: ceiling
              namespace: reports
            spec:
              limits:
                - type: Container
                  max:
                    memory: 1Gi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: render
              namespace: reports
            spec:
              containers:
                - name: render
                  image: python:3.12-slim
                  resources:
                    requests:
                      memory: 2Gi   # Noncompliant {{limit of 1Gi (default of LimitRange reports/ceiling)}}
            """);
    }

    [Fact]
    public void LimitsOnlyWithLargerLimitRangeDefaultRequest_RequestDefaultsFromTheLimitFirst_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: container-defaults
              namespace: reports
            spec:
              limits:
                - type: Container
                  defaultRequest:
                    memory: 1Gi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: render
              namespace: reports
            spec:
              containers:
                - name: render
                  image: python:3.12-slim
                  resources:
                    limits:
                      memory: 256Mi
            """);
    }

    [Fact]
    public void LimitRangeInAnotherNamespace_DoesNotApply()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: container-defaults
              namespace: reports
            spec:
              limits:
                - type: Container
                  default:
                    memory: 512Mi
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: render
              namespace: default
            spec:
              containers:
                - name: render
                  image: python:3.12-slim
                  resources:
                    requests:
                      memory: 768Mi
            """);
    }

    [Fact]
    public void InitContainerRequestAboveLimit_IsReported()
    {
        Verify(Rule, """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: kafka
              namespace: streaming
            spec:
              serviceName: kafka
              selector:
                matchLabels:
                  app: kafka
              template:
                metadata:
                  labels:
                    app: kafka
                spec:
                  initContainers:
                    - name: format-storage
                      image: apache/kafka:3.9.0
                      resources:
                        requests:
                          memory: 1Gi   # Noncompliant {{init container "format-storage"}}
                        limits:
                          memory: 512Mi
                  containers:
                    - name: kafka
                      image: apache/kafka:3.9.0
                      resources:
                        limits:
                          memory: 4Gi
            """);
    }

    [Fact]
    public void ZeroLimit_IsLeftToMemoryLimitMissing()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: ghcr.io/example/api:1.0.0
                  resources:
                    requests:
                      memory: 1Gi
                    limits:
                      memory: 0
            """);
    }

    [Fact]
    public void InvalidRequest_IsLeftToInvalidQuantity()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: ghcr.io/example/api:1.0.0
                  resources:
                    requests:
                      memory: 2GB
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void ListItemRequestAboveLimit_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: PodList
            items:
              - apiVersion: v1
                kind: Pod
                metadata:
                  name: api-0
                  namespace: shop
                spec:
                  containers:
                    - name: api
                      image: ghcr.io/example/api:1.0.0
                      resources:
                        requests:
                          memory: 600Mi   # Noncompliant {{Pod shop/api-0}}
                        limits:
                          memory: 500Mi
            """);
    }
}
