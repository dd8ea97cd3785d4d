using ManifestLint.Model.Runtimes;
using ManifestLint.Tests.Model.Semantics;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class DownwardApiTests
{
    [Theory]
    [InlineData("{resource: limits.memory}", "limits: {memory: 1Gi}", "1073741824")]
    [InlineData("{resource: limits.memory, divisor: '1'}", "limits: {memory: 1Gi}", "1073741824")]
    [InlineData("{resource: limits.memory, divisor: 1Mi}", "limits: {memory: 1Gi}", "1024")]
    [InlineData("{resource: limits.memory, divisor: 1Gi}", "limits: {memory: 1500M}", "2")]
    [InlineData("{resource: limits.memory, divisor: 1M}", "limits: {memory: 1Gi}", "1074")]
    [InlineData("{resource: requests.memory, divisor: 1Mi}", "limits: {memory: 1Gi}", "1024")]
    [InlineData("{resource: requests.memory, divisor: 1Mi}", "requests: {memory: 300Mi}", "300")]
    [InlineData("{resource: limits.memory}", "requests: {memory: 300Mi}", null)]
    [InlineData("{resource: limits.cpu}", "limits: {cpu: '1'}", null)]
    [InlineData("{containerName: other, resource: limits.memory, divisor: 1Mi}", "limits: {memory: 1Gi}", "64")]
    [InlineData("{containerName: missing, resource: limits.memory}", "limits: {memory: 1Gi}", null)]
    public void ResourceFieldRef_IsCeilingOfValueOverDivisor(string field, string resources, string? expected)
    {
        var pod = ManifestBuilder.Pod($"""
            containers:
              - name: app
                image: example/app:1
                env:
                  - name: X
                    valueFrom:
                      resourceFieldRef: {field}
                resources:
                  {resources}
              - name: other
                image: example/other:1
                resources:
                  limits: {"{"}memory: 64Mi{"}"}
            """);
        var container = pod.Container("app");

        Assert.Equal(expected, DownwardApi.Resolve(container.Env[0], container, pod.PodSpec, pod.Effective));
    }
}
