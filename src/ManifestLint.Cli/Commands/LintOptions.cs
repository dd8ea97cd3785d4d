using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Commands;

public enum OutputFormat
{
    /// <summary>Compiler-style lines with the source line and a caret, grouped by file, and a summary.</summary>
    Text,

    /// <summary>SARIF 2.1.0, for GitHub code scanning.</summary>
    Sarif,

    /// <summary>A stable list of findings for scripts (see <see cref="Output.JsonReporter"/>).</summary>
    Json,

    /// <summary>GitHub Actions workflow commands: one <c>::warning file=…::</c> annotation per finding.</summary>
    GitHub,

    /// <summary>A Markdown summary for <c>$GITHUB_STEP_SUMMARY</c> or a pull request comment.</summary>
    Markdown,
}

/// <summary>One report of a run: a format, written to a file or (<see cref="Path"/> null) to standard output.</summary>
public sealed record ReportTarget(OutputFormat Format, string? Path)
{
    public bool ToStandardOutput => Path is null;
}

/// <summary>The parsed <c>lint</c> command line, immutable, handed from the parser to the runner.</summary>
/// <param name="Reports">Every report to write from the one analysis (<c>--format</c>/<c>--output</c> pairs); never empty.</param>
/// <param name="Namespace">Namespace of objects without one, and the namespace charts are rendered into.</param>
public sealed record LintOptions(
    IReadOnlyList<string> Paths,
    IReadOnlyList<ReportTarget> Reports,
    Severity FailLevel,
    string? Namespace)
{
    /// <summary><c>--quiet</c>: text output is the finding lines only (no source lines, headers or summary), and nothing else is said on standard error unless something fails.</summary>
    public bool Quiet { get; init; }

    /// <summary><c>--no-color</c>: never colour text output, even on a terminal.</summary>
    public bool NoColor { get; init; }

    /// <summary><c>--progress</c>: show progress on standard error even off a terminal or in CI (see <see cref="LintProgress"/>).</summary>
    public bool Progress { get; init; }

    /// <summary><c>--summary</c>: the per-container memory table under text findings.</summary>
    public bool Summary { get; init; }

    /// <summary><c>--usage</c>: observed usage files (<c>FILE</c> or <c>p95=FILE</c>) for the Usage rules, as typed.</summary>
    public IReadOnlyList<string> Usage { get; init; } = [];
    /// <summary><c>--kustomize</c>: the kustomize executable (kubectl or a standalone kustomize); null to look on PATH.</summary>
    public string? KustomizePath { get; init; }

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
