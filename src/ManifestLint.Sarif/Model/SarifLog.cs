using System.Text.Json.Serialization;

namespace ManifestLint.Sarif.Model;

/// <summary>
/// The root of a SARIF 2.1.0 log (§3.13). Only the parts ManifestLint writes are modelled; every property
/// left <see langword="null"/> is omitted from the JSON.
/// </summary>
public sealed record SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SarifVersion = "2.1.0";

    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = SchemaUri;

    public string Version { get; init; } = SarifVersion;

    public required IReadOnlyList<Run> Runs { get; init; }
}

/// <summary>One invocation of one tool (§3.14).</summary>
public sealed record Run
{
    public required Tool Tool { get; init; }

    public IReadOnlyList<Invocation>? Invocations { get; init; }

    /// <summary>Base URIs by ID, such as <c>%SRCROOT%</c>; each value's <see cref="ArtifactLocation.Uri"/> is absolute and ends in '/'.</summary>
    public IReadOnlyDictionary<string, ArtifactLocation>? OriginalUriBaseIds { get; init; }

    /// <summary><c>utf16CodeUnits</c> or <c>unicodeCodePoints</c>: how region columns count characters.</summary>
    public string? ColumnKind { get; init; }

    /// <summary>Always written, empty when nothing was found: an absent array would mean "results not computed".</summary>
    public required IReadOnlyList<Result> Results { get; init; }

    public PropertyBag? Properties { get; init; }
}

/// <summary>How the tool ran (§3.20).</summary>
public sealed record Invocation
{
    /// <summary>False only when the tool itself failed; findings, even invalid-input ones, do not make a run unsuccessful.</summary>
    public required bool ExecutionSuccessful { get; init; }

    public IReadOnlyList<Notification>? ToolExecutionNotifications { get; init; }
}

/// <summary>A problem met while running the tool, rather than a finding about the input (§3.58).</summary>
public sealed record Notification
{
    public ReportingDescriptorReference? Descriptor { get; init; }

    /// <summary>The rule in <c>tool.driver.rules</c> the notification is about (§3.58.6).</summary>
    public ReportingDescriptorReference? AssociatedRule { get; init; }

    public string? Level { get; init; }

    public required Message Message { get; init; }

    public IReadOnlyList<Location>? Locations { get; init; }
}

/// <summary>Points at a <see cref="ReportingDescriptor"/> by ID and/or index (§3.52).</summary>
public sealed record ReportingDescriptorReference
{
    public string? Id { get; init; }

    public int? Index { get; init; }
}
