using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Source;
using ManifestLint.Sarif;

namespace ManifestLint.Tests.Sarif;

/// <summary>A small catalog and hand-made diagnostics: SARIF tests that do not depend on the real rule pages.</summary>
internal static class SarifTestData
{
    public static readonly string Root = OperatingSystem.IsWindows() ? @"C:\src\repo" : "/src/repo";

    public static readonly string RootUri = OperatingSystem.IsWindows() ? "file:///C:/src/repo/" : "file:///src/repo/";

    public static readonly SarifOptions Options = new(Root, Root, "1.2.3");

    public static readonly RuleDescriptor ToolError = Descriptor("ML0000", "ToolError", "The tool failed", "Tool", Severity.Error, "exact", []);

    public static readonly RuleDescriptor InvalidManifest = Descriptor("ML0001", "InvalidManifest", "Manifests should be valid", "Validity", Severity.Error, "exact", ["yaml"]);

    public static readonly RuleDescriptor LimitMissing = Descriptor("ML1001", "MemoryLimitMissing", "Containers should have a memory limit", "Resources", Severity.Warning, "high", ["memory", "oom"]);

    public static readonly RuleDescriptor RequestMissing = Descriptor("ML1002", "MemoryRequestMissing", "Containers should request memory", "Resources", Severity.Note, "medium", ["memory", "Resources"]);

    /// <summary>Deliberately not in ID order: the catalog sorts by ID.</summary>
    public static RuleCatalog Catalog { get; } = new(
        [new TestRule("ML1002"), new TestRule("ML0000"), new TestRule("ML1001"), new TestRule("ML0001")],
        [RequestMissing, ToolError, LimitMissing, InvalidManifest]);

    public static RuleDescriptor Descriptor(string id, string name, string title, string category, Severity severity, string precision, string[] tags) =>
        new(id, name, title, category, severity, precision, tags, $"{title}, in one paragraph.",
            $"# {id}: {title}\n\n{title}, in one paragraph.\n\n## Fix\n\nSee [the docs](https://kubernetes.io/docs/) and **do it**:\n\n```yaml\nresources: {{}}\n```\n");

    public static Diagnostic Diagnostic(
        RuleDescriptor rule,
        string path,
        int line,
        string message = "Something is wrong.",
        string? key = null,
        Severity? severity = null,
        IReadOnlyList<RelatedLocation>? related = null,
        IReadOnlyDictionary<string, string>? properties = null) =>
        new(rule, severity ?? rule.DefaultSeverity, message, new SourceSpan(path, line, 3, line, 10), related ?? [], properties ?? new Dictionary<string, string>(), key ?? $"{rule.Id}|{path}|{line}");

    /// <summary>A result with a finding that has related locations and properties, an invalid file and a tool error.</summary>
    public static AnalysisResult Mixed() => new(
        AnalysisResult.Sort(
        [
            Diagnostic(
                LimitMissing,
                "deploy/web.yaml",
                12,
                "Deployment shop/web, container \"web\" has no memory limit <&>.",
                "ML1001|Deployment|shop|web|container|web|",
                related:
                [
                    new RelatedLocation(new SourceSpan("deploy/limits.yaml", 4, 5, 6, 20), "value set by LimitRange shop/limits"),
                    new RelatedLocation(new SourceSpan("deploy/web.yaml", 2, 1, 2, 11), "the Deployment"),
                ],
                properties: new Dictionary<string, string> { ["kind"] = "Deployment", ["namespace"] = "shop", ["name"] = "web", ["container"] = "web" }),
            Diagnostic(RequestMissing, "deploy/web.yaml", 12, "Deployment shop/web, container \"web\" requests no memory.", "ML1002|Deployment|shop|web|container|web|"),
            Diagnostic(InvalidManifest, "broken.yaml", 3, "Invalid YAML: mapping values are not allowed here.", "ML0001|broken.yaml|InvalidYaml|x|1"),
            Diagnostic(ToolError, "deploy/web.yaml", 1, "Internal error in rule ML1001 on Deployment shop/web: NullReferenceException.", "ML0000|rule ML1001|Deployment shop/web"),
        ]),
        FileCount: 3,
        ResourceCount: 2);

    public static AnalysisResult Of(params Diagnostic[] diagnostics) => new(AnalysisResult.Sort(diagnostics), 1, 1);

    private sealed class TestRule(string id) : Rule(id)
    {
        public override void Initialize(RuleRegistration registration)
        {
        }
    }
}
