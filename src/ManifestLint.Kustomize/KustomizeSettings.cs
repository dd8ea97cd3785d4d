using ManifestLint.Engine.Configuration;

namespace ManifestLint.Kustomize;

/// <summary>
/// How kustomizations are built: the binary, and the few kustomize flags a user may turn on. Plugins are never
/// enabled (no <c>--enable-alpha-plugins</c>, no <c>--enable-exec</c>): a pull request must not be able to run a
/// program through a kustomization. Helm chart inflation (<c>helmCharts:</c>) runs <c>helm</c>, so it is off unless
/// the user turns it on.
/// </summary>
public sealed record KustomizeSettings
{
    /// <summary>The executable: <c>kubectl</c> (runs <c>kubectl kustomize</c>) or a standalone <c>kustomize</c> (runs <c>kustomize build</c>).</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>How long one build may run before it is killed (an ML0002 finding).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary><c>--enable-helm</c>: let kustomize inflate <c>helmCharts:</c> with <see cref="HelmPath"/>. Off by default.</summary>
    public bool EnableHelm { get; init; }

    /// <summary>The helm executable for <c>--helm-command</c> when <see cref="EnableHelm"/> is on (builds run with an empty PATH).</summary>
    public string? HelmPath { get; init; }

    /// <summary><c>--load-restrictor</c>: <see cref="LoadRestrictor.RootOnly"/> (kustomize's default) or <see cref="LoadRestrictor.None"/>.</summary>
    public LoadRestrictor LoadRestrictor { get; init; } = LoadRestrictor.RootOnly;

    /// <summary>How many builds run at once.</summary>
    public int MaxParallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 2, 8);

    /// <summary>The most characters of one build's output that are read (the same bound as a Helm render's).</summary>
    public int? MaxOutputCharacters { get; init; }

    /// <summary>
    /// The settings one kustomization builds with: these, with the <c>kustomize:</c> section of its configuration
    /// file (the nearest <c>.manifestlint.yaml</c> above it, or <c>--config</c>) turning on <c>enableHelm</c> or
    /// <c>loadRestrictor: none</c>, and setting the timeout where these keep the default.
    /// </summary>
    public KustomizeSettings With(KustomizeConfiguration? section) => section is null ? this : this with
    {
        EnableHelm = EnableHelm || section.EnableHelm == true,
        LoadRestrictor = LoadRestrictor == LoadRestrictor.None || section.LoadRestrictionsNone == true ? LoadRestrictor.None : LoadRestrictor.RootOnly,
        Timeout = Timeout == DefaultTimeout && section.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Timeout,
    };
}

/// <summary>kustomize's <c>--load-restrictor</c>.</summary>
public enum LoadRestrictor
{
    /// <summary><c>LoadRestrictionsRootOnly</c>: files only from inside the kustomization's directory tree.</summary>
    RootOnly,

    /// <summary><c>LoadRestrictionsNone</c>: files from anywhere.</summary>
    None,
}
