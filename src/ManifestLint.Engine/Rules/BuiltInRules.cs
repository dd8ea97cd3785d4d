using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Rules.Autoscaling;
using ManifestLint.Engine.Rules.Go;
using ManifestLint.Engine.Rules.Jvm;
using ManifestLint.Engine.Rules.NamespacePolicy;
using ManifestLint.Engine.Rules.NodeJs;
using ManifestLint.Engine.Rules.Python;
using ManifestLint.Engine.Rules.Resources;
using ManifestLint.Engine.Rules.Tool;
using ManifestLint.Engine.Suppressions;

namespace ManifestLint.Engine.Rules;

/// <summary>
/// Every rule that ships, listed explicitly (no reflection at start-up, so the tool stays AOT-friendly);
/// a test checks this list against a reflection scan so a new rule cannot be forgotten.
/// </summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> Create() =>
    [
        new ToolErrorRule(),
        new InvalidManifestRule(),
        new HelmRenderFailedRule(),
        new InvalidQuantityRule(),
        new SuppressionWithoutReasonRule(),
        new UnusedSuppressionRule(),
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
    ];
}
