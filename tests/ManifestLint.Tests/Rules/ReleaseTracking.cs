namespace ManifestLint.Tests.Rules;

/// <summary>
/// Reads roslyn-analyzers' release-tracking files (<c>rules/AnalyzerReleases.Shipped.md</c> and <c>Unshipped.md</c>) and
/// replays them: each release's New, Changed and Removed rows, in order, give the rules a user of the next release gets.
/// Written by hand: the format is four kinds of line, and the Roslyn analyzer that reads it runs only inside a compilation.
/// </summary>
public static class ReleaseTracking
{
    /// <summary>One rule as the tracking files describe it after the replay.</summary>
    public sealed record TrackedRule(string Id, string Category, string Severity);

    /// <summary>
    /// The rules after replaying <paramref name="shipped"/> then <paramref name="unshipped"/>, and the IDs ever removed;
    /// every inconsistency (an ID added twice or reused after removal, a change or removal of an unknown ID, an old value
    /// that is not the current one, a row outside a section) is listed in <paramref name="problems"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, TrackedRule> Replay(string shipped, string unshipped, out IReadOnlySet<string> removed, out IReadOnlyList<string> problems)
    {
        var rules = new Dictionary<string, TrackedRule>(StringComparer.Ordinal);
        var gone = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        Apply("AnalyzerReleases.Shipped.md", shipped, rules, gone, found, allowReleases: true);
        Apply("AnalyzerReleases.Unshipped.md", unshipped, rules, gone, found, allowReleases: false);
        removed = gone;
        problems = found;
        return rules;
    }

    private static void Apply(string file, string text, Dictionary<string, TrackedRule> rules, HashSet<string> removed, List<string> problems, bool allowReleases)
    {
        string? section = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var where = $"{file}:{i + 1}";
            if (line.Length == 0 || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (!allowReleases)
                {
                    problems.Add($"{where}: release headings belong in the shipped file.");
                }

                section = null;
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = line[4..].Trim();
                if (section is not ("New Rules" or "Changed Rules" or "Removed Rules"))
                {
                    problems.Add($"{where}: unknown section '{section}'; expected New Rules, Changed Rules or Removed Rules.");
                }

                continue;
            }

            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells[0] == "Rule ID" || cells.All(c => c.Length == 0 || c.All(ch => ch == '-')))
            {
                continue;
            }

            switch (section)
            {
                case "New Rules" when cells.Length >= 3:
                    if (rules.ContainsKey(cells[0]) || removed.Contains(cells[0]))
                    {
                        problems.Add($"{where}: {cells[0]} is added again; an ID is assigned once and never reused.");
                    }

                    rules[cells[0]] = new TrackedRule(cells[0], cells[1], cells[2]);
                    break;
                case "Changed Rules" when cells.Length >= 5:
                    if (!rules.TryGetValue(cells[0], out var current))
                    {
                        problems.Add($"{where}: {cells[0]} is changed but was never added.");
                    }
                    else if (current.Category != cells[3] || current.Severity != cells[4])
                    {
                        problems.Add($"{where}: {cells[0]} changes from {cells[3]}/{cells[4]}, but it was {current.Category}/{current.Severity}.");
                    }

                    rules[cells[0]] = new TrackedRule(cells[0], cells[1], cells[2]);
                    break;
                case "Removed Rules" when cells.Length >= 3:
                    if (!rules.Remove(cells[0]))
                    {
                        problems.Add($"{where}: {cells[0]} is removed but was never added.");
                    }

                    removed.Add(cells[0]);
                    break;
                default:
                    problems.Add($"{where}: a row outside a New/Changed/Removed Rules section, or with too few columns: {line}");
                    break;
            }
        }
    }
}
