using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// An environment variable as the container's process sees it.
/// </summary>
/// <param name="Value">After <c>$(VAR)</c> expansion; null when it cannot be known from the manifest (a Secret or ConfigMap, or a reference to one).</param>
/// <param name="WrittenAt">Where to point a finding: the <c>value:</c> scalar, the <c>valueFrom:</c> entry, or the shell script that set it.</param>
/// <param name="Source">The <c>env</c> entry, or null when a shell script in the command set the variable.</param>
public sealed record EnvValue(string Name, string? Value, YamlNode WrittenAt, EnvVar? Source);

/// <summary>
/// The container's environment as the kubelet builds it: entries in order, each value expanded against the
/// entries before it, a repeated name replacing the earlier one. <c>envFrom</c> and the image's own ENV are not
/// in the manifest model and count as absent.
/// </summary>
public sealed class ProcessEnvironment
{
    private readonly Dictionary<string, EnvValue> values;

    private ProcessEnvironment(Dictionary<string, EnvValue> values) => this.values = values;

    public static ProcessEnvironment Empty { get; } = new(new Dictionary<string, EnvValue>(StringComparer.Ordinal));

    public IEnumerable<EnvValue> All => values.Values;

    /// <summary>Name to value for <see cref="KubernetesExpansion"/>: null for a defined variable of unknown value.</summary>
    public IReadOnlyDictionary<string, string?> Values => values.ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal);

    public EnvValue? this[string name] => values.GetValueOrDefault(name);

    /// <param name="valueFrom">Resolves a <c>valueFrom</c> the manifest can answer (a <c>resourceFieldRef</c>); null when unknown.</param>
    public static ProcessEnvironment From(Container container, Func<EnvVar, string?>? valueFrom = null)
    {
        var result = new Dictionary<string, EnvValue>(StringComparer.Ordinal);

        // The values defined so far, kept alongside (not rebuilt per entry: that was quadratic in the entries).
        var defined = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var env in container.Env)
        {
            string? value = null;
            if (env.Value is { } raw)
            {
                var expanded = KubernetesExpansion.Expand(raw, defined, out var complete);
                value = complete ? expanded : null;
            }
            else if (env.Node.Entry("valueFrom") is not null)
            {
                value = valueFrom?.Invoke(env);
            }
            else
            {
                // "- name: X" alone, or "value:" with nothing after it: the variable is set and empty.
                value = string.Empty;
            }

            var at = env.Node["value"] ?? (YamlNode?)env.Node.Entry("valueFrom")?.Key ?? env.Node;
            result[env.Name] = new EnvValue(env.Name, value, at, env);
            defined[env.Name] = value;
        }

        return new ProcessEnvironment(result);
    }

    /// <summary>This environment with variables replaced or added (by a shell script before it runs the program).</summary>
    public ProcessEnvironment With(IReadOnlyCollection<EnvValue> overrides)
    {
        if (overrides.Count == 0)
        {
            return this;
        }

        var result = new Dictionary<string, EnvValue>(values, StringComparer.Ordinal);
        foreach (var value in overrides)
        {
            result[value.Name] = value;
        }

        return new ProcessEnvironment(result);
    }
}
