namespace ManifestLint.Helm;

/// <summary>A chart directory to lint (one holding <c>Chart.yaml</c>).</summary>
/// <param name="Directory">The chart directory, absolute.</param>
/// <param name="DisplayPath">How findings name it: relative to the working directory.</param>
public sealed record ChartInput(string Directory, string DisplayPath);

/// <summary>How charts are rendered: <c>helm template &lt;ReleaseName&gt; &lt;chart&gt; --namespace &lt;Namespace&gt; [-f …] [--set …]</c>.</summary>
public sealed record HelmSettings
{
    public const string DefaultReleaseName = "release";
    public const string DefaultNamespace = "default";

    /// <summary>The <c>helm</c> executable; required only when there are charts to render.</summary>
    public string? HelmPath { get; init; }

    public string ReleaseName { get; init; } = DefaultReleaseName;

    public string Namespace { get; init; } = DefaultNamespace;

    /// <summary>Values files (<c>-f</c>) applied to every chart, after its <c>ci/</c> variant file, in order; absolute paths.</summary>
    public IReadOnlyList<string> ValuesFiles { get; init; } = [];

    /// <summary><c>--set</c> arguments applied to every chart, last.</summary>
    public IReadOnlyList<string> SetValues { get; init; } = [];

    /// <summary><c>--kube-version</c>, passed through when set.</summary>
    public string? KubeVersion { get; init; }

    /// <summary><c>--api-versions</c>, passed through.</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = [];

    /// <summary>How long one <c>helm template</c> may run before it is killed (an ML0002 finding).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Render each <c>ci/*-values.yaml</c> of a chart as a variant of its own, besides the defaults (<c>helm.variants</c>).</summary>
    public bool Variants { get; init; } = true;

    /// <summary>
    /// Lint <c>helm test</c> hook pods (<c>helm.sh/hook: test</c>) too. Off by default: they run only on demand, and
    /// findings on them are noise to almost every chart user (<c>helm.includeTests</c> in the configuration file).
    /// </summary>
    public bool IncludeTests { get; init; }

    /// <summary>How many Helm processes run at once.</summary>
    public int MaxParallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 2, 8);
}
