using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Go;

public class GoGcOffWithoutMemLimitRuleTests
{
    private const string Rule = "ML3002";

    [Theory]
    [InlineData("off", null, "GOGC=off without GOMEMLIMIT turns the Go garbage collector off, so the heap only grows")]
    [InlineData("-1", null, "GOGC=-1 without GOMEMLIMIT")]
    [InlineData("-100", null, "GOGC=-100")]
    [InlineData("off", "off", "without GOMEMLIMIT")]
    [InlineData("off", "", "without GOMEMLIMIT")]
    public void GcOffWithoutALimit_IsReported(string gogc, string? memLimit, string message)
    {
        Verify(Rule, Pod(gogc, memLimit, $"# Noncompliant {{{{{message}}}}}"));
    }

    [Theory]
    [InlineData("off", "900MiB")]
    [InlineData("off", "900Mi")]
    [InlineData("OFF", null)]
    [InlineData("Off", null)]
    [InlineData("0", null)]
    [InlineData("100%", null)]
    [InlineData("50", null)]
    public void GcOnOrLimited_IsNotReported(string gogc, string? memLimit)
    {
        Verify(Rule, Pod(gogc, memLimit, string.Empty));
    }

    [Fact]
    public void OldGo_IgnoresGoMemLimit()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: job
            spec:
              containers:
                - name: job
                  image: golang:1.18
                  env:
                    - name: GOGC
                      value: "off"   # Noncompliant {{GOGC=off with a GOMEMLIMIT that Go 1.18 ignores (it arrived in Go 1.19)}}
                    - name: GOMEMLIMIT
                      value: 900MiB
            """);
    }

    [Fact]
    public void UnknownGoMemLimit_IsNotReported_ButAScriptPrefixIs()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: job
            spec:
              containers:
                - name: secret-limit
                  image: golang:1.22
                  env:
                    - {name: GOGC, value: "off"}
                    - name: GOMEMLIMIT
                      valueFrom:
                        configMapKeyRef: {name: go, key: limit}
                - name: script
                  image: golang:1.22
                  command: [sh, -c, 'GOGC=off exec /app/job']   # Noncompliant
            """);
    }

    private static string Pod(string gogc, string? memLimit, string annotation) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: job
        spec:
          containers:
            - name: job
              image: ghcr.io/example/job:1.0.0
              env:
                - name: GOGC
                  value: "{gogc}"   {annotation}{(memLimit is null ? string.Empty : $"\n        - name: GOMEMLIMIT\n          value: \"{memLimit}\"")}
              resources:
                limits:
                  memory: 1Gi
        """;
}
