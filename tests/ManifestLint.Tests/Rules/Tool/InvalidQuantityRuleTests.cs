using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Tool;

public class InvalidQuantityRuleTests
{
    private const string Rule = "ML0003";

    [Theory]
    [InlineData("1GB")]
    [InlineData("512MB")]
    [InlineData("1Mb")]
    [InlineData("1K")]
    [InlineData("1gi")]
    [InlineData("\"1 Gi\"")]
    [InlineData("1.1.M")]
    [InlineData("true")]
    [InlineData("[1Gi]")]
    public void UnparseableMemoryLimit_IsReportedAtValue(string quantity)
    {
        const string annotation = "# Noncompliant {{resources.limits.memory is invalid}}";

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
                    limits:
                      memory: {quantity}   {annotation}
            """);
    }

    [Theory]
    [InlineData("1Gi")]
    [InlineData("1G")]
    [InlineData("1k")]
    [InlineData("1Ki")]
    [InlineData("1E")]
    [InlineData("1e3")]
    [InlineData("1.5Gi")]
    [InlineData(".5Gi")]
    [InlineData("\" 1Gi \"")]
    [InlineData("0")]
    public void ValidMemoryQuantity_IsNotReported(string quantity)
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
                      memory: {quantity}
            """);
    }

    [Fact]
    public void NegativeRequest_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              initContainers:
                - name: migrate
                  image: flyway/flyway:10
                  resources:
                    requests:
                      cpu: -100m   # Noncompliant {{init container "migrate": resources.requests.cpu is negative}}
            """);
    }

    [Fact]
    public void LimitRangeAndResourceQuotaValues_AreChecked()
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
                    memory: 512MB   # Noncompliant {{LimitRange shop/defaults: spec.limits[0].default.memory is invalid}}
                  max:
                    memory: 2Gi
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: compute
              namespace: shop
            spec:
              hard:
                requests.memory: 64GB   # Noncompliant {{ResourceQuota shop/compute: spec.hard.requests.memory}}
                limits.memory: 128Gi
            """);
    }

    [Fact]
    public void SizeLimitOverheadAndPodLevelResources_AreChecked()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: sandboxed
              namespace: shop
            spec:
              runtimeClassName: kata
              overhead:
                memory: 120 Mi   # Noncompliant {{overhead.memory}}
              resources:
                limits:
                  memory: 1GB   # Noncompliant {{Pod shop/sandboxed: resources.limits.memory}}
              containers:
                - name: app
                  image: ghcr.io/example/app:1.0.0
              volumes:
                - name: scratch
                  emptyDir:
                    medium: Memory
                    sizeLimit: 64MB   # Noncompliant {{volume "scratch" emptyDir.sizeLimit is invalid}}
            """);
    }

    [Fact]
    public void CronJobAndListItems_AreChecked()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                  namespace: reports
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                            - name: report
                              image: python:3.12-slim
                              resources:
                                limits:
                                  memory: 2GB   # Noncompliant {{CronJob reports/report, container "report"}}
            """);
    }
}
