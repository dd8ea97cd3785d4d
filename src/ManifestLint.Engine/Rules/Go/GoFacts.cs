using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Runtimes.Catalog;
using ManifestLint.Model.Semantics;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Rules.Go;

/// <summary>
/// What the Go rules share about one container: GOMEMLIMIT and GOGC as the process sees them (after Kubernetes
/// <c>$(VAR)</c> and downward-API resolution, and any <c>sh -c</c> export), the memory limit, and whether this Go
/// version reads GOMEMLIMIT at all (1.19+; unknown versions are assumed to).
/// </summary>
internal sealed class GoFacts
{
    private GoFacts(ContainerContext c, EnvValue? memLimit, EnvValue? gogc, EffectiveValue? limitValue, long? limit)
    {
        Context = c;
        MemLimit = memLimit;
        Gogc = gogc;
        LimitValue = limitValue;
        LimitBytes = limit;
        MemLimitState = GoMemLimit.Read(memLimit?.Value, out var bytes);
        MemLimitBytes = bytes;
    }

    public ContainerContext Context { get; }

    /// <summary>The GOMEMLIMIT variable, null when unset; its Value is null when the manifest cannot tell it.</summary>
    public EnvValue? MemLimit { get; }

    public GoMemLimitState MemLimitState { get; }

    public long MemLimitBytes { get; }

    public EnvValue? Gogc { get; }

    public EffectiveValue? LimitValue { get; }

    public long? LimitBytes { get; }

    /// <summary>GOMEMLIMIT arrived in Go 1.19; older runtimes ignore the variable.</summary>
    public bool ReadsMemLimit => Context.Runtime.Version is not { Major: 1, Minor: < 19 } and not { Major: 0 };

    public string Subject => $"{Context.Subject}{Context.Runtime.GuessNote}";

    /// <summary>
    /// What the image catalog says about GOMEMLIMIT: Self when the program sets it from the cgroup itself (Prometheus
    /// 3), Unknown when that is not established or the limit is shared with another program; null for images it does
    /// not know. A "self since" version the tag does not show counts as Unknown.
    /// </summary>
    public GoMemLimitSource? CatalogMemLimit => Context.Runtime.Image?.Go switch
    {
        null => null,
        { GoMemLimit: GoMemLimitSource.Self, Since: { } since } => ImageTagVersion is { } v ? (AppVersion.AtLeast(v, since) ? GoMemLimitSource.Self : GoMemLimitSource.None) : GoMemLimitSource.Unknown,
        var facts => facts.GoMemLimit,
    };

    /// <summary>" (per the image catalog, Grafana does not set it itself)" for a catalog image; empty otherwise.</summary>
    public string CatalogNote => Context.Runtime.Image is { Go: not null } entry && CatalogMemLimit == GoMemLimitSource.None
        ? $" (per {entry.Origin}, {entry.Name} does not set it itself)"
        : string.Empty;

    private RuntimeVersion? ImageTagVersion => AppVersion.Parse(ImageReference.Parse(Context.Container.Image)?.Tag);

    public string Limit => $"{MemoryText.MiBText(LimitBytes ?? 0)}{LimitValue?.OriginNote}";

    /// <summary>90% of the limit in GOMEMLIMIT syntax, the headroom the Go GC guide suggests: "GOMEMLIMIT=921MiB".</summary>
    public string Suggestion => LimitBytes is { } limit ? $"GOMEMLIMIT={GoMemLimit.Format(limit / 10 * 9)}" : "GOMEMLIMIT at about 90% of the memory limit";

    public SourceSpan MissingSpan => Context.Container.Node.Entry("env")?.Key.Span ?? Context.Container.NameSpan;

    public static GoFacts? For(ContainerContext c)
    {
        if (c.Runtime.Kind != Runtime.Go)
        {
            return null;
        }

        var limitValue = c.Effective.Limit(ResourceNames.Memory);
        var limit = limitValue.PositiveBytes();
        var env = c.CommandLine.Environment;
        return new GoFacts(c, env["GOMEMLIMIT"], env["GOGC"], limitValue, limit);
    }

    /// <summary>"GOMEMLIMIT=2GiB", or "GOMEMLIMIT from resourceFieldRef limits.memory".</summary>
    public string DescribeMemLimit() => MemLimit?.Source?.ResourceField is { } field
        ? $"GOMEMLIMIT from resourceFieldRef {field.Resource} ({MemLimit.Value})"
        : $"GOMEMLIMIT={MemLimit?.Value}";

    public RelatedLocation[] LimitSource() => LimitValue?.LimitRangeSource() ?? [];
}
