using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Engine.Usage;

/// <summary>ML8005's summary notes as findings: one place for the end of an engine run and for a lint of several runs (<see cref="UsageAcrossRuns"/>).</summary>
internal static class UsageNotes
{
    public static IEnumerable<Diagnostic> Diagnostics(IEnumerable<UsageNote> notes, RuleCatalog catalog, AnalysisOptions options)
    {
        var rule = catalog[RuleIds.UsageCoverage];
        foreach (var note in notes)
        {
            var severity = AnalysisEngine.SeverityOf(rule, note.At.Path, options);
            if (severity != Severity.None)
            {
                yield return new Diagnostic(rule, severity, note.Message, note.At, [], new Dictionary<string, string>(StringComparer.Ordinal), $"{RuleIds.UsageCoverage}|{note.Key}");
            }
        }
    }
}
