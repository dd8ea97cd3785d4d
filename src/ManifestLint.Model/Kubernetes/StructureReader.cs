using ManifestLint.Model.Problems;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>
/// Typed access to YAML nodes that records an ML0001 structure problem, at the offending node, whenever a
/// field has the wrong shape, instead of throwing. Absent fields and YAML nulls read as absent.
/// </summary>
internal sealed class StructureReader
{
    /// <summary>The longest object name Kubernetes accepts (a DNS-1123 subdomain).</summary>
    public const int MaxNameLength = 253;

    /// <summary>The longest namespace or container name Kubernetes accepts (a DNS-1123 label).</summary>
    public const int MaxLabelLength = 63;

    private readonly List<ModelProblem> problems = [];

    public IReadOnlyList<ModelProblem> Problems => problems;

    public void Report(YamlNode at, string message) =>
        problems.Add(new ModelProblem(ModelProblemKind.InvalidStructure, message, at.Span));

    public MappingNode? Mapping(YamlNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case MappingNode mapping:
                return mapping;
            default:
                Report(node, $"'{path}' must be a mapping, but it is {node.ShapeName}.");
                return null;
        }
    }

    public IReadOnlyList<YamlNode> List(YamlNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return [];
            case SequenceNode sequence:
                return sequence.Items;
            default:
                Report(node, $"'{path}' must be a list, but it is {node.ShapeName}.");
                return [];
        }
    }

    /// <summary>A string field. Numbers and booleans are rejected, as the API server's typed decoding does.</summary>
    public string? String(YamlNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { IsNonString: false } scalar:
                return scalar.Value;
            default:
                Report(node, $"'{path}' must be a string, but it is {node.ShapeName}.");
                return null;
        }
    }

    /// <summary>
    /// A name: a string of at most <paramref name="maxLength"/> characters (Kubernetes object names are DNS subdomains
    /// of at most 253, namespaces and container names DNS labels of at most 63). A longer one is reported and shortened,
    /// so that a megabyte name cannot be copied into every message about the object.
    /// </summary>
    public string? Name(YamlNode? node, string path, int maxLength)
    {
        var value = String(node, path);
        if (value is null || value.Length <= maxLength || node is null)
        {
            return value;
        }

        Report(node, $"'{path}' is {value.Length:N0} characters long; Kubernetes allows at most {maxLength}, so the API server rejects the object.");
        return string.Concat(value.AsSpan(0, maxLength), "…");
    }

    public IReadOnlyList<string> Strings(YamlNode? node, string path) =>
        List(node, path).Select((item, i) => item is ScalarNode { IsNull: false } s ? s.Value : String(item, $"{path}[{i}]")).OfType<string>().ToList();

    /// <summary>A map of string to string, such as labels and annotations.</summary>
    public IReadOnlyDictionary<string, string> StringMap(YamlNode? node, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Mapping(node, path)?.Entries ?? [])
        {
            if (entry.KeyText is { } key && entry.Value is ScalarNode value)
            {
                result[key] = value.IsNull ? string.Empty : value.Value;
            }
            else
            {
                Report(entry.Value, $"'{path}' must map strings to strings.");
            }
        }

        return result;
    }

    public ResourceList Resources(MappingNode parent, string key, string path)
    {
        var entry = parent.Entry(key);
        var mapping = Mapping(entry?.Value, path);
        if (mapping is null)
        {
            return entry is null ? ResourceList.Empty : new ResourceList(new Dictionary<string, QuantityValue>(), entry);
        }

        var values = new Dictionary<string, QuantityValue>(StringComparer.Ordinal);
        foreach (var item in mapping.Entries)
        {
            if (item.KeyText is { } name && item.Value is not ScalarNode { IsNull: true })
            {
                values[name] = QuantityValue.From(item.Value);
            }
        }

        return new ResourceList(values, entry);
    }
}
