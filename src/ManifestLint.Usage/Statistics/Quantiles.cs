using System.Runtime.CompilerServices;

namespace ManifestLint.Usage.Statistics;

/// <summary>
/// Quantiles as Prometheus computes them (<c>promql/quantile.go</c>, <c>quantile</c>, which <c>quantile_over_time</c>
/// uses): rank φ·(n−1) in the sorted values, linear between its two neighbours. The same figures as the instant-query
/// path, so a matrix and its <c>quantile_over_time</c> agree. <see cref="Summary"/> finds them by selection, not by
/// sorting: a 100 MB export holds millions of samples.
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

    /// <summary>p50, p95, p99 and max of <paramref name="values"/> (at least one), which are reordered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double P50, double P95, double P99, double Max) Summary(double[] values)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var max = double.MinValue;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        // From the highest quantile down: each selection leaves everything below its rank to the left, so the next one
        // only partitions that part.
        var hi = values.Length - 1;
        var p99 = At(values, 0.99, ref hi);
        var p95 = At(values, 0.95, ref hi);
        var p50 = At(values, 0.50, ref hi);
        return (p50, p95, p99, max);
    }

    /// <summary>The median of a span, without changing it (<paramref name="scratch"/> holds a copy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Median(ReadOnlySpan<double> values, ref double[] scratch)
    {
        if (scratch.Length < values.Length)
        {
            scratch = new double[values.Length];
        }

        values.CopyTo(scratch);
        var hi = values.Length - 1;
        return At(scratch, 0.5, ref hi, values.Length);
    }

    /// <summary>The q-quantile of values[0..n), selecting within [0, hi]; hi becomes the rank's lower index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double At(double[] a, double q, ref int hi, int? count = null)
    {
        var n = count ?? a.Length;
        var rank = q * (n - 1);
        var lower = (int)Math.Floor(rank);
        var weight = rank - lower;
        Select(a, 0, hi, lower);
        var value = a[lower];
        if (weight > 0 && lower + 1 < n)
        {
            // The next order statistic is the smallest to the right: within [lower+1, hi] when that is not empty (what
            // lies beyond hi is no smaller), else beyond hi.
            var end = lower + 1 <= hi ? hi : n - 1;
            var next = double.MaxValue;
            for (var i = lower + 1; i <= end; i++)
            {
                next = Math.Min(next, a[i]);
            }

            value = (value * (1 - weight)) + (next * weight);
        }

        hi = lower;
        return value;
    }

    /// <summary>
    /// Quickselect (Hoare partition, median-of-three pivot): afterwards a[k] holds the k-th smallest of a[lo..hi], with
    /// nothing larger to its left and nothing smaller to its right. Falls back to sorting the range after too many
    /// rounds, so a hostile input cannot make it quadratic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Select(double[] a, int lo, int hi, int k)
    {
        var rounds = 2 * (int)Math.Log2(Math.Max(2, hi - lo + 1)) + 8;
        while (hi > lo)
        {
            if (hi - lo < 16 || rounds-- == 0)
            {
                Array.Sort(a, lo, hi - lo + 1);
                return;
            }

            var mid = lo + ((hi - lo) / 2);
            if (a[mid] < a[lo])
            {
                (a[mid], a[lo]) = (a[lo], a[mid]);
            }

            if (a[hi] < a[lo])
            {
                (a[hi], a[lo]) = (a[lo], a[hi]);
            }

            if (a[hi] < a[mid])
            {
                (a[hi], a[mid]) = (a[mid], a[hi]);
            }

            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }
}
