using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Catalog;

/// <summary>
/// A rule page, <c>rules/ID.md</c>: YAML front matter with the rule's metadata, then the Markdown page
/// users read (why, examples, fix, source). Everything the catalog and SARIF say about a rule comes from here.
/// </summary>
public static class RulePage
{
    private static readonly string[] RequiredKeys = ["id", "name", "title", "category", "severity", "precision", "tags"];

    public static RuleDescriptor Parse(string fileName, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{fileName}: a rule page starts with YAML front matter between '---' lines.");
        }

        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidDataException($"{fileName}: the front matter is not closed by a '---' line.");
        }

        var front = YamlFileLoader.Load(fileName, text[4..end]);
        if (front.Problems.Count > 0 || front.Documents is not [{ Root: MappingNode meta }])
        {
            throw new InvalidDataException($"{fileName}: the front matter is not a YAML mapping. {string.Join(" ", front.Problems.Select(p => p.Message))}");
        }

        foreach (var key in RequiredKeys.Where(k => meta[k] is null))
        {
            throw new InvalidDataException($"{fileName}: the front matter has no '{key}'.");
        }

        var body = text[(end + 5)..].TrimStart('\n');
        var severityText = Text(meta, "severity");
        if (!SeverityNames.TryParse(severityText, out var severity) || severity == Severity.None)
        {
            throw new InvalidDataException($"{fileName}: severity must be error, warning or note, not '{severityText}'.");
        }

        var tags = meta["tags"] is SequenceNode list ? list.Items.OfType<ScalarNode>().Select(s => s.Value).ToList() : [];
        return new RuleDescriptor(Text(meta, "id"), Text(meta, "name"), Text(meta, "title"), Text(meta, "category"), severity, Text(meta, "precision"), tags, Summary(body), body);
    }

    /// <summary>The first paragraph after the H1 heading: SARIF's fullDescription and the one-line help.</summary>
    private static string Summary(string body)
    {
        var paragraphs = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = paragraphs.FirstOrDefault(p => !p.StartsWith('#')) ?? string.Empty;
        return string.Join(' ', first.Split('\n', StringSplitOptions.TrimEntries));
    }

    private static string Text(MappingNode meta, string key) => (meta[key] as ScalarNode)?.Value ?? string.Empty;
}
