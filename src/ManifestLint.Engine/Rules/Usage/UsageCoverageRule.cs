using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Usage;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Usage;

/// <summary>
/// ML8005: usage data that matches no workload of the input (or matches several, or is unusable), and workloads with
/// memory settings but no data. Reported as a few summary notes at the end of the run, never one per pod: this action
/// only records what each container had (<see cref="UsageMatch.Observe"/>); the engine reports the notes.
/// </summary>
public sealed class UsageCoverageRule() : Rule(RuleIds.UsageCoverage)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (c.Options.UsageMatch is not { } match)
        {
            return;
        }

        var written = c.Container.Resources.Requests[ResourceNames.Memory] is not null || c.Container.Resources.Limits[ResourceNames.Memory] is not null;
        match.Observe(new UsageObservation(
            WorkloadId.Of(c.Workload),
            c.Container.Name,
            c.Container.NameSpan,
            UsageFacts.Request(c)?.Bytes,
            UsageFacts.Limit(c)?.Bytes,
            UsageFacts.Replicas(c.Workload),

            // Run-to-completion init containers are seldom in a usage export: they do not count as missing.
            written && c.Container.Kind != ContainerKind.Init,
            UsageFacts.Find(c)));
    });
}
