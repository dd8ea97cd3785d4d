using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Rules.Resources;
using ManifestLint.Engine.Rules.Tool;

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
        new InvalidQuantityRule(),
        new MemoryLimitMissingRule(),
        new MemoryRequestMissingRule(),
        new MemoryRequestExceedsLimitRule(),
        new SuspiciousMemoryQuantityRule(),
        new MemoryLimitRequestRatioRule(),
        new BestEffortPodRule(),
        new CriticalPodNotGuaranteedRule(),
        new MemoryEmptyDirWithoutSizeLimitRule(),
    ];
}
