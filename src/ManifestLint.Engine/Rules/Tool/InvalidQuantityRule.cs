using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Rules.Tool;

/// <summary>ML0003: a quantity the API server cannot parse, or a negative one; the object is rejected.</summary>
public sealed class InvalidQuantityRule() : Rule(RuleIds.InvalidQuantity)
{
    public override void Initialize(RuleRegistration registration)
    {
        registration.RegisterContainerAction(c =>
        {
            Check(c.Container.Resources.Requests, "resources.requests", (at, m, d) => c.Report(at, $"{c.Subject}: {m}", d));
            Check(c.Container.Resources.Limits, "resources.limits", (at, m, d) => c.Report(at, $"{c.Subject}: {m}", d));
        });
        registration.RegisterPodAction(c =>
        {
            var subject = c.Workload.DisplayName;
            Check(c.Pod.Overhead, "overhead", (at, m, d) => c.Report(at, $"{subject}: {m}", d));
            if (c.Pod.PodResources is { } pod)
            {
                Check(pod.Requests, "resources.requests", (at, m, d) => c.Report(at, $"{subject}: {m}", d));
                Check(pod.Limits, "resources.limits", (at, m, d) => c.Report(at, $"{subject}: {m}", d));
            }

            foreach (var volume in c.Pod.Volumes)
            {
                if (volume.EmptyDir?.SizeLimit is { } size)
                {
                    CheckOne(size, $"volume \"{volume.Name}\" emptyDir.sizeLimit", (at, m, d) => c.Report(at, $"{subject}: {m}", d));
                }
            }
        });
        registration.RegisterFileAction(c =>
        {
            foreach (var limitRange in c.File.LimitRanges)
            {
                foreach (var (item, i) in limitRange.Items.Select((item, i) => (item, i)))
                {
                    var prefix = $"spec.limits[{i}]";
                    Report report = (at, m, d) => c.Report(at, $"{limitRange.Resource.DisplayName}: {m}", $"{limitRange.Resource.DisplayName}|{d}");
                    Check(item.Default, $"{prefix}.default", report);
                    Check(item.DefaultRequest, $"{prefix}.defaultRequest", report);
                    Check(item.Max, $"{prefix}.max", report);
                    Check(item.Min, $"{prefix}.min", report);
                    Check(item.MaxLimitRequestRatio, $"{prefix}.maxLimitRequestRatio", report);
                }
            }

            foreach (var quota in c.File.ResourceQuotas)
            {
                Check(quota.Hard, "spec.hard", (at, m, d) => c.Report(at, $"{quota.Resource.DisplayName}: {m}", $"{quota.Resource.DisplayName}|{d}"));
            }
        });
    }

    private delegate void Report(Model.Source.SourceSpan at, string message, string detail);

    private static void Check(ResourceList list, string path, Report report)
    {
        foreach (var (resource, value) in list.Values)
        {
            CheckOne(value, $"{path}.{resource}", report);
        }
    }

    private static void CheckOne(QuantityValue value, string path, Report report)
    {
        if (value.Error is { } error)
        {
            report(value.Node.Span, $"{path} is invalid. {error}", path);
        }
        else if (value.Value is { } q && q < default(Quantity))
        {
            report(value.Node.Span, $"{path} is negative ({value.Text}); the API server rejects negative quantities.", path);
        }
    }
}
