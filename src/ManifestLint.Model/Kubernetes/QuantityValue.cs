using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>A quantity as written (<see cref="Text"/>, <see cref="Node"/>) and as parsed (<see cref="Value"/>, null when invalid).</summary>
public sealed record QuantityValue(string Text, Quantity? Value, string? Error, YamlNode Node)
{
    public static QuantityValue From(YamlNode node)
    {
        if (node is not ScalarNode scalar)
        {
            return new QuantityValue(string.Empty, null, $"A quantity must be a string or a number, not {node.ShapeName}.", node);
        }

        if (scalar.IsPlain && scalar.Value is "true" or "false" or "True" or "False" or "TRUE" or "FALSE")
        {
            return new QuantityValue(scalar.Value, null, $"A quantity must be a string or a number, not the boolean {scalar.Value}.", node);
        }

        return Quantity.TryParse(scalar.Value, out var value, out var error)
            ? new QuantityValue(scalar.Value, value, null, node)
            : new QuantityValue(scalar.Value, null, error, node);
    }
}

/// <summary>A resource list (<c>requests</c>, <c>limits</c>, a LimitRange's <c>max</c> ...), keyed by resource name.</summary>
public sealed record ResourceList(IReadOnlyDictionary<string, QuantityValue> Values, MappingEntry? Entry)
{
    public static ResourceList Empty { get; } = new(new Dictionary<string, QuantityValue>(), null);

    public QuantityValue? this[string resource] => Values.GetValueOrDefault(resource);

    /// <summary>The parsed value of a resource, null when absent or invalid.</summary>
    public Quantity? Get(string resource) => Values.GetValueOrDefault(resource)?.Value;
}
