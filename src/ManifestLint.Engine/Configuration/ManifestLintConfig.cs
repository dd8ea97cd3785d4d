using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Runtimes.Catalog;

namespace ManifestLint.Engine.Configuration;

/// <summary>
/// The contents of one <c>.manifestlint.yaml</c>, validated. Paths and globs in it are relative to
/// <see cref="Directory"/>, the directory holding the file.
/// </summary>
/// <param name="Path">The file's full path; null for the built-in defaults (no file found).</param>
public sealed record ManifestLintConfig(
    string? Path,
    string Directory,
    RuleTable Rules,
    IReadOnlyList<ConfigurationOverride> Overrides,
    IReadOnlyList<string> Exclude,
    HelmConfiguration Helm,
    SuppressionConfiguration Suppressions)
{
    private ImageCatalog? images;

    /// <summary>The file's <c>images:</c> entries (matched before the built-in image catalog's), in file order.</summary>
    public IReadOnlyList<ImageCatalogEntry> ImageEntries { get; init; } = [];

    /// <summary>The image catalog for files under this configuration: its <c>images:</c> in front of the built-in one.</summary>
    public ImageCatalog Images => images ??= ImageCatalog.Default.WithFirst(ImageEntries);

    /// <summary>
    /// The <c>scopes:</c> globs: each directory one matches is one cluster, whose objects relate only to each other
    /// (see <see cref="Analysis.InputScope"/>). Empty: the default nearest-definition rule.
    /// </summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    private (IReadOnlyList<string> Patterns, PathGlob Glob)? scopeGlob;

    /// <summary>The compiled <see cref="Scopes"/> globs.</summary>
    internal PathGlob ScopeGlob =>
        scopeGlob is { } cached && ReferenceEquals(cached.Patterns, Scopes) ? cached.Glob : (scopeGlob = (Scopes, new PathGlob(Scopes))).Value.Glob;

    /// <summary>
    /// The <c>usage:</c> files (observed usage for the Usage rules), as written: relative to <see cref="Directory"/>, each
    /// optionally <c>p95=path</c> like <c>--usage</c>.
    /// </summary>
    public IReadOnlyList<string> Usage { get; init; } = [];

    /// <summary>The <c>kustomize:</c> settings: how kustomizations under this file are built.</summary>
    public KustomizeConfiguration Kustomize { get; init; } = KustomizeConfiguration.Empty;

    public const string FileName = ".manifestlint.yaml";

    private (IReadOnlyList<string> Patterns, PathGlob Glob)? excludeGlob;

    /// <summary>The compiled <see cref="Exclude"/> globs (recompiled when a copy made with <c>with</c> changes them).</summary>
    internal PathGlob ExcludeGlob =>
        excludeGlob is { } cached && ReferenceEquals(cached.Patterns, Exclude) ? cached.Glob : (excludeGlob = (Exclude, new PathGlob(Exclude))).Value.Glob;

    /// <summary>No file: every rule at its default severity and options.</summary>
    public static ManifestLintConfig Defaults(string directory) =>
        new(null, directory, RuleTable.Empty, [], [], HelmConfiguration.Empty, SuppressionConfiguration.Default);
}

/// <summary>Severities and options by rule ID, and severities by category (an ID entry wins over its category).</summary>
public sealed record RuleTable(IReadOnlyDictionary<string, RuleConfiguration> Rules, IReadOnlyDictionary<string, Severity> Categories)
{
    public static RuleTable Empty { get; } = new(new Dictionary<string, RuleConfiguration>(), new Dictionary<string, Severity>());

    /// <summary>The severity this table sets for a rule, by ID, else by category; null when it sets none.</summary>
    public Severity? SeverityOf(RuleDescriptor rule) =>
        Rules.GetValueOrDefault(rule.Id)?.Severity ?? (Categories.TryGetValue(rule.Category, out var severity) ? severity : null);
}

/// <summary>One rule's entry: a severity, options (by name, in the text form <see cref="Analysis.RuleSettings"/> reads), or both.</summary>
public sealed record RuleConfiguration(Severity? Severity, IReadOnlyDictionary<string, string> Options);

/// <summary>An <c>overrides:</c> block: rule severities and options for the files matching any of <see cref="Files"/>.</summary>
/// <param name="Line">The line of the block in the configuration file, to name it in <c>config --print</c>.</param>
public sealed record ConfigurationOverride(IReadOnlyList<string> Files, RuleTable Rules, int Line)
{
    private (IReadOnlyList<string> Patterns, PathGlob Glob)? glob;

    internal PathGlob Glob =>
        glob is { } cached && ReferenceEquals(cached.Patterns, Files) ? cached.Glob : (glob = (Files, new PathGlob(Files))).Value.Glob;
}

/// <summary>
/// The <c>helm:</c> settings: extra values files per chart directory (both relative to the configuration file's
/// directory), and the release name, namespace and Kubernetes version to render with.
/// </summary>
public sealed record HelmConfiguration(IReadOnlyDictionary<string, IReadOnlyList<string>> Values, string? ReleaseName, string? Namespace, string? KubeVersion)
{
    public static HelmConfiguration Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), null, null, null);

    /// <summary><c>--set</c> arguments for every chart under this file, applied before the command line's.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <summary>Whether each <c>ci/*-values.yaml</c> is rendered as a variant (default true).</summary>
    public bool? Variants { get; init; }

    /// <summary>Seconds one <c>helm template</c> may run.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Whether <c>helm test</c> hook pods are linted (default false).</summary>
    public bool? IncludeTests { get; init; }
}

/// <summary>
/// The <c>kustomize:</c> settings. <see cref="Path"/> (the executable, relative to the configuration file's
/// directory) applies to the run; the flags apply to the kustomizations this file is the nearest configuration of.
/// Null: not set (kustomize's defaults: no Helm inflation, files only from inside the kustomization's tree).
/// </summary>
/// <param name="LoadRestrictionsNone">True for <c>--load-restrictor=LoadRestrictionsNone</c>, false for the default <c>LoadRestrictionsRootOnly</c>.</param>
public sealed record KustomizeConfiguration(string? Path, bool? EnableHelm, bool? LoadRestrictionsNone, int? TimeoutSeconds)
{
    public static KustomizeConfiguration Empty { get; } = new(null, null, null, null);
}

/// <summary>Which in-source suppressions count: comments, annotations. A platform team can turn either off.</summary>
public sealed record SuppressionConfiguration(bool Comments, bool Annotations)
{
    public static SuppressionConfiguration Default { get; } = new(true, true);
}
