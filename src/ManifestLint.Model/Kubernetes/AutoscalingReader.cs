using System.Globalization;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>
/// Reads VerticalPodAutoscalers (autoscaling.k8s.io), HorizontalPodAutoscalers (autoscaling) and
/// PodDisruptionBudgets (policy) of a file, reporting malformed fields through the structure reader.
/// </summary>
internal sealed class AutoscalingReader
{
    private readonly List<VerticalPodAutoscaler> vpas = [];
    private readonly List<HorizontalPodAutoscaler> hpas = [];
    private readonly List<PodDisruptionBudget> pdbs = [];

    public AutoscalingObjects ToObjects() => vpas.Count + hpas.Count + pdbs.Count == 0 ? AutoscalingObjects.Empty : new(vpas, hpas, pdbs);

    /// <summary>Reads the object when it is one of the three kinds; false for any other kind.</summary>
    public bool TryRead(KubeResource resource, MappingNode? spec, StructureReader reader)
    {
        switch (resource.Kind, resource.Group)
        {
            case ("VerticalPodAutoscaler", "autoscaling.k8s.io"):
                vpas.Add(ReadVpa(resource, spec, reader));
                return true;
            case ("HorizontalPodAutoscaler", "autoscaling"):
                hpas.Add(ReadHpa(resource, spec, reader));
                return true;
            case ("PodDisruptionBudget", "policy"):
                pdbs.Add(new PodDisruptionBudget(resource, spec?.Entry("selector") is { } s ? ReadSelector(s.Value, "spec.selector", reader) : null));
                return true;
            default:
                return false;
        }
    }

    private static VerticalPodAutoscaler ReadVpa(KubeResource resource, MappingNode? spec, StructureReader reader)
    {
        var policyEntry = spec?.Entry("updatePolicy");
        var policy = reader.Mapping(policyEntry?.Value, "spec.updatePolicy");
        var modeEntry = policy?.Entry("updateMode");
        var resourcePolicy = reader.Mapping(spec?["resourcePolicy"], "spec.resourcePolicy");
        var containerPolicies = new List<VpaContainerPolicy>();
        foreach (var (node, i) in reader.List(resourcePolicy?["containerPolicies"], "spec.resourcePolicy.containerPolicies").Select((n, i) => (n, i)))
        {
            var path = $"spec.resourcePolicy.containerPolicies[{i}]";
            if (reader.Mapping(node, path) is { } item)
            {
                containerPolicies.Add(new VpaContainerPolicy(
                    reader.String(item["containerName"], $"{path}.containerName") ?? string.Empty,
                    reader.String(item["mode"], $"{path}.mode"),
                    reader.Resources(item, "minAllowed", $"{path}.minAllowed"),
                    reader.Resources(item, "maxAllowed", $"{path}.maxAllowed"),
                    item["controlledResources"] is { } controlled and not ScalarNode { IsNull: true } ? reader.Strings(controlled, $"{path}.controlledResources") : null,
                    reader.String(item["controlledValues"], $"{path}.controlledValues"),
                    item));
            }
        }

        return new VerticalPodAutoscaler(
            resource,
            ReadTarget(spec, "targetRef", reader),
            reader.String(modeEntry?.Value, "spec.updatePolicy.updateMode"),
            modeEntry,
            policyEntry,
            Int(policy?["minReplicas"], "spec.updatePolicy.minReplicas", reader),
            containerPolicies);
    }

    private static HorizontalPodAutoscaler ReadHpa(KubeResource resource, MappingNode? spec, StructureReader reader)
    {
        var metrics = new List<HpaMetric>();
        foreach (var (node, i) in reader.List(spec?["metrics"], "spec.metrics").Select((n, i) => (n, i)))
        {
            var path = $"spec.metrics[{i}]";
            if (reader.Mapping(node, path) is not { } metric || reader.String(metric["type"], $"{path}.type") is not { } type)
            {
                continue;
            }

            var sourceKey = type == "ContainerResource" ? "containerResource" : "resource";
            var source = type is "Resource" or "ContainerResource" ? reader.Mapping(metric[sourceKey], $"{path}.{sourceKey}") : null;
            var target = reader.Mapping(source?["target"], $"{path}.{sourceKey}.target");
            var targetType = target?["type"];

            // autoscaling/v2beta1 had no target stanza: targetAverageUtilization or targetAverageValue on the source.
            var legacy = source?.Entry("targetAverageUtilization") ?? source?.Entry("targetAverageValue");
            metrics.Add(new HpaMetric(
                type,
                reader.String(source?["name"], $"{path}.{sourceKey}.name"),
                reader.String(source?["container"], $"{path}.{sourceKey}.container"),
                target is null && legacy is not null ? (legacy.KeyText == "targetAverageUtilization" ? "Utilization" : "AverageValue") : reader.String(targetType, $"{path}.{sourceKey}.target.type"),
                metric,
                source?["name"],
                targetType ?? legacy?.Key));
        }

        return new HorizontalPodAutoscaler(
            resource,
            ReadTarget(spec, "scaleTargetRef", reader),
            Int(spec?["minReplicas"], "spec.minReplicas", reader),
            Int(spec?["maxReplicas"], "spec.maxReplicas", reader),
            metrics);
    }

    private static TargetReference? ReadTarget(MappingNode? spec, string key, StructureReader reader)
    {
        var entry = spec?.Entry(key);
        if (reader.Mapping(entry?.Value, $"spec.{key}") is not { } target || entry is null)
        {
            return null;
        }

        var kind = reader.String(target["kind"], $"spec.{key}.kind");
        var name = reader.String(target["name"], $"spec.{key}.name");
        return string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name)
            ? null
            : new TargetReference(reader.String(target["apiVersion"], $"spec.{key}.apiVersion"), kind, name, entry);
    }

    /// <summary>A label selector; null when it is not a mapping (YAML null included: a null PDB selector selects nothing).</summary>
    private static LabelSelector? ReadSelector(YamlNode node, string path, StructureReader reader)
    {
        if (reader.Mapping(node, path) is not { } selector)
        {
            return null;
        }

        var expressions = new List<LabelSelectorRequirement>();
        foreach (var (item, i) in reader.List(selector["matchExpressions"], $"{path}.matchExpressions").Select((n, i) => (n, i)))
        {
            var itemPath = $"{path}.matchExpressions[{i}]";
            if (reader.Mapping(item, itemPath) is { } e)
            {
                expressions.Add(new LabelSelectorRequirement(
                    reader.String(e["key"], $"{itemPath}.key") ?? string.Empty,
                    reader.String(e["operator"], $"{itemPath}.operator") ?? string.Empty,
                    reader.Strings(e["values"], $"{itemPath}.values")));
            }
        }

        return new LabelSelector(reader.StringMap(selector["matchLabels"], $"{path}.matchLabels"), expressions);
    }

    private static int? Int(YamlNode? node, string path, StructureReader reader)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { IsPlain: true } scalar when int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value):
                return value;
            default:
                reader.Report(node, $"'{path}' must be an integer, but it is {node.ShapeName}.");
                return null;
        }
    }
}
