using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Resources;

/// <summary>
/// ML1003: memory request greater than the limit, after defaulting. The API server rejects the pod
/// (ValidateResourceRequirements: "must be less than or equal to memory limit").
/// </summary>
public sealed class MemoryRequestExceedsLimitRule() : Rule(RuleIds.MemoryRequestExceedsLimit)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (c.Effective.Request(ResourceNames.Memory) is not { Value: { } request } requestValue
            || c.Effective.Limit(ResourceNames.Memory) is not { Value: { } limit } limitValue
            || limit.IsZero
            || request <= limit)
        {
            return;
        }

        // On the container: the written request, else the written limit, else where the request would go.
        var at = (requestValue.Origin == Model.Semantics.ValueOrigin.Written ? requestValue.OnContainerAt() : null)
            ?? limitValue.OnContainerAt()
            ?? c.Container.MissingFieldSpan(c.Container.Resources.Requests);
        c.Report(
            at,
            Message(c.Subject, requestValue.Describe(), limitValue.Describe()),
            string.Empty,
            [.. requestValue.LimitRangeSource(), .. limitValue.LimitRangeSource()]);
    });

    /// <summary>The headline: the container, both values and the fix; why the API server rejects it is on the page.</summary>
    internal static string Message(string subject, string request, string limit) =>
        $"{subject} requests {request} of memory, more than its limit of {limit}. Lower the request to at most the limit.";
}
