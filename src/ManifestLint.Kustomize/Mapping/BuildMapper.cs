using ManifestLint.Engine.Diagnostics;
using ManifestLint.Kustomize.Building;
using ManifestLint.Kustomize.Kustomizations;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Kustomize.Mapping;

/// <summary>How a position in a build was mapped, from the most to the least precise.</summary>
internal enum MappingMethod
{
    /// <summary>The patch line (strategic merge or JSON 6902) that set or removed the value.</summary>
    Patch,

    /// <summary>The same field in the base resource file.</summary>
    Base,

    /// <summary>A transformer field of a kustomization (<c>namespace:</c>, an <c>images:</c> or <c>replicas:</c> entry).</summary>
    Transformer,

    /// <summary>A generator's entry or the line of its env file (<c>configMapGenerator</c>).</summary>
    Generator,

    /// <summary>The chart template line that wrote it, for an object inflated from <c>helmCharts:</c> (by the template's literal key path).</summary>
    Chart,

    /// <summary>The nearest enclosing node in the base (the container or object the field is missing from).</summary>
    Ancestor,

    /// <summary>Nothing known: the unit's kustomization file.</summary>
    Unmapped,
}

/// <summary>Where a built position comes from.</summary>
/// <param name="Span">The line a user edits.</param>
/// <param name="Related">The base line when a patch is primary; the patches that touched the node when the base is.</param>
/// <param name="Node">The node on the primary line, with the file's text, for fixes; null when that line is not the field itself.</param>
internal sealed record MappedSpan(SourceSpan Span, MappingMethod Method, IReadOnlyList<RelatedLocation> Related, EditTarget? Node)
{
    /// <summary>What the finding pointed at in the build: the field's key (or a list item's merge key) and its scalar value, for measuring placements.</summary>
    public (string? Key, string? Value) Built { get; init; }

    /// <summary>The primary location is a patch that removed the field (its <c>path:</c> or null line).</summary>
    public bool Removal { get; init; }
}

/// <summary>A field in a file a fix may edit: a resource file or a patch file of its own (never an inline patch, never built output).</summary>
internal sealed record EditTarget(string FullPath, string DisplayPath, FoundNode Node);

/// <summary>
/// Maps a position in a unit's build back to the line a user edits, from kustomize's origin annotations and the
/// kustomizations' own patches: the patch that set (or removed) the value when one did, with the base line related;
/// else the field in the base resource file; else the transformer or generator entry that made it; else the nearest
/// enclosing node in the base.
/// </summary>
internal sealed class BuildMapper
{
    private readonly KustomizeBuild build;
    private readonly KustomizationTree tree;
    private readonly Func<string, string> display;
    private readonly Lazy<List<MappingNode?>> roots;
    private readonly Dictionary<string, ParsedFile?> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Patch>> patches = new(StringComparer.Ordinal);
    private readonly ChartTemplates charts;

    public BuildMapper(KustomizeBuild build, KustomizationTree tree, Func<string, string> display)
    {
        this.build = build;
        this.tree = tree;
        this.display = display;
        roots = new(() => [.. YamlFileLoader.Load("<build>", build.Text).Documents.Select(d => d.Root as MappingNode)]);
        charts = new ChartTemplates(build.Charts, display);
    }

    /// <summary>The build's document roots, in output order.</summary>
    public IReadOnlyList<MappingNode?> Roots => roots.Value;

    private sealed record ParsedFile(string FullPath, string DisplayPath, string[] Lines, IReadOnlyList<MappingNode> Documents);

    private enum Effect
    {
        None,
        Touches,
        Sets,
        Removes,
    }

    public MappedSpan Map(SourceSpan span)
    {
        var (mapped, built) = MapWithBuilt(span);
        return mapped with { Built = built };
    }

    private (MappedSpan Mapped, (string? Key, string? Value) Built) MapWithBuilt(SourceSpan span)
    {
        var index = -1;
        for (var i = 0; i < Roots.Count; i++)
        {
            if (Roots[i] is { } r && r.Span.StartLine <= span.StartLine)
            {
                index = i;
            }
        }

        if (index < 0 || index >= build.Objects.Count || Roots[index] is not { } root)
        {
            return (Unmapped(), default);
        }

        var built = build.Objects[index];
        var path = ObjectPath.At(root, span.StartLine, span.StartColumn) ?? [];

        // A finding on a list item's merge key (a container's name line) is about the item.
        var builtNode = Describe(root, path);
        var effectPath = path is [.., { IsItem: true } item, { Key: { } last }] && last == item.ItemKey ? path.GetRange(0, path.Count - 1) : path;
        var baseDocument = BaseDocument(built, root, path);
        var inBase = baseDocument is { } b ? ObjectPath.Follow(b.Document, path) : null;
        var baseFull = inBase is not null && inBase.Count == path.Count + 1;
        var names = new HashSet<string>(StringComparer.Ordinal) { built.Name };
        if (baseDocument is { } named && KustomizationFile.Scalar((named.Document["metadata"] as MappingNode)?["name"]) is { } baseName)
        {
            names.Add(baseName);
        }

        // Every patch of every kustomization that transformed the object, in the order applied.
        (SourceSpan Span, EditTarget? Node, string Owner, Effect Effect)? primary = null;
        var touched = new List<(SourceSpan Span, string Owner)>();
        foreach (var patch in AppliedPatches(built))
        {
            foreach (var (effect, node) in Effects(patch, built, root, names, effectPath, baseFull))
            {
                var at = patch.Source.Span(node);
                var owner = display(patch.Owner.Directory);
                if (effect is Effect.Sets or Effect.Removes)
                {
                    if (primary is { } earlier)
                    {
                        touched.Add((earlier.Span, earlier.Owner));
                    }

                    primary = (at, patch.Source.Inline ? null : new EditTarget(patch.Source.FullPath, patch.Source.DisplayPath, node), owner, effect);
                }
                else if (effect == Effect.Touches)
                {
                    touched.Add((at, owner));
                }
            }
        }

        var template = built.Origin is { ConfiguredBy: "HelmChartInflationGenerator" } ? charts.Map(built, path) : null;
        if (primary is { } patched)
        {
            var related = new List<RelatedLocation>();
            if (baseDocument is { } doc && inBase is { Count: > 1 })
            {
                var deepest = baseFull ? inBase[^1] : inBase.LastOrDefault(n => n.Key is null && n.Node is MappingNode) ?? inBase[^1];
                related.Add(new RelatedLocation(ObjectPath.LineSpan(deepest, doc.File.DisplayPath, doc.File.Lines), !baseFull ? "defined in the base here" : patched.Effect == Effect.Removes ? "the base's value, which the patch removes" : "the base's value, which the patch overrides"));
            }
            else if (template is { } chartLine)
            {
                related.Add(new RelatedLocation(chartLine, "the chart template kustomize inflated it from"));
            }

            related.AddRange(touched.Where(t => t.Span != patched.Span).Take(3).Select(t => new RelatedLocation(t.Span, $"also patched in {t.Owner}")));
            return (new MappedSpan(patched.Span, MappingMethod.Patch, Distinct(related), patched.Node) { Removal = patched.Effect == Effect.Removes }, builtNode);
        }

        var patchedHere = touched.Take(3).Select(t => new RelatedLocation(t.Span, $"patched in {t.Owner}")).ToList();
        var builtValue = builtNode.Value;
        var baseValue = baseFull ? (inBase![^1].Node as ScalarNode)?.Value : null;
        if ((!baseFull || baseValue != builtValue) && Transformer(built, root, path) is { } changed)
        {
            if (baseFull && baseDocument is { } original)
            {
                patchedHere.Insert(0, new RelatedLocation(ObjectPath.LineSpan(inBase![^1], original.File.DisplayPath, original.File.Lines), "the base's value, which the transformer changes"));
            }

            return (new MappedSpan(changed, MappingMethod.Transformer, Distinct(patchedHere), null), builtNode);
        }

        if (baseFull && baseDocument is { } found)
        {
            var node = inBase![^1];
            return (new MappedSpan(ObjectPath.LineSpan(node, found.File.DisplayPath, found.File.Lines), MappingMethod.Base, Distinct(patchedHere), new EditTarget(found.File.FullPath, found.File.DisplayPath, node)), builtNode);
        }

        if (template is { } inChart)
        {
            return (new MappedSpan(inChart, MappingMethod.Chart, Distinct(patchedHere), null), builtNode);
        }

        if (Generator(built, path) is { } generated)
        {
            return (new MappedSpan(generated, MappingMethod.Generator, Distinct(patchedHere), null), builtNode);
        }

        if (baseDocument is { } partial && inBase is { Count: > 0 })
        {
            return (new MappedSpan(ObjectPath.LineSpan(inBase[^1], partial.File.DisplayPath, partial.File.Lines), MappingMethod.Ancestor, Distinct(patchedHere), null), builtNode);
        }

        return (Unmapped(), default);
    }

    /// <summary>The key (or list item merge key) and scalar value of the node at a path of the build.</summary>
    private static (string? Key, string? Value) Describe(MappingNode root, List<PathStep> path)
    {
        var found = ObjectPath.Follow(root, path);
        if (found.Count != path.Count + 1 || path.Count == 0)
        {
            return (null, null);
        }

        var last = path[^1];
        return (last.Key ?? last.ItemKey, last.IsItem ? last.ItemValue : (found[^1].Node as ScalarNode)?.Value);
    }

    private MappedSpan Unmapped()
    {
        var file = tree.Get(build.Unit)?.FilePath ?? build.Unit;
        return new MappedSpan(new SourceSpan(display(file), 1, 1, 1, 2), MappingMethod.Unmapped, [], null);
    }

    private static List<RelatedLocation> Distinct(List<RelatedLocation> related) =>
        [.. related.DistinctBy(r => (r.Span.Path, r.Span.StartLine))];

    /// <summary>The patches of the kustomizations kustomize says transformed the object, in the order they ran.</summary>
    private IEnumerable<Patch> AppliedPatches(BuiltObject built)
    {
        var kustomizations = built.Transformers
            .Where(t => t.Kind is "PatchTransformer" or "PatchStrategicMergeTransformer" or "PatchJson6902Transformer")
            .Select(t => t.ConfiguredIn)
            .Distinct(StringComparer.Ordinal);
        foreach (var file in kustomizations)
        {
            if (!patches.TryGetValue(file, out var list))
            {
                patches[file] = list = tree.Get(Path.GetDirectoryName(file)!) is { } kustomization ? Patches.Read(kustomization, display) : [];
            }

            foreach (var patch in list)
            {
                yield return patch;
            }
        }
    }

    /// <summary>What a patch did to the node at <paramref name="path"/> of the object, and the patch node that did it.</summary>
    private static IEnumerable<(Effect Effect, FoundNode Node)> Effects(Patch patch, BuiltObject built, MappingNode root, HashSet<string> names, List<PathStep> path, bool inBase)
    {
        if (patch.Kind == PatchKind.StrategicMerge)
        {
            foreach (var document in patch.Documents)
            {
                if (Patches.Targets(patch, document, built.Kind, names, built.Namespace, root) && StrategicMerge(document, path, inBase) is { } effect)
                {
                    yield return effect;
                }
            }

            yield break;
        }

        if (patch.Target is null || !Patches.Targets(patch, root, built.Kind, names, built.Namespace, root))
        {
            yield break;
        }

        foreach (var operation in patch.Operations)
        {
            var target = ObjectPath.FromPointer(operation.Pointer, root);
            if (operation.Op == "add" && target is [.., { IsItem: true, ItemKey: null } added] && operation.Value is MappingNode item
                && ObjectPath.Item(item, added.Index) is { ItemKey: not null } keyed)
            {
                // An item added to a list ("/env/-", "/containers/1"): the pointer's position is the one before the patch
                // ran, so the item is found in the build by its merge key (name=JAVA_TOOL_OPTIONS), as a finding names it.
                target[^1] = keyed;
            }

            var pathNode = new FoundNode(operation.Node["path"]!, operation.Node.Entry("path")!.Key);
            switch (operation.Op)
            {
                case "remove":
                    if (ObjectPath.StartsWith(path, target)
                        || (ObjectPath.StartsWith(target, path) && (target[^1].Key is "resources" or "limits" or "requests" or "memory" || (target[^1] is { IsItem: true, ItemValue: { } removed } && MemoryVariables.Contains(removed)))))
                    {
                        yield return (Effect.Removes, pathNode);
                    }
                    else if (ObjectPath.StartsWith(target, path))
                    {
                        yield return (Effect.Touches, pathNode);
                    }

                    break;
                case "add" or "replace":
                    if (ObjectPath.StartsWith(path, target))
                    {
                        var rest = path.Skip(target.Count).ToList();
                        if (rest.Count == 0)
                        {
                            yield return (Effect.Sets, operation.Value is { } v ? new FoundNode(v, operation.Node.Entry("value")!.Key) : pathNode);
                        }
                        else if (operation.Value is { } value)
                        {
                            var inValue = ObjectPath.Follow(value, rest);
                            if (inValue.Count == rest.Count + 1)
                            {
                                yield return (Effect.Sets, inValue[^1]);
                            }
                        }
                    }
                    else if (ObjectPath.StartsWith(target, path))
                    {
                        yield return (Effect.Touches, pathNode);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A strategic-merge patch sets the node when it holds it as a scalar or list, or as a mapping the base does not
    /// have; removes it when a null or <c>$patch: delete</c> at, inside or above the node deletes it; touches it when it
    /// merges into it.
    /// </summary>
    private static (Effect, FoundNode)? StrategicMerge(MappingNode document, List<PathStep> path, bool inBase)
    {
        if (path is [{ Key: "apiVersion" or "kind" }] or [{ Key: "metadata" }, { Key: "name" or "namespace" }])
        {
            return null; // these select the patch's target; they set nothing
        }

        var found = ObjectPath.Follow(document, path);
        for (var i = 1; i < found.Count; i++)
        {
            if (IsDeletion(found[i].Node))
            {
                return (Effect.Removes, DeletionLine(found[i]));
            }
        }

        if (found.Count == path.Count + 1)
        {
            var node = found[^1];
            if (path.Count == 0)
            {
                return null;
            }

            if (Removals(node.Node).FirstOrDefault(r => MemoryRelevant(r)) is { } removal)
            {
                return (Effect.Removes, DeletionLine(removal));
            }

            if (Removals(node.Node).Any())
            {
                return (Effect.Touches, node);
            }

            return node.Node is MappingNode && inBase ? (Effect.Touches, node) : (Effect.Sets, node);
        }

        return null;
    }

    /// <summary>
    /// A deletion inside the node a finding is on explains the finding only when it deletes memory settings (the
    /// resources, a limit or request, a runtime's memory variable); deleting an unrelated env var does not.
    /// </summary>
    private static bool MemoryRelevant(FoundNode removal) =>
        KustomizationFile.Scalar(removal.Key) is "resources" or "limits" or "requests" or "memory"
        || (removal.Node is MappingNode item && KustomizationFile.Scalar(item["name"]) is { } name && MemoryVariables.Contains(name));

    private static readonly HashSet<string> MemoryVariables = new(StringComparer.Ordinal)
    {
        "GOMEMLIMIT", "GOGC", "JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "NODE_OPTIONS",
    };

    private static bool IsDeletion(YamlNode node) =>
        node is ScalarNode { IsNull: true } || (node is MappingNode m && KustomizationFile.Scalar(m["$patch"]) == "delete");

    /// <summary>The line that deletes: a <c>$patch: delete</c> entry's own line, rather than the item it sits in.</summary>
    private static FoundNode DeletionLine(FoundNode deletion) =>
        deletion.Node is MappingNode m && m.Entry("$patch") is { } directive ? new FoundNode(directive.Value, directive.Key) : deletion;

    /// <summary>Deletions anywhere inside a patch node.</summary>
    private static IEnumerable<FoundNode> Removals(YamlNode node)
    {
        switch (node)
        {
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (IsDeletion(entry.Value))
                    {
                        yield return new FoundNode(entry.Value, entry.Key);
                    }

                    foreach (var inner in Removals(entry.Value))
                    {
                        yield return inner;
                    }
                }

                break;
            case SequenceNode list:
                foreach (var item in list.Items)
                {
                    if (IsDeletion(item))
                    {
                        yield return new FoundNode(item, null);
                    }

                    foreach (var inner in Removals(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary><c>namespace:</c>, an <c>images:</c> entry or a <c>replicas:</c> entry of the last kustomization that applied one.</summary>
    private SourceSpan? Transformer(BuiltObject built, MappingNode root, List<PathStep> path)
    {
        var keys = path.Select(p => p.Key).ToList();
        string kind;
        Func<KustomizationFile, SourceSpan?> find;
        if (keys is ["metadata", "namespace"])
        {
            kind = "NamespaceTransformer";
            find = k => k.Entry("namespace") is { } e ? e.Key.Span.Through(e.Value.Span) : null;
        }
        else if (path.Count >= 2 && path[^1].Key == "image" && path[^2].IsItem)
        {
            kind = "ImageTagTransformer";
            var image = KustomizationFile.Scalar(ObjectPath.Follow(root, path) is { } f && f.Count == path.Count + 1 ? f[^1].Node : null) ?? string.Empty;
            find = k => k.Mappings("images").FirstOrDefault(i => KustomizationFile.Scalar(i["newName"]) is { } newName && image.StartsWith(newName, StringComparison.Ordinal)
                || KustomizationFile.Scalar(i["name"]) is { } name && image.StartsWith(name, StringComparison.Ordinal))?.Span is { } s ? s with { EndLine = s.StartLine, EndColumn = s.StartColumn + 1 } : null;
        }
        else if (keys is ["spec", "replicas"])
        {
            kind = "ReplicaCountTransformer";
            find = k => k.Mappings("replicas").FirstOrDefault(r => KustomizationFile.Scalar(r["name"]) is { } n && built.Name.Contains(n, StringComparison.Ordinal))?.Span is { } s ? s with { EndLine = s.StartLine, EndColumn = s.StartColumn + 1 } : null;
        }
        else
        {
            return null;
        }

        foreach (var transformer in built.Transformers.Where(t => t.Kind == kind).Reverse())
        {
            if (tree.Get(Path.GetDirectoryName(transformer.ConfiguredIn)!) is { } file && find(file) is { } span)
            {
                return Widen(span with { Path = display(file.FilePath) }, file.Text);
            }
        }

        return null;
    }

    /// <summary>A generated ConfigMap or Secret: the key's line in an env file or a literal, else the generator's entry.</summary>
    private SourceSpan? Generator(BuiltObject built, List<PathStep> path)
    {
        if (built.Origin is not { ConfiguredIn: { } configuredIn, ConfiguredBy: "ConfigMapGenerator" or "SecretGenerator" } origin
            || tree.Get(Path.GetDirectoryName(configuredIn)!) is not { } file)
        {
            return null;
        }

        var field = origin.ConfiguredBy == "ConfigMapGenerator" ? "configMapGenerator" : "secretGenerator";
        var generator = file.Mappings(field)
            .Where(g => KustomizationFile.Scalar(g["name"]) is { } name && built.Name.Contains(name, StringComparison.Ordinal))
            .OrderByDescending(g => KustomizationFile.Scalar(g["name"])!.Length)
            .FirstOrDefault();
        if (generator is null)
        {
            return null;
        }

        var key = path is [{ Key: "data" or "binaryData" or "stringData" }, { Key: { } k }, ..] ? k : null;
        if (key is not null)
        {
            if (generator["literals"] is SequenceNode literals
                && literals.Items.OfType<ScalarNode>().FirstOrDefault(l => l.Value.StartsWith(key + "=", StringComparison.Ordinal)) is { } literal)
            {
                return Widen(literal.Span with { Path = display(file.FilePath) }, file.Text);
            }

            var envs = new List<string>();
            if (generator["envs"] is SequenceNode list)
            {
                envs.AddRange(list.Items.OfType<ScalarNode>().Select(s => s.Value));
            }

            if (KustomizationFile.Scalar(generator["env"]) is { } env)
            {
                envs.Add(env);
            }

            foreach (var envFile in envs.Select(file.Resolve).Where(File.Exists))
            {
                var lines = File.ReadAllLines(envFile);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].TrimStart().StartsWith(key + "=", StringComparison.Ordinal))
                    {
                        var column = lines[i].Length - lines[i].TrimStart().Length + 1;
                        return new SourceSpan(display(envFile), i + 1, column, i + 1, lines[i].TrimEnd().Length + 1);
                    }
                }
            }
        }

        return Widen(generator.Span with { Path = display(file.FilePath) }, file.Text);
    }

    /// <summary>A span on one line, from its start to the end of that line's text.</summary>
    private static SourceSpan Widen(SourceSpan span, string text)
    {
        var lines = text.Split('\n');
        var line = span.StartLine >= 1 && span.StartLine <= lines.Length ? lines[span.StartLine - 1].TrimEnd('\r') : string.Empty;
        var column = span.StartColumn;
        if (column >= 3 && line.Length >= column - 2 && line[column - 3] == '-')
        {
            column -= 2;
        }

        return span with { StartColumn = column, EndLine = span.StartLine, EndColumn = Math.Max(column + 1, line.TrimEnd().Length + 1) };
    }

    /// <summary>The object's document in the resource file it came from: same kind, and the name it had there.</summary>
    private (ParsedFile File, MappingNode Document)? BaseDocument(BuiltObject built, MappingNode root, List<PathStep> steps)
    {
        if (built.Origin?.File is not { } path || Parse(path) is not { } file)
        {
            return null;
        }

        string? NameOf(MappingNode d) => KustomizationFile.Scalar((d["metadata"] as MappingNode)?["name"]);
        var sameKind = file.Documents.Where(d => KustomizationFile.Scalar(d["kind"]) == built.Kind).ToList();
        var document = sameKind.FirstOrDefault(d => NameOf(d) == built.Name)
            ?? sameKind.Where(d => NameOf(d) is { Length: > 0 } n && built.Name.Contains(n, StringComparison.Ordinal)).OrderByDescending(d => NameOf(d)!.Length).FirstOrDefault()
            ?? (sameKind.Count == 1 ? sameKind[0] : null);
        if (document is null && sameKind.Count == 0)
        {
            // A patch changed the kind (a Deployment made a DaemonSet): the document of that name that holds the most of the path.
            document = file.Documents
                .Where(d => NameOf(d) is { Length: > 0 } n && built.Name.Contains(n, StringComparison.Ordinal))
                .OrderByDescending(d => ObjectPath.Follow(d, steps).Count)
                .ThenByDescending(d => ObjectPath.Follow(d, PodSpec).Count == PodSpec.Length + 1 == (ObjectPath.Follow(root, PodSpec).Count == PodSpec.Length + 1))
                .FirstOrDefault();
        }

        return document is null ? null : (file, document);
    }

    /// <summary>Where a workload's containers are: a document whose kind a patch changed is found among its file's documents by having them too (not the ServiceAccount of the same name).</summary>
    private static readonly PathStep[] PodSpec = [PathStep.Field("spec"), PathStep.Field("template"), PathStep.Field("spec"), PathStep.Field("containers")];

    private ParsedFile? Parse(string path)
    {
        if (!files.TryGetValue(path, out var parsed))
        {
            try
            {
                var text = File.ReadAllText(path);
                var displayPath = display(path);
                var yaml = YamlFileLoader.Load(displayPath, text);
                parsed = new ParsedFile(path, displayPath, text.Split('\n'), [.. yaml.Documents.Select(d => d.Root).OfType<MappingNode>()]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parsed = null;
            }

            files[path] = parsed;
        }

        return parsed;
    }
}
