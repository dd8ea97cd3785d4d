using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Tests.Rules;
using ManifestLint.Tests.Snapshots;
using Xunit;

namespace ManifestLint.Tests.Fixes;

/// <summary>
/// Every fix, applied to its rule's bad example (the noncompliant examples of the pages of the rules that have fixes,
/// and the cases below): the fixed findings are gone, no new finding of the rule appears, lines the fixes do not touch
/// are byte-identical, and the whole fixed file is the verified snapshot (Snapshots/&lt;rule&gt;-&lt;case&gt;.verified.yaml).
/// </summary>
public class RuleFixTests
{
    /// <summary>The rules that offer fixes; every other rule must offer none (checked both ways below).</summary>
    private static readonly string[] RulesWithFixes =
    [
        RuleIds.UnusedSuppression, RuleIds.MemoryLimitMissing, RuleIds.SuspiciousMemoryQuantity, RuleIds.MemoryEmptyDirWithoutSizeLimit, RuleIds.JvmHeapHardCoded,
        RuleIds.GoMemLimitAtOrAboveMemoryLimit, RuleIds.GoMemLimitMissing, RuleIds.NodeOldSpaceTooLarge,
    ];

    public static TheoryData<string, int> NoncompliantExamplesOfRulesWithFixes()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in RulePageFile.LoadAll().Where(p => RulesWithFixes.Contains(p.Id)))
        {
            foreach (var example in page.Examples.Where(e => e.Heading == RulePageFile.NoncompliantHeading))
            {
                data.Add(page.Id, example.Index);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NoncompliantExamplesOfRulesWithFixes))]
    public void FixesOfTheRule_TurnItsBadExampleIntoTheVerifiedFile(string ruleId, int index)
    {
        var yaml = RulePageFile.Load(ruleId).Examples.Single(e => e.Index == index).Yaml;

        Snapshot.Verify(VerifyFixes(ruleId, yaml), $"{ruleId}-example-{index}", "yaml");
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

    [Fact]
    public void NoOtherRule_OffersAFixOnAnyPageExample()
    {
        var others = RulePageFile.LoadAll()
            .SelectMany(p => p.Examples)
            .SelectMany(e => Analyze(e.Yaml))
            .Where(d => d.Fix is not null && !RulesWithFixes.Contains(d.RuleId))
            .Select(d => d.RuleId)
            .Distinct(StringComparer.Ordinal);

        Assert.Empty(others);
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
    public void Fix_ProducesTheVerifiedFile(string ruleId, string what, string yaml, string expectedFragment)
    {
        var fixedText = VerifyFixes(ruleId, yaml);

        Assert.True(fixedText.Contains(expectedFragment, StringComparison.Ordinal), $"{what}: expected\n{expectedFragment}\nin\n{fixedText}");
        Snapshot.Verify(fixedText, $"{ruleId}-{string.Concat(what.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}", "yaml");
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

        Assert.All(findings.Where(d => d.RuleId is RuleIds.MemoryLimitMissing or RuleIds.MemoryEmptyDirWithoutSizeLimit), d => Assert.Null(d.Fix));
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
        Assert.True(Analyze(result.Text).Count(d => d.RuleId is RuleIds.ToolError or RuleIds.InvalidManifest) <= Analyze(yaml).Count(d => d.RuleId is RuleIds.ToolError or RuleIds.InvalidManifest), $"The fixes broke the YAML:\n{result.Text}");

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
