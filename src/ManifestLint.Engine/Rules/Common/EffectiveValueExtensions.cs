using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Rules.Common;

/// <summary>Helpers the resource rules share for showing and locating effective values.</summary>
internal static class EffectiveValueExtensions
{
    /// <summary>"512Mi", or "512Mi (default of LimitRange team/limits)" when it was not written on the container.</summary>
    /// <remarks>
    /// A memory value written without a binary suffix also shows its size in binary units ("1G (953.67 MiB)",
    /// "512 (512 bytes)"), because comparing 1G with 1Gi, or spotting that 512 is bytes, is the whole point.
    /// </remarks>
    public static string Describe(this EffectiveValue value)
    {
        var text = value.Written?.Text.Trim() ?? value.Value?.ToString() ?? string.Empty;
        var binary = text.EndsWith('i');
        var size = value.Value is { } q && !binary ? $" ({ByteSize.Format(q)})" : string.Empty;
        return $"{text}{size}{value.OriginNote}";
    }

    /// <summary>Where the value was written: on the container, or in the LimitRange that supplied it.</summary>
    public static SourceSpan? WrittenAt(this EffectiveValue value) => value.Written?.Node.Span;

    /// <summary>
    /// Where the value was written on the container itself (a request defaulted from the limit points at the limit);
    /// null when a LimitRange supplied it. Findings are located on the container, the LimitRange is a related location.
    /// </summary>
    public static SourceSpan? OnContainerAt(this EffectiveValue value) => value.FromLimitRange is null ? value.WrittenAt() : null;

    /// <summary>A related location pointing at the LimitRange value, when the value came from one.</summary>
    public static RelatedLocation[] LimitRangeSource(this EffectiveValue value) =>
        value.FromLimitRange is not null && value.WrittenAt() is { } at
            ? [new RelatedLocation(at, $"value set by LimitRange {value.FromLimitRange.Resource.Namespace}/{value.FromLimitRange.Resource.Name}")]
            : [];

    /// <summary>Formats a ratio for messages: 8, 2.5, 1.33.</summary>
    public static string FormatRatio(decimal ratio) => decimal.Round(ratio, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsPositive(this Quantity? q) => q is { } v && v > default(Quantity);

    /// <summary>
    /// The value in bytes, rounded up, when it is above zero (capped at <see cref="long.MaxValue"/>); null when there is
    /// no value, it does not parse, or it is zero or negative: the limit the runtime rules size heaps against.
    /// </summary>
    public static long? PositiveBytes(this EffectiveValue? value) =>
        value?.Value is { } q && q > default(Quantity) ? (long)Int128.Min(q.CeilingUnits, long.MaxValue) : null;
}
