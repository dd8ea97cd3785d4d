using System.Collections.Concurrent;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Helm.Charts;
using ManifestLint.Helm.Rendering;
using ManifestLint.Helm.Templates;
using ManifestLint.Model.Source;

namespace ManifestLint.Helm.Mapping;

/// <summary>
/// Finds the values key a template line's value came from. The line's <c>.Values</c> references (see
/// <see cref="Templates.TemplateLine.ValueReferences"/>) are extended by the part of the rendered path below the line's
/// own key (<c>resources: {{- toYaml .Values.resources }}</c> and a finding on <c>…resources.limits.memory</c>
/// look for <c>resources.limits.memory</c>), and looked up in every values file that applies, highest precedence
/// first: the <c>-f</c> files (last first), the <c>ci/</c> variant, then the chart's <c>values.yaml</c> (for a
/// subchart, its parents' values under its name first). The deepest key found wins; on a tie, the file that wins in
/// Helm's merge. A value set with <c>--set</c> has no file, so nothing is related then.
/// </summary>
internal sealed class ValuesResolver(Func<string, string> display)
{
    private readonly ConcurrentDictionary<string, ValuesFile> files = new(StringComparer.Ordinal);

    /// <param name="render">The render: its variant file and the chart's <c>-f</c> files and <c>--set</c> values.</param>
    public RelatedLocation? Find(MappedLocation location, ChartRender render)
    {
        if (Decide(location, render) is not { } key)
        {
            return null;
        }

        if (key.SetBy is { } set)
        {
            return set;
        }

        var span = key.Span with { EndLine = key.Span.StartLine, EndColumn = key.Span.EndLine == key.Span.StartLine ? key.Span.EndColumn : key.Span.StartColumn + 1 };
        if (key.SubchartDefault && location.Chart is { } chart)
        {
            // The subchart's own default decides; a user changes it from the parent chart's values.
            var parent = Load(Path.Combine(chart.Ancestors[0], "values.yaml"));
            return new RelatedLocation(span, $"values: {Dotted(key.Path)} (subchart default; override it as {Dotted([.. chart.ValuesPrefix, .. key.Path])} in {parent.DisplayPath})");
        }

        return new RelatedLocation(span, $"values: {Dotted(key.Path)}");
    }

    /// <summary>
    /// The values key that decides a mapped location's value (see the class summary): the file, the key's concrete
    /// path in it, and whether a <c>--set</c> argument overrides it or it is a subchart's own default. Null when the
    /// template line reads no values, or no values file has the key.
    /// </summary>
    public ValuesKey? Decide(MappedLocation location, ChartRender render)
    {
        if (location is not { Line: { } line, Chart: { } chart })
        {
            return null;
        }

        var argument = ArgumentOf(location, render);
        var references = Bound(line.ValueReferences, argument);
        if (references.Count == 0 && line.Key is not null && location.Template is { } template)
        {
            references = Bound(ChildReferences(template, line, location.WrittenByKnown ? location.WrittenBy : null), argument);
        }

        if (references.Count == 0 && line.Guard is { } guard && location.Template is { } guarded && PrintsGuard(guarded, line.Line, guard))
        {
            // A literal line inside `with .Values.x` or `if .Values.x` that also prints x (an HPA's memory metric and
            // its target): x is what the block is about. An `if .Values.metrics.enabled` around a sidecar is not.
            references = Bound([guard], argument);
        }

        if (references.Count == 0)
        {
            return null;
        }

        var suffixes = Suffixes(location.RenderedPath, line.Key);
        var itemName = location.RenderedRoot is { } root ? YamlPaths.ItemName(root, location.RenderedPath) : null;
        (int Depth, int Rank, ValuesFile File, SourceSpan Span, IReadOnlyList<string> Path, bool Default)? best = null;
        foreach (var reference in references)
        {
            var referencePath = Split(reference);
            foreach (var suffix in suffixes)
            {
                IReadOnlyList<string> wanted = [.. referencePath, .. suffix];
                var rank = 0;
                var sources = Sources(chart, render, isGlobal: referencePath[0] == "global").ToList();
                foreach (var (file, prefix) in sources)
                {
                    rank++;
                    if (file.Find([.. prefix, .. wanted], itemName) is not { } found || found.Path.Count - prefix.Count < referencePath.Count)
                    {
                        continue;
                    }

                    var depth = found.Path.Count - prefix.Count;
                    if (best is null || depth > best.Value.Depth || (depth == best.Value.Depth && rank < best.Value.Rank))
                    {
                        best = (depth, rank, file, found.Span, found.Path, chart.Ancestors.Count > 0 && rank == sources.Count && referencePath[0] != "global");
                    }
                }
            }
        }

        return best is { } b ? new ValuesKey(b.File, b.Path, b.Span, b.Default, SetBy(render, b.Path)) : null;
    }

    /// <summary>Whether a line of the block guarded by <paramref name="guard"/> around <paramref name="line"/> prints the guard's value (or a key below it).</summary>
    private static bool PrintsGuard(Templates.TemplateFile template, int line, string guard)
    {
        bool Prints(int n) => template[n]!.ValueReferences.Any(r => r == guard || r.StartsWith(guard + ".", StringComparison.Ordinal));
        for (var n = line; template[n] is { } up && up.Guard == guard; n--)
        {
            if (Prints(n))
            {
                return true;
            }
        }

        for (var n = line + 1; template[n] is { } down && down.Guard == guard; n++)
        {
            if (Prints(n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For a finding whose cause is an absent value (<see cref="MissingField"/>): the values key that would hold it.
    /// The template block of the finding's node (see <see cref="Templates.TemplateBlock"/>) names the values path of
    /// the container's resources (<c>{{- with .Values.controller.resources }}</c>, even when it printed nothing);
    /// the related location is the deepest key of that path, and below it, that exists in a values file
    /// (<c>controller.resources</c> for <c>resources: {}</c>, else <c>controller</c>), or the chart's values file
    /// itself when none does. Null when the block reads no such path: then nothing is guessed.
    /// </summary>
    public AbsentValue? FindAbsent(MappedLocation location, ChartRender render, MissingField field)
    {
        if (location is not { Line: { } line, Chart: { } chart, Template: { } template }
            || AnchorIn(template, BlockStart(template, line.LogicalStart, location.RenderedPath), field, ArgumentOf(location, render)) is not var (anchor, whole))
        {
            return null;
        }

        // A leaf (not a resources mapping) is the value itself: it is set, nothing is added below it.
        var below = field.Anchor(anchor) is null ? [] : field.Below;
        IReadOnlyList<string> wanted = [.. anchor, .. below];
        var itemName = location.RenderedRoot is { } root ? YamlPaths.ItemName(root, location.RenderedPath) : null;
        (int Depth, int Rank, ValuesFile File, IReadOnlyList<string> Prefix, SourceSpan Span, IReadOnlyList<string> Path)? best = null;
        var rank = 0;

        // A subchart's own values.yaml is its author's default: a user adds the key in the parent's values (under
        // the subchart's name), which `helm dependency update` does not overwrite and which wins over the default.
        var sources = Sources(chart, render, isGlobal: anchor[0] == "global").ToList();
        if (chart.Ancestors.Count > 0)
        {
            sources.RemoveAt(sources.Count - 1);
        }

        foreach (var (file, prefix) in sources)
        {
            rank++;
            if (file.Find([.. prefix, .. wanted], itemName) is not { } found)
            {
                continue;
            }

            var depth = found.Path.Count - prefix.Count;
            if (best is null || depth > best.Value.Depth || (depth == best.Value.Depth && rank < best.Value.Rank))
            {
                best = (depth, rank, file, prefix, found.Span, found.Path);
            }
        }

        if (best is { } b)
        {
            var concrete = Concrete(b.Path, b.Prefix, wanted);
            var span = b.Span with { EndLine = b.Span.StartLine, EndColumn = b.Span.EndLine == b.Span.StartLine ? b.Span.EndColumn : b.Span.StartColumn + 1 };

            // The whole key exists (empty, zero, or a value the rule still rejects): it is the one to set.
            var message = b.Depth < wanted.Count ? $"values: {Dotted(b.Path)} (add {Dotted(concrete)})"
                : field.Entry is { } entry ? $"values: {Dotted(b.Path)} (add a {entry} entry)"
                : $"values: {Dotted(b.Path)}";
            return new AbsentValue(new RelatedLocation(span, message), Dotted(concrete), b.File, b.Path, concrete, b.Depth >= wanted.Count)
            {
                Anchor = [.. concrete.Take(b.Prefix.Count + anchor.Count)],
                PrintedWhole = whole,
                Entry = field.Entry,
            };
        }

        // No values file has even the first key: the user adds it to the top chart's values file.
        var top = chart.Ancestors.Count > 0 ? chart.Ancestors[0] : chart.Directory;
        var topFile = Load(Path.Combine(top, "values.yaml"));
        if (!topFile.Exists)
        {
            return null;
        }

        IReadOnlyList<string> full = [.. anchor[0] == "global" ? [] : chart.ValuesPrefix, .. wanted];
        return new AbsentValue(new RelatedLocation(SourceSpan.FileStart(topFile.DisplayPath) with { EndColumn = 2 }, $"values: add {Dotted(full)}"), Dotted(full), topFile, [], full, KeyExists: false)
        {
            Anchor = [.. full.Take(full.Count - below.Count)],
            Entry = field.Entry,
        };
    }

    /// <summary>
    /// The first values path in the node's template block that names the missing field's anchor, and whether the
    /// block reads it whole (<c>resources</c> itself, not only <c>resources.requests.memory</c>).
    /// </summary>
    private static (IReadOnlyList<string> Anchor, bool Whole)? AnchorIn(Templates.TemplateFile template, int start, MissingField field, HelperArgument? argument)
    {
        (IReadOnlyList<string> Anchor, bool Whole)? first = null;
        foreach (var n in Templates.TemplateBlock.Lines(template, start))
        {
            foreach (var reference in Bound(template[n]!.ValueReferences, argument))
            {
                var path = Split(reference);
                if (field.Anchor(path) is not { Count: > 0 } anchor || (first is { } f && !f.Anchor.SequenceEqual(anchor, StringComparer.Ordinal)))
                {
                    continue;
                }

                first = (anchor, first is { Whole: true } || anchor.Count == path.Count);
            }
        }

        return first ?? (field.LeafInResources ? LeafIn(template, start, argument) : null);
    }

    /// <summary>
    /// When no values mapping is printed whole: the first values path read inside the block's literal
    /// <c>resources:</c> key (<c>memory: {{ required "…" .Values.memoryLimit }}</c>), a leaf the user sets, not a mapping to add below.
    /// </summary>
    private static (IReadOnlyList<string> Anchor, bool Whole)? LeafIn(Templates.TemplateFile template, int start, HelperArgument? argument)
    {
        foreach (var n in Templates.TemplateBlock.Lines(template, start))
        {
            if (template[n] is { Key: "resources" })
            {
                foreach (var m in Templates.TemplateBlock.Lines(template, n))
                {
                    if (Bound(template[m]!.ValueReferences, argument) is [var reference, ..])
                    {
                        return (Split(reference), false);
                    }
                }

                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Where the finding's node starts in the template: a finding on a container's <c>name</c> (where rules put a
    /// missing field) is about the whole container, whose list item may start lines above (<c>- image: …</c> first).
    /// </summary>
    private static int BlockStart(Templates.TemplateFile template, int line, IReadOnlyList<string> renderedPath)
    {
        if (template[line] is not { IsListItem: false, Key: not null } keyLine || renderedPath.Count < 2 || renderedPath[^1] != "name" || !YamlPaths.IsIndex(renderedPath[^2]))
        {
            return line;
        }

        for (var n = line - 1; template[n] is { } previous && previous.InDefine == keyLine.InDefine && !previous.IsDocumentSeparator; n--)
        {
            if ((previous.Key is null && !previous.IsListItem) || previous.InBlockScalar || previous.LogicalStart != n || previous.Indent >= keyLine.Indent)
            {
                continue;
            }

            return previous.IsListItem ? n : line;
        }

        return line;
    }

    /// <summary>The key to add, in the found file's terms: its prefix and the found key's concrete items, then the rest of the wanted path.</summary>
    private static IReadOnlyList<string> Concrete(IReadOnlyList<string> found, IReadOnlyList<string> prefix, IReadOnlyList<string> wanted) =>
        [.. found, .. prefix.Concat(wanted).Skip(found.Count)];

    /// <summary>
    /// For a key line without an action (<c>resources:</c>), the references of the line that writes its value below it
    /// (<c>{{- toYaml .Values.resources | nindent 12 }}</c>), skipping control lines; only when that line's marker shows
    /// it wrote part of the rendered value (an empty <c>with .Values.extraContainers</c> body did not).
    /// </summary>
    /// <param name="writtenBy">null when the lines that printed the node are not known (then the line is taken).</param>
    private static IReadOnlyList<string> ChildReferences(Templates.TemplateFile template, Templates.TemplateLine line, IReadOnlySet<int>? writtenBy)
    {
        for (var n = line.Line + 1; template[n] is { } next; n++)
        {
            if (next.Key is null && !next.IsListItem && !next.HasOutputAction)
            {
                continue;
            }

            return next.Key is null && !next.IsListItem && !next.HasText && (writtenBy is null || writtenBy.Contains(n)) ? next.ValueReferences : [];
        }

        return [];
    }

    /// <summary>The values files that apply to a (sub)chart, highest precedence first, each with the key path the chart's values sit under.</summary>
    private IEnumerable<(ValuesFile File, IReadOnlyList<string> Prefix)> Sources(ChartNode chart, ChartRender render, bool isGlobal)
    {
        IReadOnlyList<string> top = isGlobal ? [] : chart.ValuesPrefix;
        var variantFile = render.Variant.FullPath;
        foreach (var user in render.Chart.Settings.ValuesFiles.Reverse())
        {
            yield return (Load(user), top);
        }

        if (variantFile is not null)
        {
            yield return (Load(variantFile), top);
        }

        for (var i = 0; i < chart.Ancestors.Count; i++)
        {
            yield return (Load(Path.Combine(chart.Ancestors[i], "values.yaml")), isGlobal ? [] : [.. chart.ValuesPrefix.Skip(i)]);
        }

        yield return (Load(Path.Combine(chart.Directory, "values.yaml")), []);
    }

    /// <summary>
    /// What the helper a location's line is in was given, at its call site (through the helpers in between when the
    /// call site calls another helper that includes this one); null outside helpers, or when that is not known.
    /// </summary>
    private HelperArgument? ArgumentOf(MappedLocation location, ChartRender render)
    {
        if (location is not { Line: { InDefine: true, Define: { } target }, Caller: var (template, line) } || render.MarkedChart is not { } chart)
        {
            return null;
        }

        var defines = helpers.GetOrAdd(chart, HelperIndex);
        var pending = new Queue<(string Name, HelperArgument? Argument, int Depth)>(template.Includes(line).Select(c => (c.Name, c.Argument, 0)));
        var seen = new HashSet<(string, HelperArgument?)>();
        while (pending.TryDequeue(out var call))
        {
            if (call.Name == target)
            {
                return call.Argument;
            }

            if (call.Argument is null || call.Depth >= MaxHelperDepth || !seen.Add((call.Name, call.Argument)) || !defines.TryGetValue(call.Name, out var body))
            {
                continue;
            }

            foreach (var n in body.Lines)
            {
                foreach (var (name, argument) in body.Template.Includes(n))
                {
                    pending.Enqueue((name, argument?.Within(call.Argument), call.Depth + 1));
                }
            }
        }

        return null;
    }

    /// <summary>How many helpers deep a call is followed from the call site.</summary>
    private const int MaxHelperDepth = 6;

    private readonly ConcurrentDictionary<Templates.MarkedChart, Dictionary<string, (Templates.TemplateFile Template, int[] Lines)>> helpers = new();

    /// <summary>Each helper of the chart (subcharts included): the file that defines it first, and its lines.</summary>
    private static Dictionary<string, (Templates.TemplateFile Template, int[] Lines)> HelperIndex(Templates.MarkedChart chart)
    {
        var index = new Dictionary<string, (Templates.TemplateFile, int[])>(StringComparer.Ordinal);
        foreach (var file in chart.Templates)
        {
            foreach (var group in Enumerable.Range(1, file.Template.LineCount).Where(n => file.Template[n]!.Define is not null).GroupBy(n => file.Template[n]!.Define!))
            {
                index.TryAdd(group.Key, (file.Template, [.. group]));
            }
        }

        return index;
    }

    /// <summary>A line's references as values paths: those below a helper's argument through what it was given (dropped when that is not known).</summary>
    private static IReadOnlyList<string> Bound(IReadOnlyList<string> references, HelperArgument? argument) =>
        references.Count == 0 ? references : [.. references.Select(r => HelperArgument.Resolve(r, argument)).OfType<string>().Distinct(StringComparer.Ordinal)];

    private ValuesFile Load(string fullPath) => files.GetOrAdd(fullPath, p => ValuesFile.Load(p, display(p)));

    /// <summary>
    /// The parts of the rendered path below the template line's own key, items made generic: <c>[limits, memory]</c>
    /// for <c>resources</c>; every tail, longest first, when the line writes no key.
    /// </summary>
    private static List<IReadOnlyList<string>> Suffixes(IReadOnlyList<string> path, string? key)
    {
        static IReadOnlyList<string> Generic(IEnumerable<string> segments) => [.. segments.Select(s => YamlPaths.IsIndex(s) ? "[]" : s)];

        var at = key is null ? -1 : path.ToList().FindLastIndex(s => s == key);
        if (at >= 0)
        {
            return [Generic(path.Skip(at + 1)), []];
        }

        var result = new List<IReadOnlyList<string>>();
        for (var start = 0; start <= path.Count; start++)
        {
            result.Add(Generic(path.Skip(start)));
        }

        return result;
    }

    private static List<string> Split(string reference)
    {
        var segments = new List<string>();
        foreach (var part in reference.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && part.EndsWith(']'))
            {
                // `workers[]` (an item ranged over) or `workers[1]` (index … 1).
                segments.Add(part[..bracket]);
                segments.Add(part[bracket..]);
            }
            else
            {
                segments.Add(part);
            }
        }

        return segments;
    }

    /// <summary>A values path as messages write it: <c>controller.resources.limits.memory</c>, <c>workers[*].resources</c>.</summary>
    public static string Dotted(IReadOnlyList<string> path) =>
        string.Concat(path.Select((s, i) => YamlPaths.IsIndex(s) ? (s == "[]" ? "[*]" : s) : i == 0 ? s : "." + s));

    /// <summary>
    /// A <c>--set</c> value wins over every file: when one sets the found key (or a key above it), no file holds the
    /// value, and the related location names the argument, at the chart's Chart.yaml (the chart it was rendered with).
    /// </summary>
    private RelatedLocation? SetBy(ChartRender render, IReadOnlyList<string> path)
    {
        foreach (var set in render.Chart.Settings.SetValues.Reverse())
        {
            foreach (var key in SetKeys(set))
            {
                if (key.Count <= path.Count && key.SequenceEqual(path.Take(key.Count), StringComparer.Ordinal))
                {
                    var chartFile = Path.Combine(render.Chart.Input.Directory, ChartLayout.ChartFileName);
                    return new RelatedLocation(HelmErrors.ChartNameSpan(chartFile, display(chartFile)), $"values: --set {set} (command line)");
                }
            }
        }

        return null;
    }

    /// <summary>The key paths a <c>--set a.b=1,c=2</c> argument sets.</summary>
    private static IEnumerable<IReadOnlyList<string>> SetKeys(string set)
    {
        foreach (var assignment in set.Split(','))
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                yield return [.. Split(assignment[..equals].Replace('[', '.').Replace("]", string.Empty, StringComparison.Ordinal))];
            }
        }
    }
}

/// <summary>The values key that decides a value: where it is, and what overrides it.</summary>
/// <param name="Path">The key's concrete path in <paramref name="File"/>.</param>
/// <param name="Span">The key's position in the file.</param>
/// <param name="SubchartDefault">The key is in a subchart's own values.yaml, which its parent's values may override.</param>
/// <param name="SetBy">The related location of a <c>--set</c> argument that overrides the key; null when none does.</param>
internal sealed record ValuesKey(ValuesFile File, IReadOnlyList<string> Path, SourceSpan Span, bool SubchartDefault, RelatedLocation? SetBy);
