using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;

namespace ManifestLint.Engine.Suppressions;

/// <summary>
/// Runs after every rule: marks each finding covered by a suppression of its file that names its rule, and reports
/// the suppressions themselves (ML0004 without a reason, ML0005 unused or malformed). A suppression naming a rule
/// that is turned off for the file is not reported as unused: the configuration, not the code, made it idle.
/// </summary>
internal static class SuppressionProcessor
{
    public static (List<Diagnostic> Active, List<Diagnostic> Suppressed) Apply(
        IEnumerable<Diagnostic> diagnostics,
        IReadOnlyDictionary<string, IReadOnlyList<SuppressionDirective>> directivesByPath,
        RuleCatalog catalog,
        Func<RuleDescriptor, string, Severity> severityFor)
    {
        var active = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var used = new HashSet<(SuppressionDirective, string)>();
        foreach (var diagnostic in diagnostics)
        {
            var directive = directivesByPath.GetValueOrDefault(diagnostic.Location.Path)?
                .FirstOrDefault(d => d.RuleIds.Contains(diagnostic.RuleId, StringComparer.Ordinal) && d.Covers(diagnostic.Location));
            if (directive is null)
            {
                active.Add(diagnostic);
                continue;
            }

            used.Add((directive, diagnostic.RuleId));
            suppressed.Add(diagnostic with { Suppression = new Suppression(directive.Kind, directive.Reason, directive.Span) });
        }

        var withoutReason = catalog[RuleIds.SuppressionWithoutReason];
        var unused = catalog[RuleIds.UnusedSuppression];
        foreach (var (path, directives) in directivesByPath)
        {
            var reasonSeverity = severityFor(withoutReason, path);
            var unusedSeverity = severityFor(unused, path);
            foreach (var directive in directives)
            {
                var name = Describe(directive);
                var ids = string.Join(",", directive.RuleIds);
                if (unusedSeverity != Severity.None)
                {
                    foreach (var problem in directive.Problems)
                    {
                        active.Add(Create(unused, unusedSeverity, directive, $"This {name} is not valid: {problem}.", $"invalid|{problem}"));
                    }

                    var idle = directive.RuleIds.Where(id => !used.Contains((directive, id)) && catalog.TryGet(id, out var rule) && severityFor(rule, path) != Severity.None).ToList();
                    foreach (var id in idle)
                    {
                        var fix = directive.WholeLine && directive.Problems.Count == 0 && idle.Count == directive.RuleIds.Count && id == idle[0]
                            ? new Fix("Remove the unused suppression comment.", new TextEdit(directive.Span with { StartColumn = 1, EndLine = directive.Span.StartLine + 1, EndColumn = 1 }, string.Empty))
                            : null;
                        active.Add(Create(unused, unusedSeverity, directive, UnusedMessage(name, id, directive.Scope), $"unused|{id}") with { Fix = fix });
                    }
                }

                if (reasonSeverity != Severity.None && directive.Reason is null && directive.RuleIds.Count > 0)
                {
                    active.Add(Create(withoutReason, reasonSeverity, directive, WithoutReasonMessage(name, ids, Example(directive)), "no-reason"));
                }
            }
        }

        return (active, suppressed);
    }

    /// <summary>ML0005's headline: the directive, the rule and where it looked, and the fix; the causes are on the page.</summary>
    internal static string UnusedMessage(string directive, string ruleId, string scope) =>
        $"This {directive} of {ruleId} matches no finding of {ruleId} in {scope}. Remove it, or move it to the line or object the finding is on.";

    /// <summary>ML0004's headline: the directive and its rules, and the fix written out; why a reason matters is on the page.</summary>
    internal static string WithoutReasonMessage(string directive, string ruleIds, string example) =>
        $"This {directive} of {ruleIds} gives no reason. Say why after \" -- \", for example: {example}";

    private static Diagnostic Create(RuleDescriptor rule, Severity severity, SuppressionDirective directive, string message, string detail) =>
        new(rule, severity, message, directive.Span, [], new Dictionary<string, string>(StringComparer.Ordinal),
            $"{rule.Id}|{directive.Span.Path}|{directive.Kind}|{directive.Scope}|{string.Join(",", directive.RuleIds)}|{detail}");

    private static string Describe(SuppressionDirective directive) => directive.Kind switch
    {
        SuppressionKind.Annotation => $"{SuppressionDirective.AnnotationKey} annotation",
        SuppressionKind.DocumentComment => $"\"{SuppressionDirective.DocumentKeyword}\" comment",
        _ => directive.RuleIds.Count == 0 && directive.Problems.Count > 0 ? "comment" : $"\"{SuppressionDirective.NextLineKeyword}\" comment",
    };

    private static string Example(SuppressionDirective directive) => directive.Kind switch
    {
        SuppressionKind.Annotation => $"{SuppressionDirective.AnnotationKey}: \"{string.Join(",", directive.RuleIds)} -- <reason>\"",
        SuppressionKind.DocumentComment => $"# {SuppressionDirective.DocumentKeyword} {string.Join(",", directive.RuleIds)} -- <reason>",
        _ => $"# {SuppressionDirective.NextLineKeyword} {string.Join(",", directive.RuleIds)} -- <reason>",
    };
}
