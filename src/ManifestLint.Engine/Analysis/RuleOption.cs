using System.Globalization;

namespace ManifestLint.Engine.Analysis;

/// <summary>The value types a rule option can have; the page names them (decimal, integer, list of strings ...).</summary>
public enum RuleOptionType
{
    /// <summary>A plain YAML number, at least 0 ("decimal", "number" or "percentage" on the page).</summary>
    Number,

    /// <summary>A plain YAML whole number, at least 0 ("integer").</summary>
    WholeNumber,

    /// <summary>A YAML list of scalars without commas ("list of strings").</summary>
    StringList,

    /// <summary>Any scalar ("string"); no rule declares one yet.</summary>
    Text,

    /// <summary>true or false ("boolean"); no rule declares one yet.</summary>
    Boolean,

    /// <summary>A Kubernetes quantity such as 512Mi ("quantity"); no rule declares one yet.</summary>
    Quantity,
}

/// <summary>
/// An option a rule declares (Meziantou's <c>ConfigurationDefinition</c>, kube-linter's params): its name in the
/// configuration file, its type and its default. The configuration is validated against the declared options, the
/// rule reads its value with <see cref="AnalysisContext.Option{T}"/>, and a test checks the page's "## Options" list
/// against the declarations both ways, so the name and the default are written once in code.
/// </summary>
public abstract class RuleOption
{
    private protected RuleOption(string name, RuleOptionType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public RuleOptionType Type { get; }

    /// <summary>The default as the page and <c>manifestlint config --init</c> write it: <c>2</c>, <c>[a, b]</c>.</summary>
    public abstract string DefaultText { get; }

    public static RuleOption<decimal> Number(string name, decimal defaultValue) =>
        new(name, RuleOptionType.Number, defaultValue, d => d.ToString(CultureInfo.InvariantCulture), ParseDecimal);

    public static RuleOption<int> WholeNumber(string name, int defaultValue) =>
        new(name, RuleOptionType.WholeNumber, defaultValue, i => i.ToString(CultureInfo.InvariantCulture), ParseInteger);

    public static RuleOption<IReadOnlyList<string>> List(string name, params string[] defaultValue) =>
        new(name, RuleOptionType.StringList, defaultValue, l => $"[{string.Join(", ", l)}]", ParseList);

    private static (bool, decimal) ParseDecimal(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (true, value) : (false, 0);

    private static (bool, int) ParseInteger(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? (true, value) : (false, 0);

    /// <summary>The configuration keeps a list as its items joined by commas (items cannot contain one).</summary>
    private static (bool, IReadOnlyList<string>) ParseList(string text) =>
        (true, text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>An option whose value is a <typeparamref name="T"/>.</summary>
public sealed class RuleOption<T> : RuleOption
{
    private readonly Func<T, string> format;
    private readonly Func<string, (bool Ok, T Value)> parse;

    internal RuleOption(string name, RuleOptionType type, T defaultValue, Func<T, string> format, Func<string, (bool Ok, T Value)> parse)
        : base(name, type)
    {
        Default = defaultValue;
        this.format = format;
        this.parse = parse;
    }

    public T Default { get; }

    public override string DefaultText => format(Default);

    /// <summary>
    /// The value the configuration gives as text (already validated by the configuration parser), or the default when
    /// the text does not parse, as from a caller that built <see cref="RuleSettings"/> by hand.
    /// </summary>
    public T Parse(string? text) => text is not null && parse(text) is (true, var value) ? value : Default;
}
