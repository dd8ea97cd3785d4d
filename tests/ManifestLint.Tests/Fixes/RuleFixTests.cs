using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Tests.Rules;
using Xunit;

namespace ManifestLint.Tests.Fixes;

/// <summary>
/// Every fix, applied to its rule's bad example (the noncompliant examples of the rule pages, and the cases below):
/// the fixed findings are gone, no new finding of the rule appears, and the text is otherwise byte-identical.
/// </summary>
public class RuleFixTests
{
    /// <summary>Rules whose page examples must offer at least one fix.</summary>
    private static readonly string[] RulesWithFixes = ["ML1001", "ML1004", "ML1008", "ML2005", "ML3001", "ML3004", "ML4001"];

    public static TheoryData<string, int> NoncompliantExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in RulePageFile.LoadAll())
        {
            foreach (var example in page.Examples.Where(e => e.Heading == RulePageFile.NoncompliantHeading))
            {
                data.Add(page.Id, example.Index);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NoncompliantExamples))]
    public void FixesOfTheRule_ApplyToItsBadExample(string ruleId, int index)
    {
        var yaml = RulePageFile.Load(ruleId).Examples.Single(e => e.Index == index).Yaml;

        VerifyFixes(ruleId, yaml);
    }

    [Theory]
    [MemberData(nameof(RulesWithFixesData))]
    public void RulesWithSafeFixes_OfferThemOnTheirPageExamples(string ruleId)
    {
        var fixes = RulePageFile.Load(ruleId).Examples
            .Where(e => e.Heading == RulePageFile.NoncompliantHeading)
            .SelectMany(e => Analyze(e.Yaml))
            .Count(d => d.RuleId == ruleId && d.Fix is not null);

        Assert.True(fixes > 0, $"{ruleId}: no finding in the page's noncompliant examples carries a fix.");
    }

    public static TheoryData<string> RulesWithFixesData() => [.. RulesWithFixes];

    [Theory]
    [InlineData("ML1001", "limits under resources, block style", """
        apiVersion: v1
        kind: Pod
        metadata: { name: a }
        spec:
          containers:
            - name: a
              image: nginx
              resources:
                requests:
                  memory: "300Mi"   # quoted, with a comment
                  cpu: 100m
        """, "      resources:\n        requests:\n          memory: \"300Mi\"   # quoted, with a comment\n          cpu: 100m\n        limits:\n          memory: 300Mi\n")]
    [InlineData("ML1001", "limits: with cpu only", """
        apiVersion: v1
        kind: Pod
        metadata: { name: a }
        spec:
          containers:
          - name: a
            image: nginx
            resources:
              limits:
                cpu: 1
              requests:
                memory: 1Gi
        """, "      limits:\n        cpu: 1\n        memory: 1Gi\n")]
    [InlineData("ML1001", "flow mappings", """
        apiVersion: v1
        kind: Pod
        metadata: { name: a }
        spec:
          containers:
            - name: a
              image: nginx
              resources: { requests: { memory: 128Mi, cpu: 50m } }
        """, "resources: { limits: {memory: 128Mi}, requests: { memory: 128Mi, cpu: 50m } }")]
    [InlineData("ML1001", "limit of 0", """
        apiVersion: v1
        kind: Pod
        metadata: { name: a }
        spec:
          containers:
            - name: a
              image: nginx
              resources:
                requests: { memory: 64Mi }
                limits: { memory: 0 }
        """, "limits: { memory: 64Mi }")]
    [InlineData("ML1001", "JSON", """
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"},
         "spec": {"containers": [{"name": "a", "image": "nginx",
           "resources": {"requests": {"memory": "64Mi"}}}]}}
        """, "\"resources\": {\"limits\": {\"memory\": \"64Mi\"}, \"requests\": {\"memory\": \"64Mi\"}}")]
    [InlineData("ML1004", "quoted 512m", """
        apiVersion: v1
        kind: Pod
        metadata: { name: a }
        spec:
          containers:
            - name: a
              image: nginx
              resources:
                limits:
                  memory: '512m'
        """, "memory: '512Mi'")]
    [InlineData("ML1008", "sizeLimit from the writer's limit", """
        apiVersion: v1
        kind: Pod
        metadata: { name: a }
        spec:
          containers:
            - name: a
              image: nginx
              resources: { limits: { memory: 1000Mi } }
              volumeMounts: [{ name: cache, mountPath: /cache }]
          volumes:
            - name: cache
              emptyDir: { medium: Memory }
        """, "emptyDir: { sizeLimit: 500Mi, medium: Memory }")]
    [InlineData("ML1008", "sizeLimit 0, CRLF", "apiVersion: v1\r\nkind: Pod\r\nmetadata: { name: a }\r\nspec:\r\n  containers:\r\n    - name: a\r\n      image: nginx\r\n      resources: { limits: { memory: 256Mi } }\r\n      volumeMounts: [{ name: cache, mountPath: /cache }]\r\n  volumes:\r\n    - name: cache\r\n      emptyDir:\r\n        medium: Memory\r\n        sizeLimit: 0\r\n", "        sizeLimit: 128Mi\r\n")]
    public void Fix_ProducesTheExpectedText(string ruleId, string what, string yaml, string expectedFragment)
    {
        var fixedText = VerifyFixes(ruleId, yaml);

        Assert.True(fixedText.Contains(expectedFragment, StringComparison.Ordinal), $"{what}: expected\n{expectedFragment}\nin\n{fixedText}");
    }

    [Fact]
    public void NoFix_WhenThereIsNothingSafeToWrite()
    {
        var findings = Analyze("""
            apiVersion: v1
            kind: Pod
            metadata: { name: a }
            spec:
              containers:
                - name: a
                  image: nginx
                  volumeMounts: [{ name: cache, mountPath: /cache }]
              volumes:
                - name: cache
                  emptyDir: { medium: Memory }
            """);

        Assert.All(findings.Where(d => d.RuleId is "ML1001" or "ML1008"), d => Assert.Null(d.Fix));
    }

    /// <summary>Applies the rule's fixes; asserts the fixed findings vanish, nothing new of the rule appears, and only fixed lines changed. Returns the text.</summary>
    private static string VerifyFixes(string ruleId, string yaml)
    {
        var before = Analyze(yaml).Where(d => d.RuleId == ruleId).ToList();
        var fixes = before.Select(d => d.Fix).OfType<Fix>().ToList();
        var result = FixApplier.Apply(yaml, fixes, ExpectedFindings.FileName);
        Assert.Empty(result.Skipped);

        var after = Analyze(result.Text).Where(d => d.RuleId == ruleId).ToList();
        var unfixed = before.Where(d => d.Fix is null).Select(d => d.Message).Order(StringComparer.Ordinal);
        Assert.Equal(unfixed, after.Select(d => d.Message).Order(StringComparer.Ordinal));
        Assert.True(Analyze(result.Text).Count(d => d.RuleId is "ML0000" or "ML0001") <= Analyze(yaml).Count(d => d.RuleId is "ML0000" or "ML0001"), $"The fixes broke the YAML:\n{result.Text}");

        // Otherwise byte-identical: every line the fixes do not touch is kept, in order, unchanged.
        var touched = fixes.SelectMany(f => f.Edits).SelectMany(e => Enumerable.Range(e.Span.StartLine, e.Span.EndLine - e.Span.StartLine + 1)).ToHashSet();
        var originalLines = yaml.Split('\n');
        var kept = originalLines.Where((_, i) => !touched.Contains(i + 1)).ToList();
        var remaining = result.Text.Split('\n').ToList();
        var position = 0;
        foreach (var line in kept)
        {
            var found = remaining.IndexOf(line, position);
            Assert.True(found >= 0, $"Line \"{line}\" was changed or moved by the fixes:\n{result.Text}");
            position = found + 1;
        }

        return result.Text;
    }

    private static IReadOnlyList<Diagnostic> Analyze(string yaml) => ExpectedFindings.Analyze(yaml);
}
