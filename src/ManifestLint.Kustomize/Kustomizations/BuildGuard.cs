using ManifestLint.Model.Yaml;

namespace ManifestLint.Kustomize.Kustomizations;

/// <summary>
/// What must stop a build before kustomize runs: a remote base (ManifestLint builds offline), a plugin or KRM
/// function (ManifestLint never runs code from the repository it lints: a pull request from a fork must not be able
/// to run a program in CI through a kustomization), or Helm chart inflation the user did not turn on. kustomize is
/// also run sealed (see <see cref="Building.KustomizeProcess"/>), so anything this check misses still fails there;
/// this check gives the clear message.
/// </summary>
internal static class BuildGuard
{
    /// <summary>The generators and transformers compiled into kustomize (<c>apiVersion: builtin</c>): configuring them runs no code of the repository.</summary>
    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal)
    {
        "AnnotationsTransformer", "ConfigMapGenerator", "HashTransformer", "IAMPolicyGenerator", "ImageTagTransformer",
        "LabelTransformer", "LegacyOrderTransformer", "NamespaceTransformer", "PatchJson6902Transformer",
        "PatchStrategicMergeTransformer", "PatchTransformer", "PrefixSuffixTransformer", "PrefixTransformer",
        "SuffixTransformer", "ReplacementTransformer", "ReplicaCountTransformer", "SecretGenerator",
        "SortOrderTransformer", "ValueAddTransformer", "HelmChartInflationGenerator",
    };

    /// <summary>The first reason not to build <paramref name="unit"/>, or null when it may be built.</summary>
    public static KustomizeProblem? Check(string unit, KustomizationTree tree, KustomizeSettings settings, string command)
    {
        var name = tree.Display(unit);
        foreach (var file in tree.Closure(unit))
        {
            var where = file.Directory == unit ? $"The kustomization {name}" : $"The kustomization {tree.Display(file.Directory)}, which {name} builds from,";
            foreach (var entry in file.Resources.Concat(file.Components))
            {
                if (RemoteReference.IsRemote(entry.Value, file.Directory))
                {
                    return new KustomizeProblem(unit, $"{where} includes the remote base {entry.Value}: ManifestLint builds offline and never fetches it, so {name} was not linted. Vendor the base into the repository, or build it where the network is allowed and lint the output: `{command} | manifestlint lint -`.", entry.Span);
                }
            }

            foreach (var (key, entry) in file.Generators.Select(e => ("generators", e)).Concat(file.Transformers.Select(e => ("transformers", e))).Concat(file.Validators.Select(e => ("validators", e))))
            {
                if (Plugin(file, entry, tree) is { } plugin)
                {
                    return new KustomizeProblem(unit, $"{where} asks kustomize to run a plugin ({key}: {plugin}): ManifestLint never runs code from the repository it lints (no exec or KRM-function plugins), so {name} was not linted.", entry.Span);
                }
            }

            if ((file.Entry("helmCharts") ?? file.Entry("helmChartInflationGenerator")) is { } helm)
            {
                if (!settings.EnableHelm)
                {
                    return new KustomizeProblem(unit, $"{where} inflates Helm charts ({helm.KeyText}:), which runs helm: ManifestLint does that only when asked (kustomize: {{ enableHelm: true }} in .manifestlint.yaml), so {name} was not linted. Or build it yourself and lint the output: `kubectl kustomize --enable-helm DIR | manifestlint lint -`.", helm.Key.Span.Through(helm.Key.Span));
                }

                if (settings.HelmPath is null)
                {
                    return new KustomizeProblem(unit, $"{where} inflates Helm charts ({helm.KeyText}:) and kustomize.enableHelm is on, but helm was not found (not on PATH, no --helm), so {name} was not linted. Install helm or pass --helm PATH.", helm.Key.Span.Through(helm.Key.Span));
                }

                if (RemoteChart(file) is { } remote)
                {
                    return new KustomizeProblem(unit, $"{where} inflates the Helm chart {remote.Name} from {remote.Repository}, which is not in its chart home ({remote.Home}): ManifestLint builds offline and never pulls it, so {name} was not linted. Vendor the chart (helm pull --untar --untardir {remote.Home} --repo {remote.Repository} {remote.Name}), or build where the network is allowed and lint the output: `{command} | manifestlint lint -`.", remote.Span);
                }
            }
        }

        return null;
    }

    /// <summary>A <c>helmCharts:</c> entry whose chart is not in the chart home (kustomize would <c>helm pull</c> it from its repository).</summary>
    private static (string Name, string Repository, string Home, Model.Source.SourceSpan Span)? RemoteChart(KustomizationFile file)
    {
        var home = KustomizationFile.Scalar((file.Root?["helmGlobals"] as MappingNode)?["chartHome"]) ?? "charts";
        foreach (var chart in file.Mappings("helmCharts"))
        {
            if (KustomizationFile.Scalar(chart["name"]) is { Length: > 0 } name && KustomizationFile.Scalar(chart["repo"]) is { Length: > 0 } repository
                && !File.Exists(Path.Combine(file.Resolve(home), name, "Chart.yaml")))
            {
                return (name, repository, home, chart.Span with { EndLine = chart.Span.StartLine, EndColumn = chart.Span.StartColumn + 1 });
            }
        }

        return null;
    }

    /// <summary>What a generator/transformer/validator entry would run, or null when it only configures built-in ones.</summary>
    private static string? Plugin(KustomizationFile file, KustomizationEntry entry, KustomizationTree tree)
    {
        if (entry.Value.Contains('\n', StringComparison.Ordinal) || entry.Value.Contains(": ", StringComparison.Ordinal))
        {
            return Configs(YamlFileLoader.Load(tree.Display(file.FilePath), entry.Value));
        }

        var path = file.Resolve(entry.Value);
        if (Directory.Exists(path))
        {
            // A kustomization whose resources are plugin configurations.
            var inner = tree.Get(path);
            return inner is null ? null : inner.Resources.Select(r => Plugin(inner, r, tree)).FirstOrDefault(p => p is not null)
                ?? inner.Generators.Concat(inner.Transformers).Select(r => Plugin(inner, r, tree)).FirstOrDefault(p => p is not null);
        }

        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Configs(YamlFileLoader.Load(tree.Display(path), File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Configs(YamlFile configs)
    {
        foreach (var root in configs.Documents.Select(d => d.Root).OfType<MappingNode>())
        {
            var kind = KustomizationFile.Scalar(root["kind"]) ?? "(no kind)";
            var apiVersion = KustomizationFile.Scalar(root["apiVersion"]) ?? string.Empty;
            var annotations = (root["metadata"] as MappingNode)?["annotations"] as MappingNode;
            var function = KustomizationFile.Scalar(annotations?["config.kubernetes.io/function"]) ?? KustomizationFile.Scalar(annotations?["config.k8s.io/function"]);
            if (function is not null)
            {
                var runs = function.Contains("exec:", StringComparison.Ordinal) ? "an exec function" : function.Contains("container:", StringComparison.Ordinal) ? "a container function" : "a KRM function";
                return $"{kind} {apiVersion}, {runs}".Trim();
            }

            if (!BuiltIn.Contains(kind) || (apiVersion.Length > 0 && apiVersion != "builtin"))
            {
                return $"{kind} {apiVersion}, not built into kustomize".Trim();
            }
        }

        return null;
    }
}
