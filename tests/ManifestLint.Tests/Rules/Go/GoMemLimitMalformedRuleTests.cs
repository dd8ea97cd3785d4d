using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Go;

public class GoMemLimitMalformedRuleTests
{
    private const string Rule = "ML3003";

    [Theory]
    [InlineData("1800Mi", "Write GOMEMLIMIT=1800MiB.")]
    [InlineData("2Gi", "Write GOMEMLIMIT=2GiB.")]
    [InlineData("2G", "Write GOMEMLIMIT=1953125KiB.")]
    [InlineData("2GB", "Write GOMEMLIMIT=1953125KiB.")]
    [InlineData("1.5GiB", "Write GOMEMLIMIT=1536MiB.")]
    [InlineData("OFF", "Write GOMEMLIMIT=off.")]
    [InlineData("2gib", "Write it like GOMEMLIMIT=3686MiB.")]
    [InlineData("1 GiB", "Write it like GOMEMLIMIT=3686MiB.")]
    [InlineData("-1", "Write it like GOMEMLIMIT=3686MiB.")]
    [InlineData("4Gi", "Write GOMEMLIMIT=3686MiB (90% of the limit); the same amount in Go's syntax, GOMEMLIMIT=4GiB, would leave the GC no headroom.")]
    public void ValueGoRejects_IsReported(string value, string fix)
    {
        Verify(Rule, Pod(value, $"# Noncompliant {{{{GOMEMLIMIT={value} is not a byte count Go accepts}}}}"));
        Verify(Rule, Pod(value, $"# Noncompliant {{{{{fix}}}}}"));
    }

    [Theory]
    [InlineData("1800MiB")]
    [InlineData("1887436800")]
    [InlineData("1887436800B")]
    [InlineData("off")]
    [InlineData("")]
    [InlineData("-0")]
    public void ValueGoAccepts_IsNotReported(string value)
    {
        Verify(Rule, Pod(value, string.Empty));
    }

    [Fact]
    public void MemoryResourceFieldRefWithADivisor_IsReportedAtTheDivisor()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: limit-in-mib
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:
                        resourceFieldRef:
                          resource: limits.memory
                          divisor: 1Mi   # Noncompliant {{GOMEMLIMIT comes from resourceFieldRef limits.memory with divisor 1Mi, a bare number (512) that Go reads as bytes}}
                  resources:
                    limits:
                      memory: 512Mi
                - name: request-in-mib
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:
                        resourceFieldRef:
                          resource: requests.memory
                          divisor: 1Mi   # Noncompliant {{requests.memory with divisor 1Mi}}
                  resources:
                    requests:
                      memory: 400Mi
                    limits:
                      memory: 512Mi
                - name: through-a-variable
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: LIMIT_MIB
                      valueFrom:
                        resourceFieldRef:
                          resource: limits.memory
                          divisor: 1Mi   # Noncompliant
                    - name: GOMEMLIMIT
                      value: $(LIMIT_MIB)
                  resources:
                    limits:
                      memory: 512Mi
                - name: with-a-suffix
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: LIMIT_MIB
                      valueFrom:
                        resourceFieldRef:
                          resource: requests.memory
                          divisor: 1Mi
                    - name: GOMEMLIMIT
                      value: $(LIMIT_MIB)MiB
                  resources:
                    requests:
                      memory: 400Mi
                    limits:
                      memory: 512Mi
                - name: no-limit
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:
                        resourceFieldRef:
                          resource: limits.memory
                          divisor: 1Mi   # Noncompliant {{a bare number that Go reads as bytes, so the GC runs nearly non-stop}}
                - name: default-divisor
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:
                        resourceFieldRef: {resource: requests.memory, divisor: "1"}
                  resources:
                    requests:
                      memory: 400Mi
            """);
    }

    [Fact]
    public void NotReported_ForGoBefore119_OrAnotherRuntime()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: go-1-18
                  image: golang:1.18-alpine
                  env:
                    - {name: GOMEMLIMIT, value: 2Gi}
                - name: node
                  image: node:22
                  env:
                    - {name: GOMEMLIMIT, value: 2Gi}
            """);
    }

    private static string Pod(string value, string annotation) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          containers:
            - name: api
              image: ghcr.io/example/api:1.4.0
              env:
                - name: GOMEMLIMIT
                  value: "{value}"   {annotation}
              resources:
                limits:
                  memory: 4Gi
        """;
}
