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

    /// <summary>ML1005: the largest memory limit/request ratio that is not reported.</summary>
    public decimal MaxLimitRequestRatio { get; init; } = 2m;

    /// <summary>ML1007: priority classes whose pods must be Guaranteed.</summary>
    public IReadOnlyList<string> CriticalPriorityClasses { get; init; } = ["system-cluster-critical", "system-node-critical"];

    /// <summary>How many files are read and analysed at once.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
