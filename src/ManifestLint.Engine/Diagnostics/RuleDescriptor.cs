namespace ManifestLint.Engine.Diagnostics;

/// <summary>
/// What a rule is, read from its page in <c>rules/ID.md</c> (front matter and body). The help URI is
/// derived from the ID, never typed by hand.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    string Category,
    Severity DefaultSeverity,
    string Precision,
    IReadOnlyList<string> Tags,
    string Summary,
    string Page)
{
    public const string RepositoryUri = "https://github.com/manifestlint/manifestlint";

    public string HelpUri => $"{RepositoryUri}/blob/main/rules/{Id}.md";
}
