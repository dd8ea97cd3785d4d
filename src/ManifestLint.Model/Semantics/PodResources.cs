using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Model.Semantics;

/// <summary>A pod's effective request or limit for one resource.</summary>
/// <param name="Total">The aggregated value, overhead included.</param>
/// <param name="Unbounded">For limits: some container has none, so the sum looks finite while the pod is not bounded.</param>
public sealed record PodAggregate(Quantity Total, bool Unbounded);

/// <summary>
/// The pod's effective request and limit, by Kubernetes' formula (kubernetes/component-helpers
/// resource/helpers.go, <c>PodRequests</c>/<c>PodLimits</c>, KEP-753): app containers and sidecars
/// are summed; each regular init container counts with the sidecars declared before it; the pod value
/// is the larger of the two; overhead is added to requests always and to limits only when non-zero.
/// Pod-level resources, when written, replace the container aggregate.
/// </summary>
public static class PodResources
{
    public static PodAggregate Request(PodSpec pod, Func<Container, EffectiveResources> effective, string resource) =>
        Aggregate(pod, c => effective(c).Request(resource)?.Value, pod.PodResources?.Requests.Get(resource) ?? pod.PodResources?.Limits.Get(resource), pod.Overhead.Get(resource), isLimit: false);

    public static PodAggregate Limit(PodSpec pod, Func<Container, EffectiveResources> effective, string resource) =>
        Aggregate(pod, c => effective(c).Limit(resource)?.Value, pod.PodResources?.Limits.Get(resource), pod.Overhead.Get(resource), isLimit: true);

    private static PodAggregate Aggregate(PodSpec pod, Func<Container, Quantity?> value, Quantity? podLevel, Quantity? overhead, bool isLimit)
    {
        var unbounded = pod.Containers.Concat(pod.InitContainers).Any(c => value(c) is not { IsZero: false });
        Quantity total;
        if (podLevel is { } written)
        {
            total = written;
            unbounded = false;
        }
        else
        {
            var sidecarsSoFar = default(Quantity);
            var initPeak = default(Quantity);
            foreach (var init in pod.InitContainers)
            {
                var v = value(init) ?? default;
                if (init.Kind == ContainerKind.Sidecar)
                {
                    sidecarsSoFar += v;
                    initPeak = Quantity.Max(initPeak, sidecarsSoFar);
                }
                else
                {
                    initPeak = Quantity.Max(initPeak, v + sidecarsSoFar);
                }
            }

            var running = pod.Containers.Aggregate(sidecarsSoFar, (sum, c) => sum + (value(c) ?? default));
            total = Quantity.Max(running, initPeak);
        }

        if (overhead is { } o && (!isLimit || !total.IsZero))
        {
            total += o;
        }

        return new PodAggregate(total, isLimit && unbounded);
    }
}
