using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

public class SuspiciousMemoryQuantityRuleTests
{
    private const string Rule = "ML1004";

    [Fact]
    public void MilliSuffixLimit_IsReportedAtValue()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
              namespace: cache
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    limits:
                      memory: 512m   # Noncompliant {{memory limit of "512m", which is 0.512 bytes}}
            """);
    }

    // 1073741824000m is 1073741824000 thousandths of a byte: exactly 1 GiB. Kubernetes reads it as meant.
    [Fact]
    public void MilliSuffix_ThatIsAWholeNumberOfBytes_IsANoteWithTheCanonicalForm()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
              namespace: cache
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    requests:
                      memory: 1073741824000m   # Noncompliant [note] {{thousandths of a byte that make exactly 1 GiB. Write 1Gi}}
                    limits:
                      memory: 2147483648000m   # Noncompliant [note] {{Write 2Gi}}
            """);
    }

    // 1500m is 1.5 bytes: a fraction of a byte, which the kubelet rounds up; still the unit mistake.
    [Fact]
    public void MilliSuffix_ThatIsAFractionOfAByte_IsAnError()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
              namespace: cache
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    limits:
                      memory: 1500m   # Noncompliant [error] {{which is 1.5 bytes, a fraction of a byte: m means milli, not mega}}
            """);
    }

    [Fact]
    public void PlainNumberRequest_IsReportedAsBytes()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
              namespace: cache
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    requests:
                      memory: 512   # Noncompliant {{which is only 512 bytes. A plain number is bytes. Did you mean 512Mi?}}
                    limits:
                      memory: 512Mi
            """);
    }

    [Theory]
    [InlineData("\"512\"")]
    [InlineData("0.5")]
    [InlineData("1e3")]
    [InlineData("1000Ki")]
    [InlineData("1048575")]
    [InlineData("100m")]
    public void ValueBelowOneMebibyteOrMilli_IsReported(string quantity)
    {
        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    limits:
                      memory: {quantity}   # Noncompliant
            """);
    }

    [Theory]
    [InlineData("1Mi")]
    [InlineData("1048576")]
    [InlineData("512Mi")]
    [InlineData("1G")]
    [InlineData("0.5Gi")]
    [InlineData("0")]
    [InlineData("\"0\"")]
    public void ByteValueOfAtLeastOneMebibyteOrZero_IsNotReported(string quantity)
    {
        Verify(Rule, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    requests:
                      memory: {quantity}
                    limits:
                      memory: 2Gi
            """);
    }

    [Fact]
    public void CpuInMillicores_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    requests:
                      cpu: 500m
                      memory: 256Mi
                    limits:
                      cpu: 1500m
                      memory: 256Mi
            """);
    }

    [Fact]
    public void MilliLimitOnly_IsReportedOnceNotAgainOnTheDefaultedRequest()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    limits:
                      memory: 256m   # Noncompliant
            """);
    }

    [Fact]
    public void RequestAndLimitBothWrong_AreEachReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    requests:
                      memory: 256   # Noncompliant {{memory request}}
                    limits:
                      memory: 512m   # Noncompliant {{memory limit}}
            """);
    }

    [Fact]
    public void NegativeOrInvalid_IsLeftToInvalidQuantity()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.4
                  resources:
                    requests:
                      memory: -512m
                    limits:
                      memory: 512mb
            """);
    }

    [Fact]
    public void InitContainerAndCronJob_AreChecked()
    {
        Verify(Rule, """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cache-warmup
              namespace: cache
            spec:
              schedule: "*/30 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      initContainers:
                        - name: wait-for-redis
                          image: busybox:1.37
                          resources:
                            limits:
                              memory: 64m   # Noncompliant {{init container "wait-for-redis"}}
                      containers:
                        - name: warmup
                          image: ghcr.io/example/cache-warmup:0.9.0
                          resources:
                            limits:
                              memory: 256Mi
            """);
    }
}
