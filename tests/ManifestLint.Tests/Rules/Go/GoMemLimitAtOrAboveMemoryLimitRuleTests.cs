using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Go;

public class GoMemLimitAtOrAboveMemoryLimitRuleTests
{
    private const string Rule = "ML3001";

    [Theory]
    [InlineData("1GiB", "1Gi", "GOMEMLIMIT=1GiB is at or above the 1024 MiB memory limit")]
    [InlineData("1073741824", "1Gi", "Set GOMEMLIMIT=921MiB (90% of the limit).")]
    [InlineData("2GiB", "1Gi", "is at or above")]
    [InlineData("1000000000B", "1G", "is at or above the ≈954 MiB memory limit")]
    [InlineData("1000MiB", "1Gi", "GOMEMLIMIT=1000MiB is 97.7% of the 1024 MiB memory limit, more than 95%")]
    [InlineData("973MiB", "1Gi", "95%")]
    public void LimitAtOrNearTheContainerLimit_IsReported(string value, string limit, string message)
    {
        Verify(Rule, Pod(value, limit, $"# Noncompliant {{{{{message}}}}}"));
    }

    [Theory]
    [InlineData("921MiB", "1Gi")]
    [InlineData("972MiB", "1Gi")]
    [InlineData("off", "1Gi")]
    [InlineData("2Gi", "1Gi")]
    public void LimitWithHeadroom_OffOrMalformed_IsNotReported(string value, string limit)
    {
        Verify(Rule, Pod(value, limit, string.Empty));
    }

    [Fact]
    public void ResourceFieldRefWithTheDefaultDivisor_IsTheWholeLimit()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: default-divisor
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:   # Noncompliant {{GOMEMLIMIT from resourceFieldRef limits.memory (536870912) is at or above the 512 MiB memory limit}}
                        resourceFieldRef:
                          resource: limits.memory
                  resources:
                    limits:
                      memory: 512Mi
                - name: divisor-one
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:   # Noncompliant
                        resourceFieldRef:
                          resource: limits.memory
                          divisor: "1"
                  resources:
                    limits:
                      memory: 512Mi
                - name: mib-suffix
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: LIMIT_MIB
                      valueFrom:
                        resourceFieldRef: {resource: limits.memory, divisor: 1Mi}
                    - name: GOMEMLIMIT
                      value: $(LIMIT_MIB)MiB   # Noncompliant {{GOMEMLIMIT=512MiB is at or above}}
                  resources:
                    limits:
                      memory: 512Mi
                - name: request-below-limit
                  image: ghcr.io/example/api:1.4.0
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:
                        resourceFieldRef: {resource: requests.memory}
                  resources:
                    requests:
                      memory: 400Mi
                    limits:
                      memory: 512Mi
            """);
    }

    [Fact]
    public void ResourceFieldRefOfAnotherContainer_UsesThatContainersLimit()
    {
        Verify(Rule, """
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
                      valueFrom:   # Noncompliant {{(2147483648) is at or above the 1024 MiB memory limit}}
                        resourceFieldRef: {containerName: big, resource: limits.memory}
                  resources:
                    limits:
                      memory: 1Gi
                - name: big
                  image: nginx:1.27
                  resources:
                    limits:
                      memory: 2Gi
            """);
    }

    [Fact]
    public void ExportedByAShellScript_IsReportedAtTheScript()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: golang:1.22
                  command: [sh, -c, 'export GOMEMLIMIT=2GiB && exec /app/server']   # Noncompliant
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void NotReported_ForOldGo_NoLimit_UnknownValue_OrAnotherRuntime()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: go-1-18
                  image: golang:1.18
                  env:
                    - {name: GOMEMLIMIT, value: 2GiB}
                  resources:
                    limits:
                      memory: 1Gi
                - name: no-limit
                  image: golang:1.22
                  env:
                    - {name: GOMEMLIMIT, value: 2GiB}
                - name: from-a-secret
                  image: golang:1.22
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:
                        secretKeyRef: {name: go, key: limit}
                  resources:
                    limits:
                      memory: 1Gi
                - name: a-jvm
                  image: eclipse-temurin:21
                  env:
                    - {name: GOMEMLIMIT, value: 2GiB}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void MaxPercentageOption_IsHonoured()
    {
        var options = new AnalysisOptions
        {
            Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Rule] = new Dictionary<string, string> { ["maxPercentage"] = "90" },
            }),
        };

        Verify(Rule, Pod("950MiB", "1Gi", "# Noncompliant {{more than 90%}}"), options);
        Verify(Rule, Pod("921MiB", "1Gi", string.Empty), options);
    }

    private static string Pod(string value, string limit, string annotation) => $"""
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
                  memory: {limit}
        """;
}
