using ManifestLint.Model.Source;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Model.Yaml;

/// <summary>Thrown inside the builder when a <see cref="LoadLimits"/> bound is crossed; never escapes the loader.</summary>
internal sealed class LoadLimitException(string message, Mark at) : Exception(message)
{
    public Mark At { get; } = at;
}

/// <summary>
/// Builds <see cref="YamlNode"/> trees from YamlDotNet's event parser. The parser is a state machine and
/// this builder keeps its own stack, so deep nesting cannot overflow the process stack; depth and alias
/// expansion are checked as nodes complete.
/// </summary>
internal sealed class YamlTreeBuilder(string path, int lineOffset, LoadLimits limits)
{
    private const string MergeKey = "<<";
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> stack = new();

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
                    span = Span(start.Start, start.End);
                    anchors.Clear();
                    stack.Clear();
                    break;
                case DocumentEnd end:
                    span = span with { EndLine = (int)end.End.Line + lineOffset, EndColumn = (int)end.End.Column };
                    return true;
                case Scalar scalar:
                    root = Complete(Remember(scalar, new ScalarNode(Span(scalar.Start, scalar.End), scalar.Value,
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
            var at = new Mark(0, node.Span.StartLine - lineOffset, node.Span.StartColumn);
            throw new LoadLimitException(
                $"Aliases in this document expand to more than {limits.MaxExpandedNodes:N0} nodes; it is not analysed.", at);
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

            node = new MappingNode(span, ApplyMergeKeys(entries));
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
    /// with a key, so merged entries go first, lowest precedence first.
    /// </summary>
    private static List<MappingEntry> ApplyMergeKeys(List<MappingEntry> entries)
    {
        if (!entries.Exists(e => e.Key is ScalarNode { IsPlain: true, Value: MergeKey }))
        {
            return entries;
        }

        var merged = new List<MappingEntry>();
        foreach (var entry in entries.Where(e => e.Key is ScalarNode { IsPlain: true, Value: MergeKey }))
        {
            var sources = entry.Value switch
            {
                MappingNode m => [m],
                SequenceNode s => s.Items.OfType<MappingNode>().Reverse().ToList(),
                _ => new List<MappingNode>(),
            };
            foreach (var source in sources)
            {
                merged.AddRange(source.Entries);
            }
        }

        merged.AddRange(entries.Where(e => e.Key is not ScalarNode { IsPlain: true, Value: MergeKey }));
        return merged;
    }

    private YamlNode Remember(NodeEvent nodeEvent, YamlNode node)
    {
        if (!nodeEvent.Anchor.IsEmpty)
        {
            anchors[nodeEvent.Anchor.Value] = node;
        }

        return node;
    }

    private SourceSpan Span(Mark start, Mark end) =>
        new(path, (int)start.Line + lineOffset, (int)start.Column, (int)end.Line + lineOffset, (int)end.Column);

    private sealed class Frame(NodeEvent nodeEvent, Mark start, bool isMapping)
    {
        public NodeEvent Event { get; } = nodeEvent;

        public Mark StartMark { get; } = start;

        public bool IsMapping { get; } = isMapping;

        public List<YamlNode> Children { get; } = [];
    }
}
