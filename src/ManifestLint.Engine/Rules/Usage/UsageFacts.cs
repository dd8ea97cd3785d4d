using System.Globalization;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Fixes;
using ManifestLint.Engine.Usage;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Rules.Usage;

/// <summary>What the Usage rules share: the container's observed usage, sizes in messages, the recommendation and its fix.</summary>
internal static class UsageFacts
{
    /// <summary>The observed usage of the context's container; null without usage data or without data for it.</summary>
    public static ContainerUsage? Find(ContainerContext c) =>
        c.Options.UsageMatch?.Find(WorkloadId.Of(c.Workload), c.Container.Name);

    /// <summary>Bytes as a message shows them: "612 MiB", "1.5 GiB".</summary>
    public static string Size(double bytes) => Recommendation.Size(bytes);

    /// <summary>A quantity in bytes (a fraction of a byte counts as a byte).</summary>
    public static double Bytes(Quantity q) => (double)q.CeilingUnits;

    /// <summary>What the fixes write (see <see cref="Recommendation.RoundUp"/>).</summary>
    public static string RoundUp(double bytes) => Recommendation.RoundUp(bytes);

    /// <summary>The bytes of a value <see cref="RoundUp"/> wrote.</summary>
    public static double RoundedBytes(double bytes) => Recommendation.RoundedBytes(bytes);

    /// <summary>The recommended limit before rounding (see <see cref="Recommendation.Limit"/>).</summary>
    public static double? RecommendedLimit(ContainerUsage usage, decimal headroomPercent) => Recommendation.Limit(usage, headroomPercent);

    /// <summary>How many pods the manifest asks for: spec.replicas, 1 when unset; null for kinds that do not say (DaemonSet, CronJob, Pod templates of custom resources).</summary>
    public static int? Replicas(Workload workload)
    {
        if (workload.Resource.Kind is "Pod")
        {
            return 1;
        }

        if (workload.Resource.Kind is not ("Deployment" or "StatefulSet" or "ReplicaSet" or "ReplicationController"))
        {
            return null;
        }

        return workload.Resource.Node["spec"] is MappingNode spec && spec["replicas"] is ScalarNode replicas
            ? int.TryParse(replicas.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null
            : 1;
    }

    /// <summary>
    /// A fix that sets the container's memory request and/or limit (null to leave one alone) to the given quantities,
    /// replacing written values or adding the keys; null when a value to change is not a plain scalar of the
    /// container (a LimitRange default, a multi-line or anchored value) or the edits would overlap.
    /// </summary>
    public static Fix? SetMemory(ContainerContext c, string? request, string? limit, string description)
    {
        var edits = new List<TextEdit>();
        if (request is not null)
        {
            if (Set(c, c.Container.Resources.Requests, "requests", request, limit is not null) is not { } edit)
            {
                return null;
            }

            edits.Add(edit);
        }

        if (limit is not null)
        {
            if (Set(c, c.Container.Resources.Limits, "limits", limit, request is not null) is not { } edit)
            {
                return null;
            }

            edits.Add(edit);
        }

        // Adding both keys to a resources: mapping that has neither would insert twice at one place: no fix then.
        if (edits.Count == 0 || edits.Select(e => e.Span).Distinct().Count() != edits.Count)
        {
            return null;
        }

        List<ContainerValue> values = [];
        if (request is not null)
        {
            values.Add(new ContainerValue(["resources", "requests", ResourceNames.Memory], request));
        }

        if (limit is not null)
        {
            values.Add(new ContainerValue(["resources", "limits", ResourceNames.Memory], limit));
        }

        return new Fix(description, edits) { ContainerValues = values };
    }

    private static TextEdit? Set(ContainerContext c, ResourceList list, string key, string value, bool other)
    {
        var document = c.Workload.Resource.Node;
        if (list[ResourceNames.Memory] is { } written)
        {
            return written.Node is ScalarNode scalar ? YamlEdits.ReplaceScalar(scalar, value) : null;
        }

        if (list.Entry is { } entry)
        {
            return entry.Value is MappingNode mapping
                ? YamlEdits.AddEntry(mapping, ResourceNames.Memory, value, document)
                : YamlEdits.FillEmptyEntry(entry, ResourceNames.Memory, value, document);
        }

        // A new requests:/limits: key: only alone, so two insertions never meet at the end of resources:.
        return !other && c.Container.Resources.Entry?.Value is MappingNode resources
            ? YamlEdits.AddNestedEntry(resources, key, ResourceNames.Memory, value, document)
            : null;
    }

    /// <summary>The effective memory limit in bytes when it is set and positive.</summary>
    public static (double Bytes, EffectiveValue Value)? Limit(ContainerContext c) =>
        c.Effective.Limit(ResourceNames.Memory) is { Value: { IsZero: false } q } value ? (Bytes(q), value) : null;

    /// <summary>The effective memory request in bytes when it is set and positive.</summary>
    public static (double Bytes, EffectiveValue Value)? Request(ContainerContext c) =>
        c.Effective.Request(ResourceNames.Memory) is { Value: { IsZero: false } q } value ? (Bytes(q), value) : null;
}
