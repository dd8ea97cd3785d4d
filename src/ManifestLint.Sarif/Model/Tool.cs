namespace ManifestLint.Sarif.Model;

/// <summary>The analysis tool (§3.18); ManifestLint has only a driver, no extensions.</summary>
public sealed record Tool
{
    public required ToolComponent Driver { get; init; }
}

/// <summary>A tool component and the rules it can report (§3.19).</summary>
public sealed record ToolComponent
{
    public required string Name { get; init; }

    public string? SemanticVersion { get; init; }

    public string? InformationUri { get; init; }

    public IReadOnlyList<ReportingDescriptor>? Rules { get; init; }
}

/// <summary>A rule's metadata (§3.49); results refer to it by <c>ruleId</c> and <c>ruleIndex</c>.</summary>
public sealed record ReportingDescriptor
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public MultiformatMessageString? ShortDescription { get; init; }

    public MultiformatMessageString? FullDescription { get; init; }

    public MultiformatMessageString? Help { get; init; }

    public string? HelpUri { get; init; }

    public ReportingConfiguration? DefaultConfiguration { get; init; }

    /// <summary>For rules: <c>tags</c>, <c>precision</c> and <c>problem.severity</c>, as GitHub code scanning reads them.</summary>
    public PropertyBag? Properties { get; init; }
}

/// <summary>A rule's default settings (§3.50).</summary>
public sealed record ReportingConfiguration
{
    public bool? Enabled { get; init; }

    /// <summary><c>none</c>, <c>note</c>, <c>warning</c> or <c>error</c>.</summary>
    public string? Level { get; init; }
}

/// <summary>Text with an optional Markdown rendering (§3.12).</summary>
public sealed record MultiformatMessageString
{
    public required string Text { get; init; }

    public string? Markdown { get; init; }
}
