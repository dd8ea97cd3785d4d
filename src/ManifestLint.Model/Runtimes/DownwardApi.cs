using System.Globalization;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// The value the kubelet gives an env var with <c>valueFrom.resourceFieldRef</c>: ceil(value / divisor), printed
/// as a bare integer, divisor 1 by default (<c>ResourceFieldSelector.Divisor</c>, <c>convertResourceMemoryToString</c>).
/// </summary>
public static class DownwardApi
{
    /// <summary>
    /// The printed value for a memory request or limit; null when it depends on the node (no limit: the node's
    /// allocatable memory) or on something else the manifest does not say.
    /// </summary>
    public static string? Resolve(EnvVar env, Container container, PodSpec pod, Func<Container, EffectiveResources> effective)
    {
        if (env.ResourceField is not { } field)
        {
            return null;
        }

        var target = string.IsNullOrEmpty(field.ContainerName) ? container : pod.AllContainers.FirstOrDefault(c => c.Name == field.ContainerName);
        var value = target is null ? null : field.Resource switch
        {
            "limits.memory" => effective(target).Limit(ResourceNames.Memory)?.Value,
            "requests.memory" => effective(target).Request(ResourceNames.Memory)?.Value,
            _ => null,
        };
        var divisor = field.Divisor is null ? Quantity.FromUnits(1) : field.Divisor.Value;
        if (value is not { IsZero: false } v || divisor is not { } d || d <= default(Quantity))
        {
            return null;
        }

        var (quotient, remainder) = Int128.DivRem(v.CeilingUnits, d.CeilingUnits);
        return (quotient + (remainder > 0 ? 1 : 0)).ToString(CultureInfo.InvariantCulture);
    }
}
