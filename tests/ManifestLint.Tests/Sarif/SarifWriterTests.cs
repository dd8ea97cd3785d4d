using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif;
using ManifestLint.Tests.Snapshots;
using Xunit;
using static ManifestLint.Tests.Sarif.SarifTestData;

namespace ManifestLint.Tests.Sarif;

public class SarifWriterTests
{
    [Fact]
    public void LogWithResultsRelatedLocationsAndNotifications_IsValidAgainstBothSchemas()
    {
        var json = SarifWriter.ToJson(SarifWriter.Build(Mixed(), Catalog, Options));

        SarifSchemaValidator.AssertValid(json);
        var run = Run(json);
        Assert.Equal(4, run["results"]!.AsArray().Count);

        var finding = run["results"]!.AsArray().Single(r => (string?)r!["ruleId"] == "ML1001")!;
        var related = finding["relatedLocations"]!.AsArray();
        Assert.Equal([1, 2], related.Select(r => (int)r!["id"]!));
        Assert.Equal("value set by LimitRange shop/limits", (string?)related[0]!["message"]!["text"]);
        Assert.Equal("deploy/limits.yaml", (string?)related[0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal("%SRCROOT%", (string?)related[0]!["physicalLocation"]!["artifactLocation"]!["uriBaseId"]);
        Assert.Equal("""{"startLine":4,"startColumn":5,"endLine":6,"endColumn":20}""", related[0]!["physicalLocation"]!["region"]!.ToJsonString());
        Assert.Equal("""{"kind":"Deployment","namespace":"shop","name":"web","container":"web"}""", finding["properties"]!.ToJsonString());

        var invocation = run["invocations"]!.AsArray().Single()!;
        Assert.True((bool)invocation["executionSuccessful"]!);
        var notifications = invocation["toolExecutionNotifications"]!.AsArray();
        Assert.Equal(["ML0001", "ML0000"], notifications.Select(n => (string?)n!["descriptor"]!["id"]));
        Assert.All(notifications, n => Assert.Equal("error", (string?)n!["level"]));
        Assert.Equal("Invalid YAML: mapping values are not allowed here.", (string?)notifications[0]!["message"]!["text"]);
        Assert.Equal("broken.yaml", (string?)notifications[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(1, (int)notifications[0]!["associatedRule"]!["index"]!);
    }

    [Fact]
    public void LogWithoutResults_IsValidAndStillHasAResultsArray()
    {
        var json = SarifWriter.ToJson(SarifWriter.Build(Of(), Catalog, Options));

        SarifSchemaValidator.AssertValid(json);
        var run = Run(json);
        Assert.Empty(run["results"]!.AsArray());
        Assert.Equal(4, run["tool"]!["driver"]!["rules"]!.AsArray().Count);
        var invocation = run["invocations"]![0]!;
        Assert.True((bool)invocation["executionSuccessful"]!);
        Assert.Null(invocation["toolExecutionNotifications"]);
    }

    [Fact]
    public void Log_HasTheSarifHeaderOneRunAndTheTool()
    {
        var log = JsonNode.Parse(SarifWriter.ToJson(SarifWriter.Build(Of(), Catalog, Options)))!;

        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", (string?)log["$schema"]);
        Assert.Equal("2.1.0", (string?)log["version"]);
        var run = log["runs"]!.AsArray().Single()!;
        var driver = run["tool"]!["driver"]!;
        Assert.Equal("ManifestLint", (string?)driver["name"]);
        Assert.Equal("1.2.3", (string?)driver["semanticVersion"]);
        Assert.Equal(RuleDescriptor.RepositoryUri, (string?)driver["informationUri"]);
        Assert.Equal("utf16CodeUnits", (string?)run["columnKind"]);
        Assert.Equal("{\"%SRCROOT%\":{\"uri\":\"" + RootUri + "\"}}", run["originalUriBaseIds"]!.ToJsonString());
    }

    [Fact]
    public void EveryCatalogRule_IsDescribedInCatalogOrder()
    {
        var rules = Run(SarifWriter.ToJson(SarifWriter.Build(Of(), Catalog, Options)))["tool"]!["driver"]!["rules"]!.AsArray();

        Assert.Equal(Catalog.Descriptors.Select(d => d.Id), rules.Select(r => (string?)r!["id"]));
        Assert.Equal(["ML0000", "ML0001", "ML1001", "ML1002"], rules.Select(r => (string?)r!["id"]));

        var rule = rules[2]!;
        Assert.Equal("MemoryLimitMissing", (string?)rule["name"]);
        Assert.Equal("Containers should have a memory limit", (string?)rule["shortDescription"]!["text"]);
        Assert.Equal(LimitMissing.Summary, (string?)rule["fullDescription"]!["text"]);
        Assert.Equal(LimitMissing.Page, (string?)rule["help"]!["markdown"]);
        Assert.Equal(
            "ML1001: Containers should have a memory limit\n\nContainers should have a memory limit, in one paragraph.\n\nFix\n\nSee the docs (https://kubernetes.io/docs/) and do it:\n\nresources: {}\n",
            (string?)rule["help"]!["text"]);
        Assert.Equal("https://github.com/manifestlint/manifestlint/blob/main/rules/ML1001.md", (string?)rule["helpUri"]);
        Assert.Equal("warning", (string?)rule["defaultConfiguration"]!["level"]);
        Assert.Equal("""{"tags":["Resources","memory","oom"],"precision":"high","problem.severity":"warning"}""", rule["properties"]!.ToJsonString());
    }

    [Theory]
    [InlineData("ML0000", "very-high", "error", "error")]
    [InlineData("ML1001", "high", "warning", "warning")]
    [InlineData("ML1002", "medium", "recommendation", "note")]
    public void RuleProperties_UseTheCodeScanningVocabulary(string id, string precision, string problemSeverity, string level)
    {
        var rule = Run(SarifWriter.ToJson(SarifWriter.Build(Of(), Catalog, Options)))["tool"]!["driver"]!["rules"]!.AsArray().Single(r => (string?)r!["id"] == id)!;

        Assert.Equal(precision, (string?)rule["properties"]!["precision"]);
        Assert.Equal(problemSeverity, (string?)rule["properties"]!["problem.severity"]);
        Assert.Equal(level, (string?)rule["defaultConfiguration"]!["level"]);
    }

    [Fact]
    public void Tags_StartWithTheCategoryAndAreUnique()
    {
        var rule = Run(SarifWriter.ToJson(SarifWriter.Build(Of(), Catalog, Options)))["tool"]!["driver"]!["rules"]![3]!;

        Assert.Equal("""["Resources","memory"]""", rule["properties"]!["tags"]!.ToJsonString());
    }

    [Theory]
    [InlineData("exact", "very-high")]
    [InlineData("very-high", "very-high")]
    [InlineData("high", "high")]
    [InlineData("medium", "medium")]
    [InlineData("low", "low")]
    [InlineData("sometimes", null)]
    public void Precision_MapsToTheSarifVocabulary(string page, string? sarif) => Assert.Equal(sarif, SarifWriter.Precision(page));

    [Fact]
    public void RuleIndex_PointsAtTheRuleOfTheResult()
    {
        var run = Run(SarifWriter.ToJson(SarifWriter.Build(Mixed(), Catalog, Options)));
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();

        foreach (var result in run["results"]!.AsArray())
        {
            Assert.Equal((string?)result!["ruleId"], (string?)rules[(int)result["ruleIndex"]!]!["id"]);
        }

        Assert.Equal([1, 0, 2, 3], run["results"]!.AsArray().Select(r => (int)r!["ruleIndex"]!));
    }

    [Fact]
    public void Results_KeepTheAnalysisOrderLevelAndMessage()
    {
        var result = Mixed();
        var run = Run(SarifWriter.ToJson(SarifWriter.Build(result, Catalog, Options)));

        Assert.Equal(result.Diagnostics.Select(d => d.RuleId), run["results"]!.AsArray().Select(r => (string?)r!["ruleId"]));
        Assert.Equal(result.Diagnostics.Select(d => d.Message), run["results"]!.AsArray().Select(r => (string?)r!["message"]!["text"]));
        Assert.Equal(["error", "error", "warning", "note"], run["results"]!.AsArray().Select(r => (string?)r!["level"]));
    }

    [Fact]
    public void Level_IsTheDiagnosticSeverityNotTheRuleDefault()
    {
        var run = Run(SarifWriter.ToJson(SarifWriter.Build(Of(Diagnostic(LimitMissing, "a.yaml", 1, severity: Severity.Error)), Catalog, Options)));

        Assert.Equal("error", (string?)run["results"]![0]!["level"]);
        Assert.Equal("warning", (string?)run["tool"]!["driver"]!["rules"]![2]!["defaultConfiguration"]!["level"]);
    }

    [Fact]
    public void PropertiesAndRelatedLocations_AreLeftOutWhenEmpty()
    {
        var result = Run(SarifWriter.ToJson(SarifWriter.Build(Of(Diagnostic(LimitMissing, "a.yaml", 1)), Catalog, Options)))["results"]![0]!.AsObject();

        Assert.Equal(["ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"], result.Select(p => p.Key));
    }

    [Fact]
    public void Fingerprint_IsTheSha256OfTheKeyWithASequenceNumberForRepeats()
    {
        var key = "ML1001|Deployment|shop|web|container|web|";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var log = SarifWriter.Build(
            Of(
                Diagnostic(LimitMissing, "a.yaml", 1, key: key),
                Diagnostic(LimitMissing, "b.yaml", 5, key: key),
                Diagnostic(LimitMissing, "c.yaml", 9, key: key),
                Diagnostic(LimitMissing, "c.yaml", 20, key: "other")),
            Catalog,
            Options);

        var fingerprints = log.Runs[0].Results.Select(r => r.PartialFingerprints!["manifestlint/v1"]).ToList();
        Assert.Equal([hash, $"{hash}:2", $"{hash}:3"], fingerprints.Take(3));
        Assert.Matches("^[0-9a-f]{64}$", fingerprints[3]);
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }

    [Fact]
    public void Uris_AreRelativeToTheSourceRootAndPercentEncoded()
    {
        var options = Options with { WorkingDirectory = Path.Combine(Root, "deploy") };
        var log = SarifWriter.Build(
            Of(
                Diagnostic(LimitMissing, Path.Combine("my app", "déploiement ☃.yaml"), 1),
                Diagnostic(LimitMissing, "web.yaml", 1),
                Diagnostic(LimitMissing, Path.Combine("..", "charts", "x#1?.yaml"), 1),
                Diagnostic(LimitMissing, Path.Combine(Root, "abs", "100%.yaml"), 1)),
            Catalog,
            options);

        var locations = log.Runs[0].Results.Select(r => r.Locations![0].PhysicalLocation!.ArtifactLocation!).ToList();
        Assert.All(locations, l => Assert.Equal("%SRCROOT%", l.UriBaseId));
        Assert.Equal(
            ["abs/100%25.yaml", "charts/x%231%3F.yaml", "deploy/my%20app/d%C3%A9ploiement%20%E2%98%83.yaml", "deploy/web.yaml"],
            locations.Select(l => l.Uri).Order(StringComparer.Ordinal));
        SarifSchemaValidator.AssertValid(SarifWriter.ToJson(log));
    }

    [Fact]
    public void PathOutsideTheSourceRoot_IsAnAbsoluteFileUriWithoutABase()
    {
        var outside = OperatingSystem.IsWindows() ? @"C:\other place\ü.yaml" : "/other place/ü.yaml";
        var log = SarifWriter.Build(Of(Diagnostic(LimitMissing, outside, 1), Diagnostic(LimitMissing, Path.Combine("..", "repo2", "x.yaml"), 1)), Catalog, Options);

        var locations = log.Runs[0].Results.Select(r => r.Locations![0].PhysicalLocation!.ArtifactLocation!).ToList();
        Assert.All(locations, l => Assert.Null(l.UriBaseId));
        Assert.Equal(
            OperatingSystem.IsWindows()
                ? ["file:///C:/other%20place/%C3%BC.yaml", "file:///C:/src/repo2/x.yaml"]
                : ["file:///other%20place/%C3%BC.yaml", "file:///src/repo2/x.yaml"],
            locations.Select(l => l.Uri).Order(StringComparer.Ordinal));
        SarifSchemaValidator.AssertValid(SarifWriter.ToJson(log));
    }

    [Fact]
    public void StandardInput_IsTheRelativeReferenceDashWithoutABase()
    {
        var log = SarifWriter.Build(Of(Diagnostic(LimitMissing, "-", 1)), Catalog, Options);

        var location = log.Runs[0].Results[0].Locations![0].PhysicalLocation!.ArtifactLocation!;
        Assert.Equal("-", location.Uri);
        Assert.Null(location.UriBaseId);
        SarifSchemaValidator.AssertValid(SarifWriter.ToJson(log));
    }

    [Fact]
    public void SourceRootUri_IsPercentEncodedWithATrailingSlash()
    {
        var root = OperatingSystem.IsWindows() ? @"C:\my repos\ç\" : "/my repos/ç/";
        var log = SarifWriter.Build(Of(), Catalog, new SarifOptions(root, root, "1.0.0"));

        Assert.Equal(
            OperatingSystem.IsWindows() ? "file:///C:/my%20repos/%C3%A7/" : "file:///my%20repos/%C3%A7/",
            log.Runs[0].OriginalUriBaseIds!["%SRCROOT%"].Uri);
    }

    [Fact]
    public void Directories_MustBeAbsolute()
    {
        Assert.Throws<ArgumentException>(() => SarifWriter.Build(Of(), Catalog, Options with { SourceRoot = "relative/root" }));
        Assert.Throws<ArgumentException>(() => SarifWriter.Build(Of(), Catalog, Options with { WorkingDirectory = "." }));
    }

    [Fact]
    public void ADiagnosticOfARuleOutsideTheCatalog_IsRefused()
    {
        var stranger = Descriptor("ML9999", "Stranger", "Not in the catalog", "Resources", Severity.Warning, "high", []);

        var e = Assert.Throws<ArgumentException>(() => SarifWriter.Build(Of(Diagnostic(stranger, "a.yaml", 1)), Catalog, Options));
        Assert.Contains("ML9999", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecutionFailure_IsReportedInTheInvocation()
    {
        var json = SarifWriter.ToJson(SarifWriter.Build(Of(), Catalog, Options, executionSuccessful: false));

        Assert.False((bool)Run(json)["invocations"]![0]!["executionSuccessful"]!);
        SarifSchemaValidator.AssertValid(json);
    }

    [Fact]
    public void Region_IsCopiedAndKeptValid()
    {
        var span = new ManifestLint.Model.Source.SourceSpan("a.yaml", 0, 0, 0, 0);
        var diagnostic = Diagnostic(LimitMissing, "a.yaml", 1) with { Location = span };

        var region = SarifWriter.Build(Of(diagnostic), Catalog, Options).Runs[0].Results[0].Locations![0].PhysicalLocation!.Region!;

        Assert.Equal((1, 1, 1, 1), (region.StartLine, region.StartColumn, region.EndLine, region.EndColumn));
    }

    [Fact]
    public void Output_IsUtf8WithoutBomIndentedWithLfAndATrailingNewline()
    {
        using var stream = new MemoryStream();
        SarifWriter.Write(SarifWriter.Build(Mixed(), Catalog, Options), stream);
        var bytes = stream.ToArray();
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', text);

        // Readable text: quotes and HTML characters are not \u-escaped.
        Assert.Contains("""container \"web\" has no memory limit <&>.""", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_IsDeterministic()
    {
        var first = SarifWriter.ToJson(SarifWriter.Build(Mixed(), Catalog, Options));
        var second = SarifWriter.ToJson(SarifWriter.Build(Mixed(), Catalog, Options));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Log_RoundTripsThroughTheGeneratedContext()
    {
        var json = SarifWriter.ToJson(SarifWriter.Build(Mixed(), Catalog, Options));

        var log = JsonSerializer.Deserialize(json, SarifJsonContext.Default.SarifLog)!;

        Assert.Equal(json, SarifWriter.ToJson(log));
    }

    [Fact]
    public void Log_MatchesTheSnapshot()
    {
        var json = SarifWriter.ToJson(SarifWriter.Build(Mixed(), Catalog, Options)).Replace(RootUri, "file:///SRCROOT/", StringComparison.Ordinal);

        Snapshot.Verify(json, "mixed", "sarif.json");
    }

    private static JsonNode Run(string json) => JsonNode.Parse(json)!["runs"]![0]!;
}
