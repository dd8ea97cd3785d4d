using ManifestLint.Engine.Usage;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Usage.Reading;

/// <summary>
/// VerticalPodAutoscaler objects as <c>kubectl get vpa -A -o yaml</c> (a List) or <c>-o json</c> writes them, or as
/// separate documents. Each container recommendation's <c>target</c> stands in for p95 and its <c>upperBound</c> for
/// p99, for the VPA's <c>targetRef</c> workload. A VPA without a recommendation yet is a note.
/// </summary>
internal static class VpaReader
{
    public static void Read(byte[] bytes, string path, UsageRecords into)
    {
        var file = YamlFileLoader.Load(path, bytes);
        if (file.Problems.Count > 0 && file.Problems[0] is { } problem)
        {
            throw new UsageFileException(path, $"line {problem.Span.StartLine}: {problem.Message}");
        }

        var found = 0;
        foreach (var document in file.Documents)
        {
            if (document.Root is not MappingNode root)
            {
                continue;
            }

            IEnumerable<YamlNode> objects = Text(root["kind"]) is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && root["items"] is SequenceNode items
                ? items.Items
                : [root];
            foreach (var item in objects.OfType<MappingNode>().Where(o => Text(o["kind"]) == "VerticalPodAutoscaler"))
            {
                found++;
                Vpa(item, path, into);
            }
        }

        if (found == 0)
        {
            throw new UsageFileException(path, "not a usage export: it is YAML but holds no VerticalPodAutoscaler (expected `kubectl get vpa -A -o yaml` output, a Prometheus query response or a CSV namespace,workload,container,p95,p99[,max]).");
        }
    }

    private static void Vpa(MappingNode vpa, string path, UsageRecords into)
    {
        var metadata = vpa["metadata"] as MappingNode;
        var ns = Text(metadata?["namespace"]) ?? "default";
        var name = Text(metadata?["name"]) ?? "?";
        var describe = $"VerticalPodAutoscaler {ns}/{name} (line {vpa.Span.StartLine})";
        var target = (vpa["spec"] as MappingNode)?["targetRef"] as MappingNode;
        if (Text(target?["kind"]) is not { } kind || Text(target?["name"]) is not { } workload)
        {
            into.Unusable.Add(new UnusableData(path, "VPAs without a spec.targetRef kind and name", describe));
            return;
        }

        var recommendations = ((vpa["status"] as MappingNode)?["recommendation"] as MappingNode)?["containerRecommendations"] as SequenceNode;
        if (recommendations is null || recommendations.Items.Count == 0)
        {
            into.Unusable.Add(new UnusableData(path, "VPAs without a status.recommendation yet", describe));
            return;
        }

        foreach (var recommendation in recommendations.Items.OfType<MappingNode>())
        {
            var container = Text(recommendation["containerName"]);
            var p95 = Memory(recommendation["target"]);
            var p99 = Memory(recommendation["upperBound"]);
            if (container is null || (p95 is null && p99 is null))
            {
                into.Unusable.Add(new UnusableData(path, "VPA recommendations without a container name or a memory target", $"{describe}, line {recommendation.Span.StartLine}"));
                continue;
            }

            into.Figures.Add(new WorkloadFigures(ns, kind, workload, container, p95, p99, null, UsageKind.Vpa, path, recommendation.Span.StartLine));
        }
    }

    private static double? Memory(YamlNode? resources) =>
        Text((resources as MappingNode)?["memory"]) is { } text ? ByteValues.Parse(text, out _) : null;

    private static string? Text(YamlNode? node) => node is ScalarNode { IsNull: false } scalar ? scalar.Value : null;
}
