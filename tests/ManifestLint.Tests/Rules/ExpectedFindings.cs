using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using Xunit;

namespace ManifestLint.Tests.Rules;

/// <summary>
/// Expected findings written in the YAML itself, Sonar-style, so the YAML stays valid and no line numbers
/// appear in C#:
/// <list type="bullet">
/// <item><c># Noncompliant</c> at the end of a line: a finding of the rule under test starts on that line;</item>
/// <item><c># Noncompliant@+1</c> / <c>@-2</c>: on the line one below / two above;</item>
/// <item><c># Noncompliant:9</c> / <c>@+1:9</c>: and it starts in column 9 (1-based), where the column matters;</item>
/// <item><c># Noncompliant [warning]</c>: and its severity is warning (error, warning or note), where a rule has a
/// milder case;</item>
/// <item><c># Noncompliant {{fragment}}</c>: and its message contains <c>fragment</c>.</item>
/// </list>
/// The parts combine in that order: <c># Noncompliant@+1:9 [warning] {{fragment}}</c>. Two findings on one line take two
/// annotations (one on the line, one with an offset on a neighbour). Findings of other rules are ignored, except ML0000
/// and ML0001: a rule that crashes, or a fixture that is not valid YAML or not a well-formed object, fails every
/// verification of another rule, so a "no finding" fixture with a typo cannot pass. Run one rule alone with
/// <see cref="Alone"/>.
/// </summary>
public static partial class ExpectedFindings
{
    public const string FileName = "example.yaml";

    /// <summary>Runs the built-in engine on the YAML and checks the findings of <paramref name="ruleId"/> against its annotations, both ways.</summary>
    public static void Verify(string ruleId, string annotatedYaml, AnalysisOptions? options = null)
    {
        var expected = Parse(annotatedYaml);
        var diagnostics = Analyze(annotatedYaml, options);
        // Only the example file: a Usage rule's summary notes about the usage data point into the usage file.
        var actual = diagnostics.Where(d => d.RuleId == ruleId && d.Location.Path == FileName).ToList();
        var crashes = diagnostics.Where(d => d.RuleId != ruleId && d.RuleId is RuleIds.ToolError or RuleIds.InvalidManifest).ToList();

        var unmatched = actual.ToList();
        var missing = new List<Expected>();
        foreach (var e in expected.OrderBy(e => e.Line).ThenByDescending(e => e.MessageFragment is not null))
        {
            var match = unmatched.FirstOrDefault(d => d.Location.StartLine == e.Line
                && (e.Column is null || d.Location.StartColumn == e.Column)
                && (e.Severity is null || d.Severity == e.Severity)
                && (e.MessageFragment is null || d.Message.Contains(e.MessageFragment, StringComparison.Ordinal)));
            if (match is null)
            {
                missing.Add(e);
            }
            else
            {
                unmatched.Remove(match);
            }
        }

        if (missing.Count == 0 && unmatched.Count == 0 && crashes.Count == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{ruleId}: the findings do not match the annotations.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Expected lines: [{string.Join(", ", expected.Select(e => e.Line).Order())}]; actual lines: [{string.Join(", ", actual.Select(d => d.Location.StartLine).Order())}].");
        foreach (var e in missing)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"  missing    line {e.Line}{(e.Column is null ? string.Empty : $":{e.Column}")} (annotated on line {e.AnnotationLine}){(e.Severity is null ? string.Empty : $" [{e.Severity.Value.ToName()}]")}{(e.MessageFragment is null ? string.Empty : $" with a message containing \"{e.MessageFragment}\"")}");
        }

        foreach (var d in unmatched)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  unexpected {Describe(d)}");
        }

        foreach (var d in crashes)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {(d.RuleId == RuleIds.ToolError ? "crash     " : "bad input ")} {Describe(d)}");
        }

        report.AppendLine("All findings:");
        foreach (var d in diagnostics)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {Describe(d)}");
        }

        report.AppendLine("Input:");
        var lines = Lines(annotatedYaml);
        for (var i = 0; i < lines.Length; i++)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1,3}| {lines[i]}");
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>
    /// Options that run <paramref name="ruleId"/> alone (with ML0000 and ML0001, which every verification checks), for a
    /// test that must not depend on the other rules: <c>Verify(Rule, yaml, Alone(Rule))</c>.
    /// </summary>
    public static AnalysisOptions Alone(string ruleId) => new()
    {
        SeverityOverrides = RuleCatalog.Default.Descriptors
            .Where(d => d.Id is not (RuleIds.ToolError or RuleIds.InvalidManifest) && d.Id != ruleId)
            .ToDictionary(d => d.Id, _ => Severity.None, StringComparer.Ordinal),
    };

    /// <summary>Every finding of every rule for one in-memory file named <see cref="FileName"/>.</summary>
    public static IReadOnlyList<Diagnostic> Analyze(string yaml, AnalysisOptions? options = null) =>
        new AnalysisEngine().Analyze([AnalysisInput.FromText(FileName, yaml)], options).Diagnostics;

    /// <summary>The annotations of a YAML text; a comment that mentions Noncompliant but does not follow the syntax throws.</summary>
    public static IReadOnlyList<Expected> Parse(string annotatedYaml)
    {
        var lines = Lines(annotatedYaml);
        var result = new List<Expected>();
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var match = AnnotationPattern().Match(lines[i]);
            if (!match.Success)
            {
                if (lines[i].Contains("noncompliant", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"Line {lineNumber} mentions Noncompliant but is not an annotation ('# Noncompliant', '# Noncompliant@+1:9 [warning] {{{{text}}}}' at the end of the line): {lines[i]}");
                }

                continue;
            }

            var offset = match.Groups["offset"].Success ? int.Parse(match.Groups["offset"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
            var target = lineNumber + offset;
            if (target < 1 || target > lines.Length)
            {
                throw new FormatException($"The annotation on line {lineNumber} points at line {target}, outside the text.");
            }

            int? column = match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : null;
            Severity? severity = null;
            if (match.Groups["severity"].Success)
            {
                if (!SeverityNames.TryParse(match.Groups["severity"].Value, out var parsed) || parsed == Severity.None)
                {
                    throw new FormatException($"Line {lineNumber}: the severity in brackets is error, warning or note, not '{match.Groups["severity"].Value}'.");
                }

                severity = parsed;
            }

            result.Add(new Expected(target, match.Groups["message"].Success ? match.Groups["message"].Value : null, lineNumber) { Column = column, Severity = severity });
        }

        return result;
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string Describe(Diagnostic d) =>
        $"line {d.Location.StartLine}:{d.Location.StartColumn} {d.RuleId} {d.Message}";

    [GeneratedRegex(@"(?:\s|^)#\s*Noncompliant(?:@(?<offset>[+-]\d+))?(?::(?<column>[1-9]\d*))?(?:\s*\[(?<severity>[a-z]+)\])?(?:\s*\{\{(?<message>.+?)\}\})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnnotationPattern();

    /// <param name="Line">The 1-based line a finding must start on.</param>
    /// <param name="MessageFragment">Text the finding's message must contain, or null.</param>
    /// <param name="AnnotationLine">The line the annotation was written on.</param>
    public sealed record Expected(int Line, string? MessageFragment, int AnnotationLine)
    {
        /// <summary>The 1-based column the finding must start in, or null for any.</summary>
        public int? Column { get; init; }

        /// <summary>The severity the finding must have, or null for any.</summary>
        public Severity? Severity { get; init; }
    }
}
