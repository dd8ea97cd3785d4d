using ManifestLint.Model.Source;

namespace ManifestLint.Model.Yaml;

/// <summary>
/// An immutable YAML node with its exact source span. Aliases resolve to the anchored node itself
/// (shared, never copied), so an alias bomb costs no memory; <see cref="Weight"/> bounds its expansion.
/// </summary>
public abstract class YamlNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    /// <summary>How many nodes this node stands for once every alias below it is expanded.</summary>
    public abstract long Weight { get; }

    /// <summary>Characters of scalar text this node stands for once every alias below it is expanded.</summary>
    public abstract long ExpandedLength { get; }

    /// <summary>A short name of the node's shape for messages: "a mapping", "a list", "a string".</summary>
    public abstract string ShapeName { get; }
}

public sealed class ScalarNode(SourceSpan span, string value, bool isPlain) : YamlNode(span)
{
    public string Value { get; } = value;

    /// <summary>True when the scalar was written without quotes, so YAML may type it as null, bool or number.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>A plain empty value, <c>~</c> or <c>null</c>: YAML null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A plain scalar that YAML 1.2 (and the Kubernetes decoder) reads as a boolean or a number.</summary>
    public bool IsNonString => IsPlain && !IsNull && (Value is "true" or "false" or "True" or "False" or "TRUE" or "FALSE"
        || double.TryParse(Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));

    public override long Weight => 1;

    public override long ExpandedLength => Value.Length;

    public override string ShapeName => IsNull ? "null" : IsNonString ? $"the value {Value}" : "a string";
}

public sealed class SequenceNode : YamlNode
{
    public SequenceNode(SourceSpan span, IReadOnlyList<YamlNode> items)
        : base(span)
    {
        Items = items;

        // Both totals in one plain loop: this runs for every list of every file.
        Weight = 1;
        for (var i = 0; i < items.Count; i++)
        {
            Weight += items[i].Weight;
            ExpandedLength += items[i].ExpandedLength;
        }
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public override long Weight { get; }

    public override long ExpandedLength { get; }

    public override string ShapeName => "a list";
}

/// <summary>One <c>key: value</c> entry of a mapping.</summary>
public sealed record MappingEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key as text when it is a scalar, else null.</summary>
    public string? KeyText => (Key as ScalarNode)?.Value;
}

public sealed class MappingNode : YamlNode
{
    public MappingNode(SourceSpan span, IReadOnlyList<MappingEntry> entries)
        : base(span)
    {
        Entries = entries;

        // Both totals in one plain loop: this runs for every mapping of every file.
        Weight = 1;
        for (var i = 0; i < entries.Count; i++)
        {
            Weight += entries[i].Key.Weight + entries[i].Value.Weight;
            ExpandedLength += entries[i].Key.ExpandedLength + entries[i].Value.ExpandedLength;
        }
    }

    public IReadOnlyList<MappingEntry> Entries { get; }

    public override long Weight { get; }

    public override long ExpandedLength { get; }

    public override string ShapeName => "a mapping";

    /// <summary>
    /// The entry for a key. When a key repeats, the last one wins, as in the JSON decoding Kubernetes
    /// does after converting YAML.
    /// </summary>
    public MappingEntry? Entry(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].KeyText == key)
            {
                return Entries[i];
            }
        }

        return null;
    }

    public YamlNode? this[string key] => Entry(key)?.Value;
}
