using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;

namespace ManifestLint.Engine.Rules.Autoscaling;

/// <summary>
/// ML6005: a VPA or HPA whose target is not in the input while other workloads of its namespace are. A
/// misspelt name or kind leaves the autoscaler idle (VPA: ConfigUnsupported; HPA: FailedGetScale) with no error at
/// apply time. Namespaces without any workload in the input are skipped: the autoscalers were linted alone.
/// </summary>
public sealed class AutoscalerTargetMissingRule() : Rule(RuleIds.AutoscalerTargetMissing)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterInputSetAction(c =>
    {
        var autoscalers = c.Index.VerticalPodAutoscalers.Select(v => (v.Resource, v.Target))
            .Concat(c.Index.HorizontalPodAutoscalers.Select(h => (h.Resource, h.Target)));
        foreach (var (resource, target) in autoscalers)
        {
            var ns = resource.Namespace;
            if (target is null || c.Index.TargetInScope(resource, target))
            {
                continue;
            }

            // Sorted: the message must not depend on the order the files were given in.
            var others = c.Index.WorkloadsNear(resource);
            if (others.Count == 0)
            {
                continue;
            }

            var sameName = c.Index.WorkloadNamedNear(resource, target.Name);
            var hint = sameName is null
                ? $"the namespace's workloads are {string.Join(", ", others.Take(5).Select(w => $"{w.Kind} {w.Name}"))}{(others.Count > 5 ? ", ..." : string.Empty)}"
                : $"a {sameName.Kind} named {target.Name} is in the input: check the kind";
            c.Report(
                resource,
                target.NameSpan,
                $"{resource.Kind} {ns}/{resource.Name} targets {target.DisplayName}, which is not in the input although other workloads of namespace {ns} are ({hint}). Fix the target reference, or lint the workload with its autoscaler.",
                $"{target.Kind}|{target.Name}");
        }
    });
}
