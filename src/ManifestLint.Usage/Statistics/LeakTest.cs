using System.Runtime.CompilerServices;
using ManifestLint.Usage.Reading;

namespace ManifestLint.Usage.Statistics;

/// <summary>
/// The leak test of one pod series, as rules/ML8004.md defines it: 24-hour windows from the first sample (those with
/// fewer than <see cref="MinSamplesPerDay"/> samples left out), judged with at least <see cref="MinDays"/> of them; a
/// leak's shape is a positive least-squares slope on two thirds of the days, a median that rises in two thirds of the
/// pairs of days, no later day whose minimum falls back to the first day's minimum, a last day whose minimum is above the
/// first day's median, and a last median above the first. Growth is last median / first median − 1. The minimum growth that counts is ML8004's option, applied by the rule.
/// </summary>
internal static class LeakTest
{
    public const int MinSamplesPerDay = 6;
    public const int MinDays = 3;
    private const double Day = 86_400;

    /// <param name="times">Sample times in seconds, ascending.</param>
    /// <param name="values">The samples, one per time.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SeriesShape Shape(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        var days = new List<(int Index, double Slope, double Median, double Min)>();
        var scratch = new double[512];
        var start = 0;
        while (start < times.Length)
        {
            var index = (int)Math.Floor((times[start] - times[0]) / Day);
            var end = start;
            while (end < times.Length && (int)Math.Floor((times[end] - times[0]) / Day) == index)
            {
                end++;
            }

            if (end - start >= MinSamplesPerDay)
            {
                var v = values[start..end];
                days.Add((index, Slope(times[start..end], v), Quantiles.Median(v, ref scratch), Min(v)));
            }

            start = end;
        }

        if (days.Count < MinDays)
        {
            return new SeriesShape(false, null, 0, 0, days.Count);
        }

        var first = days[0].Median;
        var last = days[^1].Median;
        var spanned = days[^1].Index + 1;
        var positive = days.Count(d => d.Slope > 0);
        var rising = 0;
        for (var i = 1; i < days.Count; i++)
        {
            rising += days[i].Median > days[i - 1].Median ? 1 : 0;
        }

        var leakShape = positive >= TwoThirds(days.Count)
            && rising >= TwoThirds(days.Count - 1)
            && days.Skip(1).All(d => d.Min > days[0].Min)
            && days[^1].Min > first
            && last > first
            && first > 0;
        return new SeriesShape(true, leakShape ? (last / first) - 1 : null, first, last, spanned);
    }

    private static int TwoThirds(int n) => (int)Math.Ceiling(2.0 * n / 3);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Min(ReadOnlySpan<double> values)
    {
        var min = double.MaxValue;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    /// <summary>Least-squares slope of value over time (times shifted to the window's start to keep the sums small).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Slope(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        var n = times.Length;
        double sumX = 0, sumY = 0;
        for (var i = 0; i < n; i++)
        {
            sumX += times[i] - times[0];
            sumY += values[i];
        }

        double meanX = sumX / n, meanY = sumY / n, sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = times[i] - times[0] - meanX;
            sxy += dx * (values[i] - meanY);
            sxx += dx * dx;
        }

        return sxx == 0 ? 0 : sxy / sxx;
    }
}
