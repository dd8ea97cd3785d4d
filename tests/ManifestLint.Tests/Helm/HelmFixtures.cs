using System.Text;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Helm;
using ManifestLint.Model.Source;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Helm;

/// <summary>Lints charts with the real Helm, from the repository root, and reads the lines findings point at.</summary>
internal static class HelmFixtures
{
    public static string Charts => Path.Combine(RepositoryPaths.Root, "tests", "ManifestLint.Tests", "Helm", "TestData", "charts");

    public static string SampleCharts => Path.Combine(RepositoryPaths.Samples, "charts");

    public static HelmLintResult Lint(HelmSettings? settings = null, params string[] chartDirectories)
    {
        var charts = chartDirectories.Select(d => new ChartInput(d, Path.GetRelativePath(RepositoryPaths.Root, d))).ToList();
        settings = (settings ?? new HelmSettings()) with { HelmPath = HelmTool.Executable };
        // The library awaits with ConfigureAwait(false) throughout, so a synchronous test may wait for it.
        return new HelmLinter(settings, RepositoryPaths.Root).AnalyzeAsync([], charts).GetAwaiter().GetResult();
    }

    /// <summary>The text of the line a span starts on, trimmed.</summary>
    public static string LineText(SourceSpan span)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, span.Path));
        Assert.InRange(span.StartLine, 1, lines.Length);
        return lines[span.StartLine - 1].Trim();
    }

    /// <summary>The one finding of a rule whose message contains every fragment.</summary>
    public static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string ruleId, params string[] fragments)
    {
        var matches = diagnostics.Where(d => d.RuleId == ruleId && fragments.All(f => d.Message.Contains(f, StringComparison.Ordinal))).ToList();
        Assert.True(matches.Count == 1, $"Expected one {ruleId} containing [{string.Join(", ", fragments)}], found {matches.Count}:\n{string.Join("\n", diagnostics.Select(d => $"  {d.Location} {d.RuleId} {d.Message}"))}");
        return matches[0];
    }

    /// <summary>The related location that points into a values file (the one the mapping adds).</summary>
    public static RelatedLocation Values(Diagnostic diagnostic)
    {
        var values = diagnostic.RelatedLocations.Where(r => r.Message.StartsWith("values: ", StringComparison.Ordinal)).ToList();
        Assert.True(values.Count == 1, $"Expected one values location on {diagnostic.Location} {diagnostic.Message}, found [{string.Join(", ", diagnostic.RelatedLocations.Select(r => $"{r.Span} {r.Message}"))}]");
        return values[0];
    }

    /// <summary>One line per finding: rule, template line text, and each related location's file, line text and message.</summary>
    public static string Describe(IEnumerable<Diagnostic> findings)
    {
        var text = new StringBuilder();
        foreach (var d in findings.OrderBy(d => d.Location.Path, StringComparer.Ordinal).ThenBy(d => d.Location.StartLine).ThenBy(d => d.RuleId, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal))
        {
            text.Append(d.RuleId).Append(' ').Append(Short(d.Location.Path)).Append(':').Append(d.Location.StartLine).Append("  ").Append(LineText(d.Location)).Append('\n');
            var tail = d.Message.IndexOf("Values: ", StringComparison.Ordinal);
            if (tail >= 0)
            {
                text.Append("  message: ").Append(d.Message[tail..]).Append('\n');
            }

            foreach (var r in d.RelatedLocations)
            {
                text.Append("  -> ").Append(Short(r.Span.Path)).Append(':').Append(r.Span.StartLine).Append("  ").Append(LineText(r.Span)).Append("  [").Append(r.Message).Append("]\n");
            }

            if (d.Fix is { } fix)
            {
                text.Append("  fix: ").Append(Short(fix.Description)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Short(string path) => path.Replace("tests/ManifestLint.Tests/Helm/TestData/charts/", string.Empty, StringComparison.Ordinal);
}
