using System.Globalization;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Helm.Rendering;

namespace ManifestLint.Helm.Mapping;

/// <summary>A finding after mapping, with the chart and values variant it came from (null for plain files).</summary>
internal sealed record MappedDiagnostic(Diagnostic Diagnostic, ChartContext? Chart, ValuesVariant? Variant);

/// <summary>
/// Rewrites findings on rendered output: the location becomes the template line, related locations on rendered
/// output are mapped the same way, the values key that set the value is added as a related location, and a fix
/// (an edit of rendered text) is dropped. <see cref="Merge"/> then reports findings that are identical in several
/// variants once and stamps the chart and variants on the message, the properties and the fingerprint.
/// </summary>
internal sealed class DiagnosticMapper(LocationMapper mapper, ValuesResolver resolver, IReadOnlyList<RenderedInput> piped)
{
    public const string ChartProperty = "helmChart";
    public const string ValuesProperty = "helmValues";

    private readonly Dictionary<string, RenderedInput> pipedByPath = piped.ToDictionary(p => p.InputPath, StringComparer.Ordinal);

    private readonly ContainerValuesFix containerValues = new(mapper, resolver);

    /// <summary>How many locations (primary and related) each method mapped.</summary>
    public Dictionary<MappingMethod, int> Counts { get; } = [];

    public static MappedDiagnostic Plain(Diagnostic diagnostic) => new(diagnostic, null, null);

    public MappedDiagnostic Map(Diagnostic diagnostic, RenderedInput input)
    {
        var location = mapper.Map(input, diagnostic.Location);
        Counts[location.Method] = Counts.GetValueOrDefault(location.Method) + 1;
        var related = new List<RelatedLocation>();
        foreach (var r in diagnostic.RelatedLocations)
        {
            related.Add(Sibling(input, r.Span.Path) is { } other ? r with { Span = mapper.Map(other, r.Span).Span } : r);
        }

        if (location.CallSite is { } call && !related.Any(r => r.Span == call))
        {
            related.Add(new RelatedLocation(call, $"the helper is included here for {Workload(location)}"));
        }

        var message = diagnostic.Message;
        Engine.Fixes.Fix? fix = null;
        if (input.Render is { } render)
        {
            var absent = MissingField.For(diagnostic.RuleId) is { } field ? resolver.FindAbsent(location, render, field) : null;
            if (absent is not null)
            {
                related.Add(absent.Related);
                fix = diagnostic.Fix is not null && FixValue(diagnostic.RuleId, location) is { } value ? ValuesFixes.Create(absent, value) : null;
                message += $" Values: {absent.Instruction}.";
            }
            else if ((resolver.Find(location, render) ?? CompanionValues(diagnostic.RuleId, input, location, render)) is { } values && !related.Any(r => r.Span == values.Span))
            {
                related.Add(values);
            }

            if (fix is null && diagnostic.Fix is { } rendered)
            {
                fix = containerValues.Map(rendered, input, location, render);
            }
        }

        var mapped = diagnostic with { Message = message, Location = location.Span, RelatedLocations = related, Fix = fix };
        return new MappedDiagnostic(mapped, input.Render?.Chart, input.Render?.Variant);
    }

    /// <summary>
    /// Rules that compare two fields of a container, and the fields (below the container) in the order a values key
    /// is looked for: ML1003's request above the limit is reported on the request, but when the request is written
    /// literally in the template and the limit comes from the values (<c>memory: {{ .Values.global.memoryLimit }}</c>),
    /// the limit's key is the value that decides it.
    /// </summary>
    private static readonly Dictionary<string, string[][]> Companions = new(StringComparer.Ordinal)
    {
        ["ML1003"] = [["resources", "limits", "memory"], ["resources", "requests", "memory"]],
    };

    /// <summary>The values key of the other field a rule compared, when the finding's own line reads none; null otherwise.</summary>
    private RelatedLocation? CompanionValues(string ruleId, RenderedInput input, MappedLocation location, ChartRender render)
    {
        if (!Companions.TryGetValue(ruleId, out var fields) || location.RenderedRoot is not { } root)
        {
            return null;
        }

        var path = location.RenderedPath.ToList();
        var item = path.FindLastIndex(YamlPaths.IsIndex);
        if (item < 0)
        {
            return null;
        }

        foreach (var field in fields)
        {
            IReadOnlyList<string> companion = [.. path.Take(item + 1), .. field];
            if (companion.SequenceEqual(path, StringComparer.Ordinal) || YamlPaths.Navigate(root, companion) is not { } found)
            {
                continue;
            }

            var span = (found.Key ?? found.Node).Span;
            if (resolver.Find(mapper.Map(input, span), render) is { } values)
            {
                return values;
            }
        }

        return null;
    }

    /// <summary>The rendered document's kind and name (<c>Deployment release-web</c>): which caller of a shared helper the finding is for.</summary>
    private static string Workload(MappedLocation location) =>
        location.RenderedRoot is Model.Yaml.MappingNode root
            ? $"{(root["kind"] as Model.Yaml.ScalarNode)?.Value ?? "the document"} {((root["metadata"] as Model.Yaml.MappingNode)?["name"] as Model.Yaml.ScalarNode)?.Value}".TrimEnd()
            : "this document";

    /// <summary>
    /// The value a rule's own fix writes, read from the rendered container: ML1001 sets the limit to the memory
    /// request (<see cref="Engine.Fixes.ResourceFixes.MemoryLimitFromRequest"/>). Null for rules whose fix this does not know.
    /// </summary>
    private static string? FixValue(string ruleId, MappedLocation location)
    {
        if (ruleId != "ML1001" || location.RenderedRoot is not { } root)
        {
            return null;
        }

        var container = location.RenderedPath.ToList();
        var item = container.FindLastIndex(YamlPaths.IsIndex);
        return item >= 0 && YamlPaths.Navigate(root, [.. container.Take(item + 1), "resources", "requests", "memory"]) is { Node: Model.Yaml.ScalarNode { Value.Length: > 0 } request }
            ? request.Value.Trim()
            : null;
    }

    /// <summary>
    /// Merges findings of one chart that are identical after mapping (rule, line, message, related locations,
    /// fingerprint) across values variants, and names the chart and variants when the chart has several.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Merge(IEnumerable<MappedDiagnostic> items, Func<string, string> display)
    {
        var result = new List<Diagnostic>();
        var groups = new Dictionary<(ChartContext, string), List<MappedDiagnostic>>();
        var order = new List<(ChartContext, string)>();
        foreach (var item in items)
        {
            if (item.Chart is null || item.Variant is null)
            {
                result.Add(item.Diagnostic);
                continue;
            }

            var key = (item.Chart, Identity(item.Diagnostic));
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }

            list.Add(item);
        }

        foreach (var key in order)
        {
            var group = groups[key];
            var chart = key.Item1;
            var variants = chart.Variants.Where(v => group.Any(g => g.Variant == v)).ToList();
            var first = group[0].Diagnostic;
            var properties = new Dictionary<string, string>(first.Properties, StringComparer.Ordinal)
            {
                [ChartProperty] = chart.Name,
                [ValuesProperty] = string.Join(", ", variants.Select(v => chart.ValuesLabel(v, display))),
            };
            result.Add(first with
            {
                Message = first.Message + Suffix(chart, variants, display),
                Properties = properties,
                FingerprintKey = $"{first.FingerprintKey}|chart:{chart.Name}|values:{variants[0].Name}",
            });
        }

        return result;
    }

    /// <summary>
    /// <c> [chart web, values: ci/prod-values.yaml]</c>, when the chart has several variants or is rendered with
    /// <c>-f</c>/<c>--set</c> values (<c> [chart web, values: default + -f prod.yaml]</c>): the values actually used.
    /// </summary>
    private static string Suffix(ChartContext chart, List<ValuesVariant> variants, Func<string, string> display)
    {
        if (chart.Variants.Count < 2 && !chart.HasUserValues)
        {
            return string.Empty;
        }

        var which = variants.Count == chart.Variants.Count && variants.Count > 2
            ? string.Create(CultureInfo.InvariantCulture, $"all {variants.Count} values variants") + (chart.HasUserValues ? $", each + {chart.ValuesLabel(ValuesVariant.Default, display)["default + ".Length..]}" : string.Empty)
            : $"values: {string.Join(", ", variants.Select(v => chart.ValuesLabel(v, display)))}";
        return $" [chart {chart.Name}, {which}]";
    }

    private static string Identity(Diagnostic d) => string.Join(
        '\u001f',
        [d.RuleId, d.Severity.ToName(), d.Location.ToString(), d.Location.EndLine.ToString(CultureInfo.InvariantCulture), d.Message, d.FingerprintKey,
         .. d.RelatedLocations.Select(r => $"{r.Span}|{r.Message}")]);

    private RenderedInput? Sibling(RenderedInput input, string path) =>
        input.Render?.Inputs.FirstOrDefault(i => i.InputPath == path) ?? pipedByPath.GetValueOrDefault(path);
}
