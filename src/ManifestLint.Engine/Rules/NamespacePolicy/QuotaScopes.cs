using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Rules.NamespacePolicy;

/// <summary>
/// Whether a ResourceQuota applies to a pod: every entry of <c>spec.scopes</c> and <c>spec.scopeSelector</c> must
/// match (pkg/quota/v1/evaluator/core/pods.go <c>podMatchesScopeFunc</c>). A quota that does not apply is not
/// enforced on the pod at all.
/// </summary>
internal static class QuotaScopes
{
    /// <summary>True or false when decided; null when a scope this linter does not evaluate (CrossNamespacePodAffinity ...) is involved.</summary>
    public static bool? Applies(ResourceQuota quota, PodFacts facts)
    {
        var spec = quota.Resource.Node["spec"] as MappingNode;
        var scopes = (spec?["scopes"] as SequenceNode)?.Items.OfType<ScalarNode>().Select(s => (Name: s.Value, Operator: "Exists", Values: (IReadOnlyList<string>)[])) ?? [];
        var selected = ((spec?["scopeSelector"] as MappingNode)?["matchExpressions"] as SequenceNode)?.Items.OfType<MappingNode>()
            .Select(e => (Name: Text(e["scopeName"]), Operator: Text(e["operator"]), Values: (IReadOnlyList<string>)((e["values"] as SequenceNode)?.Items.OfType<ScalarNode>().Select(v => v.Value).ToList() ?? []))) ?? [];
        var pod = facts.Workload.Pod;
        var priorityClass = pod.PriorityClassName ?? string.Empty;
        var terminating = pod.Node["activeDeadlineSeconds"] is ScalarNode { IsPlain: true } deadline && long.TryParse(deadline.Value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0;
        bool? applies = true;
        foreach (var (name, op, values) in scopes.Concat(selected))
        {
            bool? match = (name, op) switch
            {
                ("BestEffort", "Exists") => facts.Qos == QosClass.BestEffort,
                ("NotBestEffort", "Exists") => facts.Qos != QosClass.BestEffort,
                ("Terminating", "Exists") => terminating,
                ("NotTerminating", "Exists") => !terminating,
                ("PriorityClass", "Exists") => priorityClass.Length > 0,
                ("PriorityClass", "In") => values.Contains(priorityClass, StringComparer.Ordinal),
                ("PriorityClass", "NotIn") => !values.Contains(priorityClass, StringComparer.Ordinal),
                _ => null,
            };
            if (match == false)
            {
                return false;
            }

            applies = match is null ? null : applies;
        }

        return applies;
    }

    private static string Text(YamlNode? node) => (node as ScalarNode)?.Value ?? string.Empty;
}
