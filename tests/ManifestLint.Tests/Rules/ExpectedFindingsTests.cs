using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using Xunit;
using Xunit.Sdk;

namespace ManifestLint.Tests.Rules;

/// <summary>The verifier every rule test goes through fails when it should: a verifier that cannot fail proves nothing.</summary>
public class ExpectedFindingsTests
{
    private const string PodWithoutMemory = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web   # Noncompliant{pins}
              image: nginx:1.27
            - name: exporter
              image: nginx/nginx-prometheus-exporter:1.4.0
              resources: {limits: {memory: 64Mi}}
        """;

    private static string Pod(string pins) => PodWithoutMemory.Replace("{pins}", pins, StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData(":7")]
    [InlineData(" [warning]")]
    [InlineData(":7 [warning] {{has no memory request or limit}}")]
    public void MatchingAnnotation_Passes(string pins)
    {
        ExpectedFindings.Verify(RuleIds.MemoryRequestMissing, Pod(pins));
    }

    [Theory]
    [InlineData(":9", "missing    line 7:9")]
    [InlineData(" [error]", "missing    line 7 (annotated on line 7) [error]")]
    [InlineData(" {{no such text}}", "with a message containing \"no such text\"")]
    [InlineData("@+1", "missing    line 8")]
    public void WrongPin_Fails(string pins, string expected)
    {
        var error = Assert.Throws<FailException>(() => ExpectedFindings.Verify(RuleIds.MemoryRequestMissing, Pod(pins)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnannotatedFinding_Fails()
    {
        var error = Assert.Throws<FailException>(() => ExpectedFindings.Verify(RuleIds.MemoryRequestMissing, PodWithoutMemory.Replace("   # Noncompliant{pins}", string.Empty, StringComparison.Ordinal)));

        Assert.Contains("unexpected line 7:7 ML1002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYaml_FailsAVerificationThatExpectsNothing()
    {
        var error = Assert.Throws<FailException>(() => ExpectedFindings.Verify(RuleIds.MemoryLimitMissing, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  resources: {limits: {memory: 1Gi}
            """));

        Assert.Contains("bad input  line", error.Message, StringComparison.Ordinal);
        Assert.Contains("ML0001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedObject_FailsAVerificationThatExpectsNothing()
    {
        var error = Assert.Throws<FailException>(() => ExpectedFindings.Verify(RuleIds.MemoryRequestExceedsLimit, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers: {name: web}
            """));

        Assert.Contains("ML0001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Noncompliant [fatal]")]
    [InlineData("# noncompliant here")]
    [InlineData("# Noncompliant:0")]
    public void MalformedAnnotation_Throws(string annotation)
    {
        Assert.Throws<FormatException>(() => ExpectedFindings.Parse($"a: 1   {annotation}\n"));
    }

    [Fact]
    public void Annotation_ReadsOffsetColumnSeverityAndMessage()
    {
        var expected = Assert.Single(ExpectedFindings.Parse("a: 1\nb: 2   # Noncompliant@-1:4 [note] {{the text}}\n"));

        Assert.Equal((1, 4, Severity.Note, "the text", 2), (expected.Line, expected.Column, expected.Severity, expected.MessageFragment, expected.AnnotationLine));
    }

    [Fact]
    public void Alone_RunsOnlyTheRuleAndTheInputChecks()
    {
        var findings = ExpectedFindings.Analyze(Pod(string.Empty), ExpectedFindings.Alone(RuleIds.MemoryLimitMissing));
        var all = ExpectedFindings.Analyze(Pod(string.Empty));

        // With every rule on, ML1002 reports "no memory request or limit"; alone, ML1001 reports the container itself.
        Assert.Equal([RuleIds.MemoryLimitMissing], findings.Select(d => d.RuleId));
        Assert.Contains(all, d => d.RuleId == RuleIds.MemoryRequestMissing);
        Assert.DoesNotContain(all, d => d.RuleId == RuleIds.MemoryLimitMissing);
    }
}
