using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Suppressions;
using ManifestLint.Tests.Configuration;
using Xunit;

namespace ManifestLint.Tests.Suppressions;

/// <summary>Comment and annotation suppressions, and the findings about suppressions (ML0004, ML0005).</summary>
public class SuppressionTests
{
    [Fact]
    public void NextLineComment_SuppressesTheFindingOnTheNextLine_KeepingTheReason()
    {
        var result = Analyze(Pod("""
                  # manifestlint-disable-next-line ML1001 -- capped by the node pool
                  resources:
                    requests:
                      memory: 256Mi
            """));

        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal("ML1001", suppressed.RuleId);
        Assert.Equal(new Suppression(SuppressionKind.NextLineComment, "capped by the node pool", suppressed.Suppression!.Location), suppressed.Suppression);
        Assert.Equal(10, suppressed.Suppression.Location.StartLine);
        Assert.Empty(result.Active);
    }

    [Fact]
    public void NextLineComment_SkipsBlankAndCommentLines_ButNotYaml()
    {
        var skipped = Analyze(Pod("""
                  # manifestlint-disable-next-line ML1001 -- reason

                  # an ordinary comment
                  resources:
                    requests:
                      memory: 256Mi
            """));
        var tooHigh = Analyze(Pod("""
                  # manifestlint-disable-next-line ML1001 -- reason
                  imagePullPolicy: Always
                  resources:
                    requests:
                      memory: 256Mi
            """));

        Assert.Single(skipped.Suppressed);
        Assert.Empty(tooHigh.Suppressed);
        Assert.Equal(["ML0005", "ML1001"], tooHigh.Active.Select(d => d.RuleId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OneComment_CanNameSeveralRules()
    {
        var result = Analyze(Pod("""
                  # manifestlint-disable-next-line ML1001, ML1004 -- batch pod
                  resources: {requests: {memory: 512m}}
            """));

        Assert.Equal(["ML1001", "ML1004"], result.Suppressed.Select(d => d.RuleId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Active, d => d.RuleId is "ML1001" or "ML1004" or "ML0005");
    }

    [Fact]
    public void DocumentComment_CoversTheRestOfItsDocumentOnly()
    {
        var yaml = $"""
            {Pod(Resources("256Mi")).TrimEnd()}
            ---
            # manifestlint-disable ML1001 -- legacy namespace
            {Pod(Resources("128Mi"), name: "second").TrimEnd()}
            ---
            {Pod(Resources("64Mi"), name: "third")}
            """;

        var result = Analyze(yaml);

        Assert.Equal(["Pod shop/second"], result.Suppressed.Select(Name));
        Assert.Equal(["Pod shop/third", "Pod shop/web"], result.Active.Where(d => d.RuleId == "ML1001").Select(Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DocumentComment_AboveTheSeparator_CoversTheNextDocument()
    {
        var yaml = $"""
            # manifestlint-disable ML1001 -- whole file is a fixture
            ---
            {Pod(Resources("256Mi"))}
            """;

        var result = Analyze(yaml);

        Assert.Single(result.Suppressed);
        Assert.DoesNotContain(result.Active, d => d.RuleId == "ML0005");
    }

    [Fact]
    public void Annotation_SuppressesFindingsInsideItsObjectOnly()
    {
        var yaml = Pod(Resources("256Mi"), annotation: "ML1001 -- sidecar-only pod") + "\n---\n" + Pod(Resources("256Mi"), name: "other");

        var result = Analyze(yaml);

        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal("Pod shop/web", Name(suppressed));
        Assert.Equal((SuppressionKind.Annotation, "sidecar-only pod"), (suppressed.Suppression!.Kind, suppressed.Suppression.Justification));
        Assert.Equal(["Pod shop/other"], result.Active.Where(d => d.RuleId == "ML1001").Select(Name));
    }

    [Fact]
    public void MissingReason_IsANoteOnTheDirective()
    {
        var result = Analyze(Pod("""
                  # manifestlint-disable-next-line ML1001
                  resources:
                    requests:
                      memory: 256Mi
            """));

        var note = Assert.Single(result.Active);
        Assert.Equal(("ML0004", Severity.Note, 10, 7), (note.RuleId, note.Severity, note.Location.StartLine, note.Location.StartColumn));
        Assert.Contains("gives no reason", note.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(result.Suppressed).Suppression!.Justification);
    }

    [Theory]
    [InlineData("ML1001 --")]
    [InlineData("ML1001 --   ")]
    [InlineData("ML1001")]
    public void EmptyReason_IsMissing(string annotation)
    {
        var result = Analyze(Pod(Resources("256Mi"), annotation: annotation));

        Assert.Contains(result.Active, d => d.RuleId == "ML0004");
    }

    [Fact]
    public void UnusedSuppression_IsReported_WithAFixThatDeletesTheLine()
    {
        var result = Analyze(Pod("""
                  # manifestlint-disable-next-line ML1001 -- it used to have no limit
                  resources:
                    requests: { memory: 256Mi, cpu: 100m }
                    limits: { memory: 256Mi, cpu: 100m }
            """));

        var unused = Assert.Single(result.Active);
        Assert.Equal(("ML0005", 10), (unused.RuleId, unused.Location.StartLine));
        Assert.Contains("matches no finding of ML1001 in the next line", unused.Message, StringComparison.Ordinal);
        var edit = Assert.Single(unused.Fix!.Edits);
        Assert.Equal((10, 1, 11, 1, string.Empty), (edit.Span.StartLine, edit.Span.StartColumn, edit.Span.EndLine, edit.Span.EndColumn, edit.NewText));
    }

    [Theory]
    [InlineData("# manifestlint-disable-next-line ML9999 -- x", "ML9999 is not a ManifestLint rule")]
    [InlineData("# manifestlint-disable-next-line limits -- x", "\"limits\" is not a rule ID")]
    [InlineData("# manifestlint-disable-next-line -- x", "it names no rule")]
    [InlineData("# manifestlint-disable-nextline ML1001 -- x", "\"manifestlint-disable-nextline\" is not a ManifestLint directive")]
    [InlineData("# manifestlint-disable-next-line ML0005 -- x", "ML0005 cannot be suppressed in source")]
    public void InvalidSuppression_IsReported(string comment, string problem)
    {
        var result = Analyze(Pod($$"""
                  {{comment}}
                  resources:
                    requests: { memory: 256Mi, cpu: 100m }
                    limits: { memory: 256Mi, cpu: 100m }
            """));

        Assert.Contains(result.Active, d => d.RuleId == "ML0005" && d.Message.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void SuppressionOfARuleTurnedOff_IsNotUnused()
    {
        var yaml = Pod("""
                  # manifestlint-disable-next-line ML1005 -- ratio reviewed
                  resources:
                    requests: { memory: 256Mi, cpu: 100m }
                    limits: { memory: 256Mi, cpu: 100m }
            """);

        Assert.Contains(Analyze(yaml).Active, d => d.RuleId == "ML0005");
        Assert.DoesNotContain(Analyze(yaml, "rules: { ML1005: none }").Active, d => d.RuleId == "ML0005");
    }

    [Fact]
    public void DirectiveText_InsideAString_IsNotAComment()
    {
        var result = Analyze(Pod("""
                  args: ["# manifestlint-disable-next-line ML1001 -- not a comment"]
                  resources:
                    requests:
                      memory: 256Mi
            """));

        Assert.Empty(result.Suppressed);
        Assert.Equal(["ML1001"], result.Active.Select(d => d.RuleId));
    }

    [Fact]
    public void Configuration_CanTurnOffEachKind_AndTheFindingsAboutSuppressions()
    {
        var comment = Pod("""
                  # manifestlint-disable-next-line ML1001
                  resources:
                    requests:
                      memory: 256Mi
            """);
        var annotated = Pod(Resources("256Mi"), annotation: "ML1001");

        Assert.Empty(Analyze(comment, "suppressions: { comments: false }").Suppressed);
        Assert.Single(Analyze(annotated, "suppressions: { comments: false }").Suppressed);
        Assert.Empty(Analyze(annotated, "suppressions: { annotations: false }").Suppressed);
        Assert.DoesNotContain(Analyze(comment, "rules: { ML0004: none }").Active, d => d.RuleId == "ML0004");
        Assert.Equal(Severity.Error, Analyze(comment, "rules: { ML0004: error }").Active.Single(d => d.RuleId == "ML0004").Severity);
    }

    [Fact]
    public void SuppressedFindings_StayInTheResult_Marked()
    {
        var result = Analyze(Pod(Resources("256Mi"), annotation: "ML1001 -- reason"));

        Assert.Equal(result.Diagnostics.Count, result.Active.Count() + result.Suppressed.Count());
        Assert.All(result.Suppressed, d => Assert.NotNull(d.Suppression));
    }

    internal static string Resources(string request) => $"""
              resources:
                requests:
                  memory: {request}
        """;

    /// <summary>A Pod "shop/&lt;name&gt;" with one container "web"; <paramref name="containerBody"/> is indented for the container's keys.</summary>
    internal static string Pod(string containerBody, string name = "web", string? annotation = null) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: shop
        {(annotation is null ? string.Empty : $"  annotations:\n    manifestlint.io/suppress: \"{annotation}\"\n")}spec:
          containers:
            - name: web
              image: nginx:1.27
        {Indent(containerBody)}
        """;

    private static string Indent(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var margin = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Trim().Length == 0 ? string.Empty : "      " + l[margin..]));
    }

    private static string Name(Diagnostic d) => $"{d.Properties["kind"]} {d.Properties["namespace"]}/{d.Properties["name"]}";

    private static AnalysisResult Analyze(string yaml, string? config = null) =>
        new AnalysisEngine().Analyze(
            [AnalysisInput.FromText("pod.yaml", yaml)],
            AnalysisOptions.Default with { Configuration = config is null ? null : ConfiguredAnalysisTests.Configuration(config) });
}
