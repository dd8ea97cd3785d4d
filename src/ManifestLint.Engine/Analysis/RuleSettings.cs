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

    private string? Raw(string ruleId, string name) =>
        values.TryGetValue(ruleId, out var options) && options.TryGetValue(name, out var text) ? text : null;
}
