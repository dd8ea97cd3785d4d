using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Runtimes.Catalog;

namespace ManifestLint.Engine.Rules.Go;

/// <summary>
/// ML3004: a Go container with a memory limit and no GOMEMLIMIT (unset or <c>off</c>), or with one that its Go
/// version (before 1.19) ignores. Go does not derive a limit from the cgroup, so the GC paces by GOGC alone.
/// Quiet when GOGC is off (ML3002 reports that).
/// </summary>
public sealed class GoMemLimitMissingRule() : Rule(RuleIds.GoMemLimitMissing)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (GoFacts.For(c) is not { LimitBytes: not null } go || go.Gogc is { Value: null } || GoGc.Read(go.Gogc?.Value) is null
            || go.MemLimit is { Value: null } || (go.ReadsMemLimit && go.MemLimitState != GoMemLimitState.Off)
            || (go.MemLimit is null && go.CatalogMemLimit is GoMemLimitSource.Self or GoMemLimitSource.Unknown))
        {
            return;
        }

        var at = go.MemLimit?.WrittenAt.Span ?? go.MissingSpan;
        var message = go.ReadsMemLimit
            ? $"{go.Subject} has a {go.Limit} memory limit and no GOMEMLIMIT{go.CatalogNote}, so its GC lets the heap grow toward {Growth(go)}, past the limit if need be. Set {go.Suggestion} (about 90% of the limit)."
            : $"{go.Subject} runs Go {c.Runtime.Version} (image {c.Container.Image}), which predates GOMEMLIMIT (Go 1.19), with a {go.Limit} memory limit. Build with Go 1.19 or later and set {go.Suggestion}.";
        c.Report(go.ReadsMemLimit ? RuntimeFixes.GoMemLimitAt90Percent(c.Container, go.MemLimit, go.LimitBytes ?? 0, c.Workload.Resource.Node) : null, at, message, string.Empty, go.LimitSource());
    });

    /// <summary>
    /// The heap goal GOGC sets, live heap × (1 + GOGC/100) (gc-guide): "double the live data" at the default 100,
    /// "6× the live data (GOGC=500)", "1.3× the live data (GOGC=30)".
    /// </summary>
    private static string Growth(GoFacts go)
    {
        var percent = GoGc.Read(go.Gogc?.Value) ?? GoGc.Default;
        var factor = 1 + (percent / 100m);
        var shown = factor == 2 ? "double the live data" : $"{MemoryText.Percent((double)decimal.Round(factor, 2))}× the live data";
        return percent == GoGc.Default ? shown : $"{shown} (GOGC={go.Gogc?.Value})";
    }
}
