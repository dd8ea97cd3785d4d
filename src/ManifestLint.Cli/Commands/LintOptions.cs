using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Commands;

public enum OutputFormat
{
    Text,
    Sarif,
}

/// <summary>The parsed <c>lint</c> command line, immutable, handed from the parser to the runner.</summary>
/// <param name="Namespace">Namespace of objects without one, and the namespace charts are rendered into.</param>
public sealed record LintOptions(
    IReadOnlyList<string> Paths,
    OutputFormat Format,
    string? OutputPath,
    Severity FailLevel,
    string? Namespace)
{
    /// <summary><c>--summary</c>: the per-container memory table under text findings.</summary>
    public bool Summary { get; init; }

    /// <summary>How charts found among the paths are rendered.</summary>
    public HelmLintOptions Helm { get; init; } = HelmLintOptions.Default;

    /// <summary>Configuration file, suppressions, baseline and fixes (see <see cref="LintSession"/>).</summary>
    public LintConfigurationOptions Configuration { get; init; } = LintConfigurationOptions.Default;
}

/// <summary>The Helm options of <c>lint</c>: <c>helm template &lt;ReleaseName&gt; &lt;chart&gt; [--values …] [--set …]</c>.</summary>
public sealed record HelmLintOptions
{
    public const int DefaultTimeoutSeconds = 60;

    public static HelmLintOptions Default { get; } = new();

    /// <summary><c>--helm</c>: the helm executable; null to look on PATH.</summary>
    public string? HelmPath { get; init; }

    public string ReleaseName { get; init; } = ManifestLint.Helm.HelmSettings.DefaultReleaseName;

    /// <summary><c>--values</c> files, as typed (relative to the working directory).</summary>
    public IReadOnlyList<string> ValuesFiles { get; init; } = [];

    public IReadOnlyList<string> SetValues { get; init; } = [];

    public string? KubeVersion { get; init; }

    public IReadOnlyList<string> ApiVersions { get; init; } = [];

    public int TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;
}
