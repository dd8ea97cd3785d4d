using ManifestLint.Model.Problems;
using ManifestLint.Model.Source;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Model.Yaml;

/// <summary>Thrown inside the builder when a <see cref="LoadLimits"/> bound is crossed; never escapes the loader.</summary>
internal sealed class LoadLimitException(string message, Mark at, bool stopsFile = false) : Exception(message)
{
    public Mark At { get; } = at;

    /// <summary>A bound of the whole file (documents, nodes) was crossed: the rest of the file is not read.</summary>
    public bool StopsFile { get; } = stopsFile;
}

/// <summary>What the documents of one file have used of the file-wide <see cref="LoadLimits"/>, shared by its builders.</summary>
internal sealed class LoadBudget(LoadLimits limits)
{
    public long Nodes { get; private set; }

    public int Documents { get; private set; }

    public void AddNode(Mark at)
    {
        if (++Nodes > limits.MaxNodes)
        {
            throw new LoadLimitException($"The file holds more than {limits.MaxNodes:N0} YAML nodes; the rest of it, from here on, is not analysed.", at, stopsFile: true);
        }
    }

    public void Restore(long nodes, int documents)
    {
        Nodes = nodes;
        Documents = documents;
    }

    public void AddDocument(Mark at)
    {
        if (++Documents > limits.MaxDocuments)
        {
            throw new LoadLimitException($"The file holds more than {limits.MaxDocuments:N0} documents; the rest of it, from here on, is not analysed.", at, stopsFile: true);
        }
    }
}

/// <summary>
/// Builds <see cref="YamlNode"/> trees from YamlDotNet's event parser. The parser is a state machine and
/// this builder keeps its own stack, so deep nesting cannot overflow the process stack; depth and alias
/// expansion are checked as nodes complete, and the file's node and document counts in its <see cref="LoadBudget"/>.
/// A key repeated in a mapping is a problem (see <see cref="Problems"/>), not a failure: the document still loads.
/// </summary>
internal sealed class YamlTreeBuilder(string path, int lineOffset, LoadLimits limits, LoadBudget budget)
{
    private const string MergeKey = "<<";
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> stack = new();
    private readonly List<ModelProblem> problems = [];

    public YamlTreeBuilder(string path, int lineOffset, LoadLimits limits)
        : this(path, lineOffset, limits, new LoadBudget(limits))
    {
    }

    /// <summary>Problems that do not stop the document from loading: duplicate keys.</summary>
    public IReadOnlyList<ModelProblem> Problems => problems;

    /// <summary>
    /// True once a scalar that takes no text was read (<c>key:</c> with no value, an empty key, an empty document, a tag
    /// alone). YamlDotNet places one at a neighbouring token, which at a document's edge is a separator or the end of
    /// the text, so its place depends on whether the file was parsed whole or document by document (see
    /// <see cref="YamlFileLoader"/>).
    /// </summary>
    public bool HasEmptyScalar { get; private set; }

    /// <summary>Set when the text was rewritten around YamlDotNet's block scalar bug: corrects those scalars' values.</summary>
    public LeadingBlankLines? Repairs { get; set; }

    /// <summary>Set when lines were indented around YamlDotNet's quoted-scalar check: moves positions back to the file's.</summary>
    public QuotedLineIndentation? Shifts { get; set; }

    /// <summary>What a parse that fails and is retried must take back: its problems and its share of the budget.</summary>
    public (int Problems, bool HasEmptyScalar, long Nodes, int Documents) Save() => (problems.Count, HasEmptyScalar, budget.Nodes, budget.Documents);

    public void Restore((int Problems, bool HasEmptyScalar, long Nodes, int Documents) saved)
    {
        problems.RemoveRange(saved.Problems, problems.Count - saved.Problems);
        HasEmptyScalar = saved.HasEmptyScalar;
        budget.Restore(saved.Nodes, saved.Documents);
    }

    /// <summary>Reads the next document from the parser, or returns false at the end of the stream.</summary>
    public bool TryReadDocument(IParser parser, out YamlNode? root, out SourceSpan span)
    {
        root = null;
        span = SourceSpan.FileStart(path);
        while (parser.MoveNext())
        {
            var current = parser.Current;
            switch (current)
            {
                case DocumentStart start:
                    budget.AddDocument(start.Start);
                    span = Span(start.Start, start.End);
                    anchors.Clear();
                    stack.Clear();
                    break;
                case DocumentEnd end:
                    span = span with { EndLine = (int)end.End.Line + lineOffset, EndColumn = (int)end.End.Column };
                    return true;
                case Scalar scalar:
                    budget.AddNode(scalar.Start);
                    HasEmptyScalar |= scalar.Value.Length == 0;
                    var value = Repairs is not null && scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded
                        ? Repairs.Apply(scalar.Start.Line, scalar.Value, scalar.Start)
                        : scalar.Value;
                    root = Complete(Remember(scalar, new ScalarNode(Span(scalar.Start, scalar.End), value,
                        scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty)), root);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"The alias *{alias.Value.Value} refers to no anchor defined before it.");
                    }

                    root = Complete(target, root);
                    break;
                case MappingStart mapping:
                    Push(new Frame(mapping, mapping.Start, isMapping: true));
                    break;
                case SequenceStart sequence:
                    Push(new Frame(sequence, sequence.Start, isMapping: false));
                    break;
                case MappingEnd or SequenceEnd:
                    budget.AddNode(current.End);
                    root = Complete(Close(stack.Pop(), current.End), root);
                    break;
            }
        }

        return false;
    }

    private void Push(Frame frame)
    {
        if (stack.Count >= limits.MaxDepth)
        {
            throw new LoadLimitException($"The document nests deeper than {limits.MaxDepth} levels; it is not analysed.", frame.StartMark);
        }

        stack.Push(frame);
    }

    /// <summary>Adds a finished node to its parent, or returns it as the document root.</summary>
    private YamlNode? Complete(YamlNode node, YamlNode? root)
    {
        if (node.Weight > limits.MaxExpandedNodes)
        {
            throw new LoadLimitException(
                $"Aliases in this document expand to more than {limits.MaxExpandedNodes:N0} nodes; it is not analysed.", MarkOf(node));
        }

        if (node.ExpandedLength > limits.MaxExpandedCharacters)
        {
            throw new LoadLimitException(
                $"Aliases in this document expand to more than {limits.MaxExpandedCharacters:N0} characters of text; it is not analysed.", MarkOf(node));
        }

        if (stack.Count == 0)
        {
            return node;
        }

        stack.Peek().Children.Add(node);
        return root;
    }

    private YamlNode Close(Frame frame, Mark end)
    {
        var children = frame.Children;
        var endSpan = children.Count > 0 ? children[^1].Span : Span(end, end);
        var span = Span(frame.StartMark, frame.StartMark).Through(endSpan);
        YamlNode node;
        if (frame.IsMapping)
        {
            var entries = new List<MappingEntry>(children.Count / 2);
            for (var i = 0; i + 1 < children.Count; i += 2)
            {
                entries.Add(new MappingEntry(children[i], children[i + 1]));
            }

            ReportDuplicateKeys(entries);
            node = new MappingNode(span, ApplyMergeKeys(entries, frame.StartMark));
        }
        else
        {
            node = new SequenceNode(span, children.ToArray());
        }

        return Remember(frame.Event, node);
    }

    /// <summary>
    /// Expands YAML merge keys (<c>&lt;&lt;: *base</c>) as go-yaml does for Kubernetes: explicit keys win over
    /// merged ones, and in a merged list earlier mappings win over later ones. Lookups take the last entry
    /// with a key, so merged entries go first, lowest precedence first. Several merge keys in one mapping could each
    /// merge a large mapping, so the merged size is checked before it is built.
    /// </summary>
    private List<MappingEntry> ApplyMergeKeys(List<MappingEntry> entries, Mark at)
    {
        if (!entries.Exists(e => IsMergeKey(e.Key)))
        {
            return entries;
        }

        var sources = entries.Where(e => IsMergeKey(e.Key)).SelectMany(e => e.Value switch
        {
            MappingNode m => [m],
            SequenceNode s => s.Items.OfType<MappingNode>().Reverse().ToList(),
            _ => new List<MappingNode>(),
        }).ToList();
        if (sources.Sum(s => (long)s.Entries.Count) + entries.Count > limits.MaxExpandedNodes)
        {
            throw new LoadLimitException($"Merge keys (<<) in this mapping expand to more than {limits.MaxExpandedNodes:N0} entries; the document is not analysed.", at);
        }

        var merged = new List<MappingEntry>();
        foreach (var source in sources)
        {
            merged.AddRange(source.Entries);
        }

        merged.AddRange(entries.Where(e => !IsMergeKey(e.Key)));
        return merged;
    }

    private static bool IsMergeKey(YamlNode key) => key is ScalarNode { IsPlain: true, Value: MergeKey };

    /// <summary>Up to this many keys, duplicates are found by comparing pairs.</summary>
    private const int SmallMapping = 12;

    /// <summary>
    /// A key written twice in one mapping: YAML forbids it, and the API server's strict decoding (kubectl's default
    /// <c>--validate=strict</c>, sigs.k8s.io/yaml's UnmarshalStrict) rejects the object; lenient decoding silently keeps
    /// the last value. Reported at the repeated key, which still loads (last wins). Keys brought in by merge keys may
    /// repeat explicit ones: that is what merging is for.
    /// </summary>
    private void ReportDuplicateKeys(List<MappingEntry> entries)
    {
        if (entries.Count < 2)
        {
            return;
        }

        // Most mappings have a handful of keys: comparing pairs is cheaper than hashing every key into a dictionary.
        var seen = entries.Count > SmallMapping ? new Dictionary<string, ScalarNode>(StringComparer.Ordinal) : null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key is not ScalarNode key || IsMergeKey(key))
            {
                continue;
            }

            var first = seen is null ? FirstBefore(entries, i, key.Value) : seen.GetValueOrDefault(key.Value);
            if (first is not null)
            {
                problems.Add(new ModelProblem(ModelProblemKind.DuplicateKey,
                    $"The key '{Shorten(key.Value)}' is repeated (first on line {first.Span.StartLine}): the API server's strict decoding rejects the object, and lenient decoding keeps only the last value. Keep one.",
                    key.Span));
            }
            else if (seen is not null)
            {
                seen[key.Value] = key;
            }
        }
    }

    /// <summary>The first scalar key before entry <paramref name="index"/> equal to <paramref name="value"/> (merge keys aside).</summary>
    private static ScalarNode? FirstBefore(List<MappingEntry> entries, int index, string value)
    {
        for (var j = 0; j < index; j++)
        {
            if (entries[j].Key is ScalarNode other && !IsMergeKey(other) && string.Equals(other.Value, value, StringComparison.Ordinal))
            {
                return other;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private Mark MarkOf(YamlNode node) => new(0, node.Span.StartLine - lineOffset, node.Span.StartColumn);

    private YamlNode Remember(NodeEvent nodeEvent, YamlNode node)
    {
        if (!nodeEvent.Anchor.IsEmpty)
        {
            anchors[nodeEvent.Anchor.Value] = node;
        }

        return node;
    }

    private SourceSpan Span(Mark start, Mark end)
    {
        if (Shifts is { IsEmpty: false })
        {
            (start, end) = (Shifts.Unshift(start), Shifts.Unshift(end));
        }

        return new(path, (int)start.Line + lineOffset, (int)start.Column, (int)end.Line + lineOffset, (int)end.Column);
    }

    private sealed class Frame(NodeEvent nodeEvent, Mark start, bool isMapping)
    {
        public NodeEvent Event { get; } = nodeEvent;

        public Mark StartMark { get; } = start;

        public bool IsMapping { get; } = isMapping;

        public List<YamlNode> Children { get; } = [];
    }
}
