namespace ManifestLint.Usage.Statistics;

/// <summary>
/// Quantiles as Prometheus computes them (<c>promql/quantile.go</c>, <c>quantile</c>, which <c>quantile_over_time</c>
/// uses): rank φ·(n−1) in the sorted values, linear between its two neighbours. The same figures as the instant-query
/// path, so a matrix and its <c>quantile_over_time</c> agree.
/// </summary>
internal static class Quantiles
{
    /// <param name="sorted">The values in ascending order, at least one.</param>
    public static double Of(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        var rank = q * (sorted.Length - 1);
        var lower = Math.Max(0, (int)Math.Floor(rank));
        var upper = Math.Min(sorted.Length - 1, lower + 1);
        var weight = rank - Math.Floor(rank);
        return (sorted[lower] * (1 - weight)) + (sorted[upper] * weight);
    }

    /// <summary>The median of a small span, without changing it.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return Of(copy, 0.5);
    }
}
