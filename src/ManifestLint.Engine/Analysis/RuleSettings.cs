using System.Collections.Concurrent;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Per-rule options (thresholds and lists), keyed by rule ID then option name, as text the configuration parser
/// validated against the rule's declared <see cref="RuleOption"/>s. Rules read typed values through
/// <see cref="Get{T}"/>.
/// </summary>
public sealed class RuleSettings
{
    public static RuleSettings Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, string>>());

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> values;
    private readonly ConcurrentDictionary<(string RuleId, string Name), object> resolved = new();

    public RuleSettings(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> values) => this.values = values;

    /// <summary>
    /// The value of a rule's option: its default when the configuration does not set it, else the configured text
    /// parsed once per settings object (one per configuration file, so at most once per linted file) and reused.
    /// </summary>
    public T Get<T>(string ruleId, RuleOption<T> option)
    {
        if (Raw(ruleId, option.Name) is not { } text)
        {
            return option.Default;
        }

        return (T)resolved.GetOrAdd((ruleId, option.Name), static (_, state) => state.option.Parse(state.text)!, (option, text));
    }

    /// <summary>These settings with every option of <paramref name="overrides"/> written over them.</summary>
    public RuleSettings With(RuleSettings overrides)
    {
        if (overrides.values.Count == 0)
        {
            return this;
        }

        var merged = values.ToDictionary(v => v.Key, v => v.Value.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (ruleId, options) in overrides.values)
        {
            if (!merged.TryGetValue(ruleId, out var target))
            {
                target = merged[ruleId] = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var (name, text) in options)
            {
                target[name] = text;
            }
        }

        return new RuleSettings(merged.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, string>)m.Value, StringComparer.Ordinal));
    }

    private string? Raw(string ruleId, string name) =>
        values.TryGetValue(ruleId, out var options) && options.TryGetValue(name, out var text) ? text : null;
}
