using System.Text.RegularExpressions;
using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Rendering;
using ManifestLint.Helm.Templates;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Mapping;

/// <summary>How a rendered position was mapped to its template line, from the most to the least precise.</summary>
internal enum MappingMethod
{
    /// <summary>A line marker of the marked render.</summary>
    Marker,

    /// <summary>The template's literal key path (<see cref="TemplateOutline"/>).</summary>
    Outline,

    /// <summary>Nothing better was known: the template file's first line.</summary>
    FileOnly,

    /// <summary>Left on the rendered text (no template file is known).</summary>
    Unmapped,
}

/// <summary>Where a rendered position comes from.</summary>
/// <param name="Span">The template line (or the rendered position when unmapped).</param>
/// <param name="Line">The template line's facts (key, <c>.Values</c> references); null when not mapped to a line.</param>
/// <param name="Chart">The (sub)chart whose values the template line reads.</param>
/// <param name="RenderedPath">The rendered node's path in its document.</param>
/// <param name="RenderedRoot">The rendered document's root.</param>
internal sealed record MappedLocation(SourceSpan Span, MappingMethod Method, TemplateLine? Line, ChartNode? Chart, IReadOnlyList<string> RenderedPath, YamlNode? RenderedRoot)
{
    /// <summary>The template file of <see cref="Line"/>.</summary>
    public TemplateFile? Template { get; init; }

    /// <summary>The lines of <see cref="Template"/> whose markers are inside the rendered node: the lines that wrote it (empty when unknown).</summary>
    public IReadOnlySet<int> WrittenBy { get; init; } = new HashSet<int>();

    /// <summary>For a line in a helper: the <c>include</c> line of the rendered document's own template that printed it; null otherwise.</summary>
    public SourceSpan? CallSite { get; init; }

    /// <summary>The template and line of <see cref="CallSite"/>: what the helper was given there decides the values its lines read.</summary>
    public (TemplateFile Template, int Line)? Caller { get; init; }

    /// <summary>
    /// Whether <see cref="WrittenBy"/> is known: false when the node was found by key path (a helper's output passed
    /// through <c>fromYaml</c>, which drops the markers), so that which lines printed it cannot be told.
    /// </summary>
    public bool WrittenByKnown { get; init; } = true;
}

/// <summary>
/// Maps a position in rendered output to the template line an author edits. With a marked render (see
/// <see cref="MarkedChart"/>) the rendered node is found at the same path in the marked document (whose structure
/// must equal the unmarked one's) and its line's marker names the template line; a line without a marker of its
/// own (the first lines of a <c>toYaml</c> or <c>include</c> output) belongs to a following marker: the first of
/// them whose template line writes the same key and prints an action, else the first that prints an action, looking
/// no further than the first marker of a template (not helper) line.
/// </summary>
internal sealed partial class LocationMapper(string workingDirectory)
{
    public string Display(string fullPath) => Path.GetRelativePath(workingDirectory, fullPath);

    public MappedLocation Map(RenderedInput input, SourceSpan span)
    {
        var roots = input.Roots;
        var index = DocumentIndex(roots, span.StartLine);
        if (index < 0)
        {
            return FileOnly(input, span, [], null);
        }

        var root = roots[index];
        var path = YamlPaths.PathAt(root, span.StartLine, span.StartColumn) ?? [];
        var lastKey = path.LastOrDefault(s => !YamlPaths.IsIndex(s));
        if (input.Render is { Marked: { } marked, MarkedChart: { } chart }
            && marked.TryGetValue(input.SourcePath, out var source)
            && source.SameShape(index, root)
            && YamlPaths.Navigate(source.Roots[index], path) is { } target
            && Owner(source, index, (target.Key ?? target.Node).Span.StartLine, chart) is { } owner)
        {
            var logical = owner.Template.Template[owner.Line.LogicalStart] ?? owner.Line;
            var call = owner.Line.InDefine ? CallSite(source, index, (target.Key ?? target.Node).Span.StartLine, chart, input.TemplatePath) : null;

            // A helper reads the values of the chart whose template calls it (a library chart's helper, its caller's).
            var ownerChart = call is { Caller: var caller } ? caller.Chart : input.Chart is { } c && c.Directory == owner.Template.Chart.Directory ? c : owner.Template.Chart;
            var mapped = new MappedLocation(LineSpan(owner.Template.FullPath, owner.Template.Template, logical.Line, lastKey), MappingMethod.Marker, owner.Line, ownerChart, path, root)
            {
                Template = owner.Template.Template,
                WrittenBy = WrittenBy(source, target.Node.Span, owner.Template.Id),
                CallSite = call?.Span,
                Caller = call is { } known ? (known.Caller.Template, known.Line) : null,
            };
            return owner.Line.InDefine ? mapped : IntoHelper(mapped, owner.Template, chart) ?? mapped;
        }

        if (input.TemplatePath is { } file && input.Templates.Get(file) is { } template)
        {
            return Outline(template, file, index, path, lastKey, input.Chart, root) ?? FileOnly(input, span, path, root);
        }

        return FileOnly(input, span, path, root);
    }

    /// <summary>The fallback by key path: no marked render (piped input), or its document cannot be trusted or has no marker.</summary>
    private MappedLocation? Outline(TemplateFile template, string file, int documentIndex, IReadOnlyList<string> path, string? lastKey, ChartNode? chart, YamlNode? root)
    {
        var line = TemplateOutline.Find(template, documentIndex, path) ?? TemplateOutline.Find(template, -1, path);
        return line is { } n
            ? new MappedLocation(LineSpan(file, template, n, lastKey), MappingMethod.Outline, template[n], chart, path, root) { Template = template }
            : null;
    }

    private static int DocumentIndex(IReadOnlyList<YamlNode> roots, int line)
    {
        var index = -1;
        for (var i = 0; i < roots.Count; i++)
        {
            if (roots[i].Span.StartLine <= line)
            {
                index = i;
            }
        }

        return index;
    }

    /// <summary>
    /// The template's first line when nothing better is known; for a template packed in a subchart archive
    /// (<c>charts/redis-20.1.0.tgz</c>), which no editor opens, the chart's Chart.yaml.
    /// </summary>
    private MappedLocation FileOnly(RenderedInput input, SourceSpan span, IReadOnlyList<string> path, YamlNode? root)
    {
        if (input.TemplatePath is { } file && File.Exists(file))
        {
            return new MappedLocation(SourceSpan.FileStart(Display(file)) with { EndColumn = 2 }, MappingMethod.FileOnly, null, input.Chart, path, root);
        }

        if (input.Render is { } render)
        {
            var chartFile = Path.Combine(render.Chart.Input.Directory, ChartLayout.ChartFileName);
            return new MappedLocation(HelmErrors.ChartNameSpan(chartFile, Display(chartFile)), MappingMethod.FileOnly, null, null, path, root);
        }

        return new MappedLocation(span, MappingMethod.Unmapped, null, input.Chart, path, root);
    }

    private SourceSpan LineSpan(string file, TemplateFile template, int line, string? key)
    {
        var text = template.LineText(line);
        var column = text.Length - text.TrimStart().Length;
        if (key is not null)
        {
            var at = text.IndexOf(key + ":", StringComparison.Ordinal);
            column = at >= 0 ? at : column;
        }

        var end = Math.Max(column + 1, text.TrimEnd().Length);
        return new SourceSpan(Display(file), line, column + 1, line, end + 1);
    }

    /// <summary>The template line that wrote rendered line <paramref name="line"/> of document <paramref name="index"/>.</summary>
    private static (ChartTemplate Template, TemplateLine Line)? Owner(MarkedSource source, int index, int line, MarkedChart chart)
    {
        var (_, last) = source.DocumentLines(index);
        var text = source.Lines[line - 1];
        foreach (var marker in MarkedChart.Markers(text))
        {
            if (Resolve(chart, marker) is { } own)
            {
                return own;
            }
        }

        var key = RenderedKeyPattern().Match(text) is { Success: true } m ? m.Groups["key"].Value : null;
        var candidates = new List<(ChartTemplate Template, TemplateLine Line)>();
        for (var n = line + 1; n <= last && (candidates.Count == 0 || candidates[^1].Line.InDefine); n++)
        {
            foreach (var marker in MarkedChart.Markers(source.Lines[n - 1]))
            {
                if (Resolve(chart, marker) is { } candidate)
                {
                    candidates.Add(candidate);
                    if (!candidate.Line.InDefine)
                    {
                        break;
                    }
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var printing = candidates.Where(c => c.Line.HasOutputAction).ToList();
        if (key is not null && printing.FirstOrDefault(c => c.Template.Template[c.Line.LogicalStart]?.Key == key || c.Line.Key == key) is { Template: not null } sameKey)
        {
            return sameKey;
        }

        return printing.Count > 0 ? printing[0] : candidates[^1];
    }

    /// <summary>
    /// The line of the document's own template that included the helper a rendered line came from: a helper's
    /// output ends on the line of the <c>include</c> that printed it, so the first marker of the caller's file at or
    /// after the rendered line is that line (for nested helpers, the outermost call). Only a line that calls a
    /// template counts; anything else is not reported, rather than guessed.
    /// </summary>
    private (SourceSpan Span, ChartTemplate Caller, int Line)? CallSite(MarkedSource source, int index, int line, MarkedChart chart, string? callerPath)
    {
        if (callerPath is null || chart.Templates.FirstOrDefault(t => t.FullPath == callerPath) is not { } caller)
        {
            return null;
        }

        var (_, last) = source.DocumentLines(index);
        for (var n = line; n <= last; n++)
        {
            foreach (var marker in MarkedChart.Markers(source.Lines[n - 1]))
            {
                if (marker.File != caller.Id || caller.Template[marker.Line] is not { InDefine: false } call)
                {
                    continue;
                }

                var start = call.LogicalStart;
                var text = string.Join('\n', Enumerable.Range(start, marker.Line - start + 1).Select(caller.Template.LineText));
                return IncludePattern().IsMatch(text) ? (LineSpan(caller.FullPath, caller.Template, start, null), caller, marker.Line) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// A template line that writes a key and prints a helper's output below it, when the helper's lines left no
    /// markers in the render: <c>template: {{ include "x.podTemplate" . | fromYaml | toYaml | nindent 4 }}</c> (the
    /// YAML round trip drops the comments, and reorders the keys). The rest of the rendered path below the line's
    /// key is looked up by key path in the helper's lines (see <see cref="TemplateOutline.FindInHelper"/>), and the
    /// include line becomes the call site. Null when the line calls no helper the chart defines, or no line matches.
    /// </summary>
    private MappedLocation? IntoHelper(MappedLocation location, ChartTemplate template, MarkedChart chart)
    {
        if (location.Line is not { Key: not null } line || template.Template.Includes(line.Line) is not [var (name, _), ..]
            || TemplateOutline.Below(template.Template, line.Line, location.RenderedPath) is not { Count: > 0 } below)
        {
            return null;
        }

        foreach (var helper in chart.Templates)
        {
            if (TemplateOutline.FindInHelper(helper.Template, name, below) is not { } n)
            {
                continue;
            }

            var helperLine = helper.Template[n]!;
            var lastKey = location.RenderedPath.LastOrDefault(s => !YamlPaths.IsIndex(s));
            return new MappedLocation(LineSpan(helper.FullPath, helper.Template, n, lastKey), MappingMethod.Outline, helperLine, location.Chart, location.RenderedPath, location.RenderedRoot)
            {
                Template = helper.Template,
                WrittenByKnown = false,
                CallSite = LineSpan(template.FullPath, template.Template, line.LogicalStart, null),
                Caller = (template.Template, line.Line),
            };
        }

        return null;
    }

    private static HashSet<int> WrittenBy(MarkedSource source, SourceSpan node, int file)
    {
        var lines = new HashSet<int>();
        for (var n = node.StartLine; n <= node.EndLine && n <= source.Lines.Count; n++)
        {
            foreach (var marker in MarkedChart.Markers(source.Lines[n - 1]))
            {
                if (marker.File == file)
                {
                    lines.Add(marker.Line);
                }
            }
        }

        return lines;
    }

    private static (ChartTemplate Template, TemplateLine Line)? Resolve(MarkedChart chart, (int File, int Line) marker) =>
        marker.File >= 0 && marker.File < chart.Templates.Count && chart.Templates[marker.File].Template[marker.Line] is { } line
            ? (chart.Templates[marker.File], line)
            : null;

    [GeneratedRegex(@"\{\{-?\s*(?:[^}]*[\s(|])?(?:include|template)\s+""", RegexOptions.CultureInvariant)]
    private static partial Regex IncludePattern();

    [GeneratedRegex(@"^\s*(?:-\s+)*(?<key>""[^""]*""|'[^']*'|[^\s#'""][^:#]*?)\s*:(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RenderedKeyPattern();
}
