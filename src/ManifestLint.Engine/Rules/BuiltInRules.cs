using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Autoscaling;
using ManifestLint.Engine.Rules.Go;
using ManifestLint.Engine.Rules.Jvm;
using ManifestLint.Engine.Rules.NamespacePolicy;
using ManifestLint.Engine.Rules.NodeJs;
using ManifestLint.Engine.Rules.Python;
using ManifestLint.Engine.Rules.Resources;
using ManifestLint.Engine.Rules.Tool;
using ManifestLint.Engine.Rules.Usage;

namespace ManifestLint.Engine.Rules;

/// <summary>
/// Every rule that ships, listed explicitly (no reflection at start-up, so the tool stays AOT-friendly);
/// a test checks this list against a reflection scan so a new rule cannot be forgotten.
/// </summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> Create() =>
    [
        new InvalidManifestRule(),
        new InvalidQuantityRule(),
        new MemoryLimitMissingRule(),
        new MemoryRequestMissingRule(),
        new MemoryRequestExceedsLimitRule(),
        new SuspiciousMemoryQuantityRule(),
        new MemoryLimitRequestRatioRule(),
        new BestEffortPodRule(),
        new CriticalPodNotGuaranteedRule(),
        new MemoryEmptyDirWithoutSizeLimitRule(),
        new JvmHeapAtOrAboveMemoryLimitRule(),
        new JvmFootprintAboveMemoryLimitRule(),
        new JvmRamPercentageTooHighRule(),
        new JvmCannotSeeMemoryLimitRule(),
        new JvmHeapHardCodedRule(),
        new GoMemLimitAtOrAboveMemoryLimitRule(),
        new GoGcOffWithoutMemLimitRule(),
        new GoMemLimitMalformedRule(),
        new GoMemLimitMissingRule(),
        new NodeOldSpaceTooLargeRule(),
        new NodeDefaultHeapInSmallContainerRule(),
        new NodeCannotSeeMemoryLimitRule(),
        new PythonWorkersWithoutRecyclingRule(),
        new PythonWorkersExceedMemoryLimitRule(),
        new VpaHpaMemoryConflictRule(),
        new VpaEvictionWithoutDisruptionBudgetRule(),
        new VpaMemoryBoundsConflictRule(),
        new HpaMemoryUtilizationWithoutRequestRule(),
        new AutoscalerTargetMissingRule(),
        new LimitRangeMemoryViolationRule(),
        new ResourceQuotaMemoryUnspecifiedRule(),
        new LimitBelowObservedUsageRule(),
        new RequestBelowObservedUsageRule(),
        new OverProvisionedMemoryRule(),
        new MemoryLeakSignatureRule(),
        new UsageCoverageRule(),
    ];

    /// <summary>
    /// The IDs that have a page but no analyzer (Roslyn's AD0001 is the same kind): the tool reports them itself, so a
    /// rule class with an empty <see cref="Rule.Initialize"/> would only pretend to own them.
    /// </summary>
    public static IReadOnlyList<string> DescriptorOnly { get; } =
    [
        RuleIds.ToolError, // the engine, when a rule or the model throws (AnalysisEngine)
        RuleIds.HelmRenderFailed, // the Helm front end, when helm template fails (ManifestLint.Helm)
        RuleIds.SuppressionWithoutReason, // the suppression pass (SuppressionProcessor)
        RuleIds.UnusedSuppression, // the suppression pass (SuppressionProcessor)
        RuleIds.DuplicateObject, // the engine, at a second definition of an object in one scope (FindingStream)
    ];
}
