using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Go;

/// <summary>
/// ML3001: GOMEMLIMIT at or above the container's memory limit (a <c>resourceFieldRef: limits.memory</c> with the
/// default divisor is exactly the limit), and, as a warning, above 95% of it (configurable).
/// </summary>
public sealed class GoMemLimitAtOrAboveMemoryLimitRule() : Rule(RuleIds.GoMemLimitAtOrAboveMemoryLimit, MaxPercentage)
{
    public static readonly RuleOption<decimal> MaxPercentage = RuleOption.Number("maxPercentage", 95);

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (GoFacts.For(c) is not { MemLimitState: GoMemLimitState.Set, ReadsMemLimit: true, LimitBytes: { } limit, MemLimit: { } env } go)
        {
            return;
        }

        var max = c.Option(MaxPercentage);
        var percent = 100m * go.MemLimitBytes / limit;
        if (go.MemLimitBytes >= limit)
        {
            c.Report(
                RuntimeFixes.GoMemLimitAt90Percent(c.Container, env, limit, c.Workload.Resource.Node),
                env.WrittenAt.Span,
                $"{go.Subject}: {go.DescribeMemLimit()} is at or above the {go.Limit} memory limit, so the OOM kill comes before the GC works hard. Set {go.Suggestion} (90% of the limit).",
                "atOrAbove",
                go.LimitSource());
        }
        else if (percent > max)
        {
            c.AtMost(Severity.Warning).Report(
                RuntimeFixes.GoMemLimitAt90Percent(c.Container, env, limit, c.Workload.Resource.Node),
                env.WrittenAt.Span,
                $"{go.Subject}: {go.DescribeMemLimit()} is {MemoryText.Percent((double)Math.Round(percent, 1))}% of the {go.Limit} memory limit, more than {MemoryText.Percent((double)max)}%, too little headroom for non-Go memory. Set {go.Suggestion} (90% of the limit).",
                "above",
                go.LimitSource());
        }
    });
}
