using System.Globalization;
using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Fixes;

/// <summary>
/// The fixes of the resource rules, computed from the model's nodes: each returns null when no safe edit exists
/// (the value came from a LimitRange, the YAML is written in an unusual way), and the rule then reports without one.
/// </summary>
public static class ResourceFixes
{
    private static readonly Quantity OneMebibyte = Quantity.FromUnits(1024 * 1024);

    /// <summary>ML1001: a memory limit equal to the container's own written memory request.</summary>
    public static Fix? MemoryLimitFromRequest(ContainerContext c)
    {
        var container = c.Container;
        if (container.Resources.Requests[ResourceNames.Memory] is not { Value: { IsZero: false } } request || request.Node is not ScalarNode)
        {
            return null;
        }

        var value = request.Text.Trim();
        var document = c.Workload.Resource.Node;
        var limits = container.Resources.Limits;
        TextEdit? edit;
        if (limits[ResourceNames.Memory] is { Node: ScalarNode zero, Value.IsZero: true })
        {
            edit = YamlEdits.ReplaceScalar(zero, value);
        }
        else if (limits[ResourceNames.Memory] is not null)
        {
            return null;
        }
        else if (limits.Entry is { } limitsEntry)
        {
            edit = limitsEntry.Value is MappingNode limitsMapping
                ? YamlEdits.AddEntry(limitsMapping, ResourceNames.Memory, value, document)
                : YamlEdits.FillEmptyEntry(limitsEntry, ResourceNames.Memory, value, document);
        }
        else
        {
            edit = container.Resources.Entry?.Value is MappingNode resources
                ? YamlEdits.AddNestedEntry(resources, "limits", ResourceNames.Memory, value, document)
                : null;
        }

        return edit is null ? null : new Fix($"Set resources.limits.memory to the memory request, {value}.", edit);
    }

    /// <summary>ML1004: <c>512m</c> (milli) or a bare <c>512</c> (bytes) becomes <c>512Mi</c>, what the rule's message proposes.</summary>
    public static Fix? MebibyteSuffix(QuantityValue written)
    {
        var text = written.Text.Trim();
        var digits = text.EndsWith('m') ? text[..^1] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || written.Node is not ScalarNode node || node.Value != written.Text)
        {
            return null;
        }

        var replacement = $"{digits}Mi";
        return YamlEdits.ReplaceScalar(node, replacement) is { } edit ? new Fix($"Replace {text} with {replacement}.", edit) : null;
    }

    /// <summary>ML1004: an exact <c>m</c>-suffixed value (<c>1073741824000m</c>) written in its canonical form (<c>1Gi</c>).</summary>
    public static Fix? CanonicalQuantity(QuantityValue written, string canonical) =>
        written.Node is ScalarNode node && node.Value == written.Text && YamlEdits.ReplaceScalar(node, canonical) is { } edit
            ? new Fix($"Replace {written.Text.Trim()} with {canonical}.", edit)
            : null;

    /// <summary>
    /// ML1008: <c>sizeLimit</c> at half the smallest memory limit of the containers that mount the volume (rounded
    /// down to whole MiB), so a full tmpfs leaves the writer half its budget. No fix when none of them has a limit.
    /// </summary>
    public static Fix? EmptyDirSizeLimit(PodContext c, Volume volume)
    {
        if (volume.EmptyDir is not { } emptyDir || emptyDir.Entry.Value is not MappingNode mapping)
        {
            return null;
        }

        var limits = c.Pod.AllContainers
            .Where(k => Mounts(k, volume.Name))
            .Select(k => c.Facts.Effective(k).Limit(ResourceNames.Memory)?.Value)
            .OfType<Quantity>()
            .Where(q => !q.IsZero)
            .ToList();
        if (limits.Count == 0)
        {
            return null;
        }

        var half = limits.Min().NanoUnits / 2;
        var mebibytes = Int128.Max(1, half / OneMebibyte.NanoUnits);
        var value = $"{mebibytes.ToString(CultureInfo.InvariantCulture)}Mi";
        var edit = emptyDir.SizeLimit is { Node: ScalarNode zero }
            ? YamlEdits.ReplaceScalar(zero, value)
            : YamlEdits.AddEntry(mapping, "sizeLimit", value, c.Workload.Resource.Node);
        return edit is null ? null : new Fix($"Set emptyDir.sizeLimit to {value}, half the smallest memory limit of the containers that mount it.", edit);
    }

    private static bool Mounts(Container container, string volume) =>
        container.Node["volumeMounts"] is SequenceNode mounts
        && mounts.Items.OfType<MappingNode>().Any(m => m["name"] is ScalarNode name && name.Value == volume);
}
