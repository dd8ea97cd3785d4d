using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Engine.Configuration;

/// <summary>
/// Writes configuration as YAML: the effective configuration of a path (<c>manifestlint config --print</c>), which
/// is itself a valid <c>.manifestlint.yaml</c>, and the commented starter file of <c>manifestlint init</c>.
/// </summary>
public static partial class ConfigurationWriter
{
    /// <summary>Every rule with its severity and options as they apply to the file, marking what the configuration changed.</summary>
    /// <param name="displayPath">How to name the file in the header.</param>
    /// <param name="displayOf">How to show other paths (the configuration file): relative to the working directory.</param>
    public static string Print(EffectiveConfiguration effective, RuleCatalog catalog, string displayPath, Func<string, string> displayOf)
    {
        var config = effective.Config;
        var output = new StringBuilder();
        output.Append(CultureInfo.InvariantCulture, $"# Effective configuration for {displayPath}\n");
        output.Append(CultureInfo.InvariantCulture, $"# Configuration file: {(config.Path is null ? "none (built-in defaults)" : displayOf(config.Path))}\n");
        if (effective.AppliedOverrides.Count > 0)
        {
            output.Append(CultureInfo.InvariantCulture, $"# Overrides applied: {string.Join("; ", effective.AppliedOverrides.Select(o => $"line {o.Line} ({string.Join(", ", o.Files)})"))}\n");
        }

        output.Append(CultureInfo.InvariantCulture, $"# Excluded: {(effective.Excluded ? "yes, this file is not linted" : "no")}\n");
        output.Append("rules:\n");
        foreach (var rule in catalog.Descriptors)
        {
            var options = catalog.OptionsOf(rule.Id);
            var changed = effective.ConfiguredSeverity(rule) is not null || options.Any(o => effective.OptionText(rule.Id, o.Name) is not null);
            var severity = effective.SeverityOf(rule).ToName();
            var value = options.Count == 0
                ? severity
                : $"{{ severity: {severity}, {string.Join(", ", options.Select(o => $"{o.Name}: {OptionValue(o, effective.OptionText(rule.Id, o.Name))}"))} }}";
            output.Append(CultureInfo.InvariantCulture, $"  {rule.Id}: {value}{(changed ? "    # configured" : string.Empty)}\n");
        }

        var suppressions = effective.Suppressions;
        output.Append(CultureInfo.InvariantCulture, $"suppressions: {{ comments: {Bool(suppressions.Comments)}, annotations: {Bool(suppressions.Annotations)} }}\n");
        var helm = effective.Helm;
        output.Append("helm:\n");
        output.Append(CultureInfo.InvariantCulture, $"  values: {{{string.Join(", ", helm.Values.Select(v => $" {Scalar(v.Key)}: {List(v.Value)}"))}{(helm.Values.Count > 0 ? " " : string.Empty)}}}\n");
        foreach (var (key, text) in new[] { ("releaseName", helm.ReleaseName), ("namespace", helm.Namespace), ("kubeVersion", helm.KubeVersion) })
        {
            if (text is not null)
            {
                output.Append(CultureInfo.InvariantCulture, $"  {key}: {Scalar(text)}\n");
            }
        }

        if (helm.Set.Count > 0)
        {
            output.Append(CultureInfo.InvariantCulture, $"  set: {List(helm.Set)}\n");
        }

        foreach (var (key, flag) in new[] { ("variants", helm.Variants), ("includeTests", helm.IncludeTests) })
        {
            if (flag is { } value)
            {
                output.Append(CultureInfo.InvariantCulture, $"  {key}: {Bool(value)}\n");
            }
        }

        if (helm.TimeoutSeconds is { } timeout)
        {
            output.Append(CultureInfo.InvariantCulture, $"  timeout: {timeout}\n");
        }

        var kustomize = effective.Kustomize;
        output.Append("kustomize:\n");
        if (kustomize.Path is { } path)
        {
            output.Append(CultureInfo.InvariantCulture, $"  path: {Scalar(path)}\n");
        }

        output.Append(CultureInfo.InvariantCulture, $"  enableHelm: {Bool(kustomize.EnableHelm == true)}\n");
        output.Append(CultureInfo.InvariantCulture, $"  loadRestrictor: {(kustomize.LoadRestrictionsNone == true ? "none" : "rootOnly")}\n");
        if (kustomize.TimeoutSeconds is { } kustomizeTimeout)
        {
            output.Append(CultureInfo.InvariantCulture, $"  timeout: {kustomizeTimeout}\n");
        }

        output.Append(CultureInfo.InvariantCulture, $"exclude: {List(config.Exclude)}\n");
        var scope = effective.ScopeName is { } name
            ? $"    # this file is in scope {name}"
            : config.Scopes.Count > 0 ? "    # this file is in no scope: it relates to other files by the nearest-definition rule" : string.Empty;
        output.Append(CultureInfo.InvariantCulture, $"scopes: {List(config.Scopes)}{scope}\n");
        return output.ToString();
    }

    /// <summary>The commented starter file: every rule at its default, commented out, and each section explained.</summary>
    public static string Starter(RuleCatalog catalog)
    {
        var output = new StringBuilder();
        output.Append($$"""
            # ManifestLint configuration ({{RuleDescriptor.RepositoryUri}}#configuration).
            # The nearest {{ManifestLintConfig.FileName}} above a linted file applies to it, up to the repository root
            # (nearest wins, files are not merged); `manifestlint lint --config FILE` uses one file for everything.
            # Check what applies to a file with `manifestlint config --print PATH`.

            # Severity per rule ID or per category (Tool, Resources, ...): error | warning | note | none (off).
            # A rule ID wins over its category. Options go next to the severity: ML1005: { severity: note, maxRatio: 3 }
            # Every rule is listed at its default; uncomment a line to change it.
            rules:

            """);
        // The titles line up in one column after the longest setting, as in a hand-written file.
        var settings = catalog.Descriptors.Select(rule =>
        {
            var options = catalog.OptionsOf(rule.Id);
            var value = options.Count == 0
                ? rule.DefaultSeverity.ToName()
                : $"{{ severity: {rule.DefaultSeverity.ToName()}, {string.Join(", ", options.Select(o => $"{o.Name}: {OptionValue(o, null)}"))} }}";
            return (Setting: $"# {rule.Id}: {value}", rule.Title);
        }).ToList();
        // A rule with many options would push every title far right: its title goes on the line above it instead.
        const int MaxAligned = 60;
        var width = settings.Where(s => s.Setting.Length <= MaxAligned).Select(s => s.Setting.Length).DefaultIfEmpty(0).Max();
        foreach (var (setting, title) in settings)
        {
            output.Append(setting.Length <= width ? $"  {setting.PadRight(width)}  # {title}\n" : $"  # ↓ {title}\n  {setting}\n");
        }

        output.Append("""

            # Different severities and options for some files; globs are relative to this file's directory
            # (`*` within a name, `**` across directories). Later blocks win.
            # overrides:
            #   - files: ["charts/legacy/**"]
            #     rules: { ML1006: none, ML1005: { maxRatio: 4 } }

            # Helm charts: extra values files per chart directory, and how to render.
            # helm:
            #   values: { "charts/web": ["charts/web/values-prod.yaml"] }
            #   releaseName: web
            #   namespace: prod
            #   kubeVersion: "1.31"
            #   set: ["resources.limits.memory=512Mi"]
            #   variants: true        # render each ci/*-values.yaml as well as the defaults
            #   timeout: 60           # seconds per helm template run
            #   includeTests: false   # lint helm test hook pods too

            # Kustomize: how kustomizations are built (the nearest file above a kustomization applies to it).
            # kustomize:
            #   path: .tools/bin/kubectl   # kubectl or a standalone kustomize, relative to this file (--kustomize wins)
            #   enableHelm: false          # inflate helmCharts: with helm (--enable-helm); off: such kustomizations are refused
            #   loadRestrictor: rootOnly   # or none (--load-restrictor=LoadRestrictionsNone)
            #   timeout: 60                # seconds per build

            # Files never to lint (globs relative to this file's directory).
            exclude: []
            #  - "**/testdata/**"

            # Clusters: each directory a glob matches is one cluster (globs relative to this file's directory).
            # Objects relate only within their cluster: a LimitRange, ResourceQuota, PDB, VPA or HPA of clusters/a never
            # applies to a workload of clusters/b, and an object defined twice in one cluster is reported once (ML0006).
            # Without scopes, copies of one object in several directories are several clusters' copies, and a workload
            # relates to the copy nearest to it in the directory tree.
            scopes: []
            #  - "clusters/*"
            #  - "envs/*"

            # In-source suppressions: "# manifestlint-disable-next-line ML1001 -- reason", "# manifestlint-disable ML1001 -- reason"
            # (rest of the document) and the annotation manifestlint.io/suppress: "ML1001 -- reason". Set false to forbid one kind.
            suppressions:
              comments: true
              annotations: true

            """);
        return output.ToString();
    }

    private static string OptionValue(RuleOption option, string? configured)
    {
        if (configured is null)
        {
            return option.DefaultText is { Length: > 0 } text ? text : "~";
        }

        return option.Type == RuleOptionType.StringList
            ? List(configured.Split(',', StringSplitOptions.RemoveEmptyEntries))
            : option.Type is RuleOptionType.Text or RuleOptionType.Quantity ? Scalar(configured) : configured;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string List(IEnumerable<string> items) => $"[{string.Join(", ", items.Select(Scalar))}]";

    /// <summary>A string as a plain scalar when YAML reads it back as the same string, else double-quoted.</summary>
    private static string Scalar(string text) =>
        PlainSafe().IsMatch(text) && text is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off") && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? text
            : $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    [GeneratedRegex(@"^[A-Za-z0-9_.][A-Za-z0-9_./-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSafe();
}
