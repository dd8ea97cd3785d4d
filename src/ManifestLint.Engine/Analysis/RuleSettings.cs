using System.Globalization;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Per-rule options (thresholds and lists), keyed by rule ID then option name, as the configuration file
/// will give them. Each rule reads its options with a default that its page documents under "Options",
/// so every threshold lives in one place per rule.
/// </summary>
public sealed class RuleSettings
{
    public static RuleSettings Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, string>>());

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> values;

    public RuleSettings(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> values) => this.values = values;

    public decimal GetDecimal(string ruleId, string name, decimal defaultValue) =>
        Raw(ruleId, name) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : defaultValue;

    public int GetInt(string ruleId, string name, int defaultValue) =>
        Raw(ruleId, name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : defaultValue;

    /// <summary>A list option, written comma-separated.</summary>
    public IReadOnlyList<string> GetList(string ruleId, string name, IReadOnlyList<string> defaultValue) =>
        Raw(ruleId, name) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : defaultValue;

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
