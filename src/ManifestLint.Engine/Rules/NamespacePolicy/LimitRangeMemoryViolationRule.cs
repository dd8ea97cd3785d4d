using System.Numerics;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;

namespace ManifestLint.Engine.Rules.NamespacePolicy;

/// <summary>
/// ML7001: a container's effective memory request or limit breaks a <c>Container</c> item of its namespace's
/// LimitRange, so the LimitRanger plugin rejects the pod with 403 (admission.go <c>minConstraint</c>,
/// <c>maxConstraint</c>, <c>limitRequestRatioConstraint</c>). Effective values include the LimitRange defaults,
/// so <c>max</c> alone can never cause a missing limit (it is the default limit); <c>maxLimitRequestRatio</c> without
/// any default can.
/// </summary>
public sealed class LimitRangeMemoryViolationRule() : Rule(RuleIds.LimitRangeMemoryViolation)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        var request = c.Effective.Request(ResourceNames.Memory);
        var limit = c.Effective.Limit(ResourceNames.Memory);
        if (request is { Value: null } || limit is { Value: null })
        {
            return;
        }

        foreach (var limitRange in c.Facts.LimitRanges)
        {
            foreach (var item in limitRange.Items.Where(i => i.Type == "Container"))
            {
                foreach (var (kind, constraint, problem, onLimit, fix) in Violations(item, request, limit))
                {
                    var offending = onLimit ? limit : request;
                    c.Report(
                        offending?.OnContainerAt() ?? c.Container.MissingFieldSpan(onLimit ? c.Container.Resources.Limits : c.Container.Resources.Requests),
                        $"{c.Subject}: LimitRange {limitRange.Resource.Namespace}/{limitRange.Resource.Name} rejects its pods at admission: {problem}. {fix}",
                        $"{limitRange.Resource.Name}|{kind}|{(onLimit ? "limit" : "request")}",
                        [new RelatedLocation(constraint.Node.Span, $"{kind} memory of LimitRange {limitRange.Resource.Namespace}/{limitRange.Resource.Name}"), .. offending?.LimitRangeSource() ?? []]);
                }
            }
        }
    });

    private static IEnumerable<(string Kind, QuantityValue Constraint, string Problem, bool OnLimit, string Fix)> Violations(LimitRangeItem item, EffectiveValue? request, EffectiveValue? limit)
    {
        if (item.Min[ResourceNames.Memory] is { Value: { } min } minValue)
        {
            if (request?.Value is not { } r)
            {
                yield return ("min", minValue, $"minimum memory per container is {minValue.Text}, but no request is specified", false, $"Request at least {minValue.Text}.");
            }
            else if (r < min)
            {
                yield return ("min", minValue, $"minimum memory per container is {minValue.Text}, but the request is {request.Describe()}", false, $"Request at least {minValue.Text}.");
            }

            if (limit?.Value is { } l && l < min)
            {
                yield return ("min", minValue, $"minimum memory per container is {minValue.Text}, but the limit is {limit.Describe()}", true, $"Raise the limit to at least {minValue.Text}.");
            }
        }

        if (item.Max[ResourceNames.Memory] is { Value: { } max } maxValue)
        {
            if (limit?.Value is not { } l)
            {
                yield return ("max", maxValue, $"maximum memory per container is {maxValue.Text}, but no limit is specified", true, $"Set a limit of at most {maxValue.Text}.");
            }
            else if (l > max)
            {
                yield return ("max", maxValue, $"maximum memory per container is {maxValue.Text}, but the limit is {limit.Describe()}", true, $"Lower the limit to at most {maxValue.Text}, or ask for a larger LimitRange max.");
            }

            if (request?.Value is { } r && r > max)
            {
                yield return ("max", maxValue, $"maximum memory per container is {maxValue.Text}, but the request is {request.Describe()}", false, $"Lower the request to at most {maxValue.Text}.");
            }
        }

        if (item.MaxLimitRequestRatio[ResourceNames.Memory] is { Value: { } ratio } ratioValue)
        {
            var ratioText = $"memory limit/request ratio per container is at most {ratioValue.Text}";
            if (request?.Value is not { IsZero: false } r)
            {
                yield return ("maxLimitRequestRatio", ratioValue, $"{ratioText}, but no request is specified or it is 0", false, "Set a non-zero memory request.");
            }
            else if (limit?.Value is not { IsZero: false } l)
            {
                yield return ("maxLimitRequestRatio", ratioValue, $"{ratioText}, but no limit is specified (no LimitRange default supplies one) or it is 0", true, $"Set a memory limit of at most {ratioValue.Text} × the request.");
            }
            else if ((BigInteger)l.NanoUnits * 1_000_000_000 > (BigInteger)ratio.NanoUnits * (BigInteger)r.NanoUnits)
            {
                var observed = EffectiveValueExtensions.FormatRatio((decimal)l.NanoUnits / (decimal)r.NanoUnits);
                yield return ("maxLimitRequestRatio", ratioValue, $"{ratioText}, but limit {limit.Describe()} / request {request.Describe()} = {observed}", true, $"Raise the request or lower the limit so that limit ≤ {ratioValue.Text} × request.");
            }
        }
    }
}
