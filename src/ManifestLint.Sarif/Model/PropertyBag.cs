using System.Text.Json.Nodes;

namespace ManifestLint.Sarif.Model;

/// <summary>
/// SARIF's open-ended <c>properties</c> object (§3.8). Values are <see cref="JsonNode"/>s, which the
/// source-generated serializer writes without reflection whatever their shape (strings, string arrays, ...).
/// Keys keep their insertion order in the output.
/// </summary>
public sealed class PropertyBag : Dictionary<string, JsonNode?>
{
    public PropertyBag()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Adds a string-valued property.</summary>
    public void Add(string key, string value) => Add(key, JsonValue.Create(value));

    /// <summary>Adds a string-array property, such as <c>tags</c>.</summary>
    public void Add(string key, IEnumerable<string> values) => Add(key, new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]));
}
