using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Go;

/// <summary>
/// ML3002: GOGC turns the garbage collector off (exactly <c>off</c>, or a negative number) and no GOMEMLIMIT
/// bounds the heap (unset, <c>off</c>, or a Go before 1.19 that ignores it). The heap grows without bound.
/// A malformed GOMEMLIMIT is ML3003's (the program never starts).
/// </summary>
public sealed class GoGcOffWithoutMemLimitRule() : Rule(RuleIds.GoGcOffWithoutMemLimit)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (GoFacts.For(c) is not { Gogc: { Value: { } gogc } gogcEnv } go || GoGc.Read(gogc) is not null
            || (go.MemLimit is { Value: null }) || (go.ReadsMemLimit && go.MemLimitState != GoMemLimitState.Off))
        {
            return;
        }

        var why = go.MemLimitState == GoMemLimitState.Off || go.MemLimit is null
            ? "without GOMEMLIMIT"
            : $"with a GOMEMLIMIT that Go {c.Runtime.Version} ignores (it arrived in Go 1.19)";
        c.Report(
            gogcEnv.WrittenAt.Span,
            $"{go.Subject}: GOGC={gogc} {why} turns the Go garbage collector off, so the heap only grows until the container is OOM-killed. Set {go.Suggestion}, or remove GOGC={gogc}.",
            string.Empty,
            go.LimitSource());
    });
}
