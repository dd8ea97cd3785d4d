using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Analysis;

/// <summary>What the caller can change about a run.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    public ModelOptions Model { get; init; } = ModelOptions.Default;

    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    /// <summary>Severity per rule ID, replacing the default; <see cref="Severity.None"/> turns a rule off.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Rule options (thresholds, lists) by rule ID; each rule documents its own defaults.</summary>
    public RuleSettings Settings { get; init; } = RuleSettings.Empty;

    /// <summary>
    /// The <c>.manifestlint.yaml</c> of each file (severities by ID or category, options, overrides, excludes,
    /// suppression switches); null for none. <see cref="SeverityOverrides"/> and <see cref="Settings"/> win over it.
    /// </summary>
    public ConfigurationSet? Configuration { get; init; }

    /// <summary>How many files are read and analysed at once.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Also build the per-container memory table (<c>lint --summary</c>).</summary>
    public bool CollectMemorySummary { get; init; }

    /// <summary>Observed usage (<c>--usage</c>) for the Usage rules (ML8001-ML8005); null for none.</summary>
    public Usage.UsageSource? Usage { get; init; }

    /// <summary>The usage data mapped onto this run's workloads; the engine sets it between its passes.</summary>
    internal Usage.UsageMatch? UsageMatch { get; init; }

    /// <summary>Called with each input's path once pass 2 has analysed it, from the analysing thread (progress on a terminal).</summary>
    public Action<string>? FileAnalyzed { get; init; }
}
