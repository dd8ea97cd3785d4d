using System.Text.Json.Serialization;
using ManifestLint.Sarif.Model;

namespace ManifestLint.Sarif;

/// <summary>
/// Source-generated (de)serialization metadata for the SARIF model: no reflection, so the CLI can be
/// trimmed and published Native AOT. camelCase names, nulls omitted, two-space indentation, '\n' line ends.
/// <see cref="SarifWriter"/> adds a relaxed encoder on top (attributes cannot express one) so quotes,
/// '&lt;', '&amp;' and non-ASCII text in messages stay readable instead of becoming \uXXXX escapes.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n")]
[JsonSerializable(typeof(SarifLog))]
public sealed partial class SarifJsonContext : JsonSerializerContext;
