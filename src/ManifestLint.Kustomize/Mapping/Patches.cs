using System.Text.RegularExpressions;
using ManifestLint.Kustomize.Kustomizations;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Kustomize.Mapping;

internal enum PatchKind
{
    StrategicMerge,
    Json6902,
}

/// <summary>
/// The text a patch was parsed from and where it sits: its own file, or a block scalar inside the kustomization
/// (an inline <c>patch: |</c>), whose lines are the kustomization's lines shifted by <see cref="LineOffset"/> and
/// indented by <see cref="ColumnOffset"/>.
/// </summary>
internal sealed record PatchSource(string FullPath, string DisplayPath, IReadOnlyList<string> FileLines, int LineOffset, int ColumnOffset, bool Exact)
{
    public bool Inline => LineOffset != 0 || ColumnOffset != 0 || !Exact;

    public SourceSpan Span(FoundNode node) => Exact
        ? ObjectPath.LineSpan(node, DisplayPath, FileLines, LineOffset, ColumnOffset)
        : new SourceSpan(DisplayPath, LineOffset + 1, 1, LineOffset + 1, 2);
}

/// <summary>What a patch selects (<c>target:</c>); every field is a regular expression, as kustomize reads it.</summary>
internal sealed record PatchSelector(string? Group, string? Version, string? Kind, string? Name, string? Namespace, string? LabelSelector, string? AnnotationSelector);

/// <summary>One operation of a JSON 6902 patch.</summary>
internal sealed record PatchOperation(string Op, string Pointer, MappingNode Node, YamlNode? Value);

/// <summary>One patch of a kustomization: a strategic-merge document set or JSON 6902 operations, with what it targets.</summary>
internal sealed class Patch(KustomizationFile owner, PatchKind kind, PatchSelector? target, PatchSource source, IReadOnlyList<MappingNode> documents, IReadOnlyList<PatchOperation> operations)
{
    public KustomizationFile Owner { get; } = owner;

    public PatchKind Kind { get; } = kind;

    public PatchSelector? Target { get; } = target;

    public PatchSource Source { get; } = source;

    /// <summary>Strategic-merge patch documents.</summary>
    public IReadOnlyList<MappingNode> Documents { get; } = documents;

    public IReadOnlyList<PatchOperation> Operations { get; } = operations;
}

/// <summary>
/// Reads the patches of a kustomization, in the order kustomize applies them: <c>patches:</c>, then the deprecated
/// <c>patchesStrategicMerge:</c> and <c>patchesJson6902:</c>. A patch is JSON 6902 when its text is a list of
/// operations, strategic merge otherwise (kustomize decides the same way).
/// </summary>
internal static class Patches
{
    public static IReadOnlyList<Patch> Read(KustomizationFile file, Func<string, string> display)
    {
        var patches = new List<Patch>();
        var lines = file.Text.Split('\n');
        foreach (var entry in file.Mappings("patches"))
        {
            Add(entry["path"], entry["patch"], Selector(entry["target"] as MappingNode), null);
        }

        if (file.Root?["patchesStrategicMerge"] is SequenceNode merges)
        {
            foreach (var item in merges.Items.OfType<ScalarNode>())
            {
                var inline = item.Value.Contains('\n', StringComparison.Ordinal) || item.Value.Contains(':', StringComparison.Ordinal);
                Add(inline ? null : item, inline ? item : null, null, PatchKind.StrategicMerge);
            }
        }

        foreach (var entry in file.Mappings("patchesJson6902"))
        {
            Add(entry["path"], entry["patch"], Selector(entry["target"] as MappingNode), PatchKind.Json6902);
        }

        return patches;

        void Add(YamlNode? pathNode, YamlNode? inlineNode, PatchSelector? target, PatchKind? kind)
        {
            PatchSource source;
            string text;
            if (pathNode is ScalarNode { Value.Length: > 0 } path)
            {
                var full = file.Resolve(path.Value);
                try
                {
                    text = File.ReadAllText(full);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return;
                }

                source = new PatchSource(full, display(full), text.Split('\n'), 0, 0, true);
            }
            else if (inlineNode is ScalarNode { Value.Length: > 0 } inline)
            {
                text = inline.Value;
                source = InlineSource(file, inline, lines, display);
            }
            else
            {
                return;
            }

            var parsed = YamlFileLoader.Load(source.DisplayPath, text);
            var roots = parsed.Documents.Select(d => d.Root).OfType<YamlNode>().ToList();
            var isJson = kind == PatchKind.Json6902 || (kind is null && roots.Count == 1 && roots[0] is SequenceNode);
            if (isJson)
            {
                var operations = roots.OfType<SequenceNode>().SelectMany(s => s.Items).OfType<MappingNode>()
                    .Where(o => o["op"] is ScalarNode && o["path"] is ScalarNode)
                    .Select(o => new PatchOperation(((ScalarNode)o["op"]!).Value, ((ScalarNode)o["path"]!).Value, o, o["value"]))
                    .ToList();
                patches.Add(new Patch(file, PatchKind.Json6902, target, source, [], operations));
            }
            else
            {
                patches.Add(new Patch(file, PatchKind.StrategicMerge, target, source, [.. roots.OfType<MappingNode>()], []));
            }
        }
    }

    /// <summary>
    /// Where an inline patch's lines are in the kustomization: a literal or folded block (<c>patch: |-</c>) starts on
    /// the line after its indicator, indented as its first line; any other scalar is placed at its first line only.
    /// </summary>
    private static PatchSource InlineSource(KustomizationFile file, ScalarNode inline, string[] lines, Func<string, string> display)
    {
        var start = inline.Span.StartLine;
        var text = start >= 1 && start <= lines.Length ? lines[start - 1] : string.Empty;
        var indicator = inline.Span.StartColumn - 1 < text.Length ? text[inline.Span.StartColumn - 1] : ' ';
        var displayPath = display(file.FilePath);
        if (indicator is '|' or '>')
        {
            var first = lines.Skip(start).FirstOrDefault(l => l.Trim().Length > 0) ?? string.Empty;
            var indent = first.Length - first.TrimStart(' ').Length;
            return new PatchSource(file.FilePath, displayPath, lines, start, indent, true);
        }

        return new PatchSource(file.FilePath, displayPath, lines, start - 1, 0, false);
    }

    private static PatchSelector? Selector(MappingNode? target)
    {
        if (target is null)
        {
            return null;
        }

        string? S(string key) => KustomizationFile.Scalar(target[key]) is { Length: > 0 } value ? value : null;
        return new PatchSelector(S("group"), S("version"), S("kind"), S("name"), S("namespace"), S("labelSelector"), S("annotationSelector"));
    }

    /// <summary>Whether a patch applies to an object (kind, names the object had, labels).</summary>
    public static bool Targets(Patch patch, MappingNode document, string kind, IReadOnlyCollection<string> names, string? @namespace, MappingNode? built)
    {
        if (patch.Target is { } target)
        {
            return Matches(target.Kind, kind)
                && (target.Name is null || names.Any(n => Matches(target.Name, n)))
                && (target.Namespace is null || Matches(target.Namespace, @namespace ?? "default"))
                && (target.LabelSelector is null || SelectorMatches(target.LabelSelector, (built?["metadata"] as MappingNode)?["labels"] as MappingNode))
                && (target.AnnotationSelector is null || SelectorMatches(target.AnnotationSelector, (built?["metadata"] as MappingNode)?["annotations"] as MappingNode));
        }

        var patchKind = KustomizationFile.Scalar(document["kind"]);
        var patchName = KustomizationFile.Scalar((document["metadata"] as MappingNode)?["name"]);
        return patchKind == kind && patchName is not null && names.Contains(patchName);
    }

    private static bool Matches(string? pattern, string value)
    {
        if (pattern is null)
        {
            return true;
        }

        try
        {
            return Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return pattern == value;
        }
    }

    /// <summary>A label selector of equality terms (<c>a=b,c!=d,e</c>); set-based terms count as matching.</summary>
    private static bool SelectorMatches(string selector, MappingNode? labels)
    {
        foreach (var raw in selector.Split(','))
        {
            var term = raw.Trim();
            if (term.Length == 0 || term.Contains(" in ", StringComparison.Ordinal) || term.Contains(" notin ", StringComparison.Ordinal))
            {
                continue;
            }

            var negated = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negated ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            var actual = KustomizationFile.Scalar(labels?[parts[0].Trim().TrimStart('!')]);
            var ok = parts.Length == 1
                ? (actual is not null) != term.StartsWith('!')
                : negated ? actual != parts[1].Trim() : actual == parts[1].Trim();
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
