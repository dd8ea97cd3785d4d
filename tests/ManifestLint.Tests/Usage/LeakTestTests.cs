using ManifestLint.Usage.Statistics;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary>The leak test of rules/ML8004.md on one series.</summary>
public class LeakTestTests
{
    private static (double[] Times, double[] Values) Hourly(int days, Func<int, double> mib) =>
        ([.. Enumerable.Range(0, days * 24).Select(i => (double)(Start + (i * 3600)))], [.. Enumerable.Range(0, days * 24).Select(i => mib(i) * MiB)]);

    [Fact]
    public void SteadyGrowth_HasALeaksShape_WithItsGrowth()
    {
        var (t, v) = Hourly(7, i => 200 + i);

        var shape = LeakTest.Shape(t, v);

        Assert.True(shape.Judged);
        Assert.NotNull(shape.Growth);
        Assert.Equal((200 + 144 + 11.5) / (200 + 11.5) - 1, shape.Growth!.Value, 6);
        Assert.Equal(7, shape.Days);
    }

    [Fact]
    public void GrowthUnderADailyCycle_IsStillALeak()
    {
        // +-5% every day on top of 10% a day: each day dips below the day before's median, but never back to the start.
        var (t, v) = Hourly(7, i => 200 * (1 + (0.05 * Math.Sin(i * 2 * Math.PI / 24)) + (i * 0.1 / 24)));

        var shape = LeakTest.Shape(t, v);

        Assert.NotNull(shape.Growth);
        Assert.InRange(shape.Growth!.Value, 0.5, 0.7);
    }

    [Fact]
    public void DailySawtooth_DropsBack_AndIsNoLeak()
    {
        var (t, v) = Hourly(7, i => 200 + (i % 24 * 5));

        var shape = LeakTest.Shape(t, v);

        Assert.True(shape.Judged);
        Assert.Null(shape.Growth);
    }

    [Fact]
    public void ACacheThatWarmsUpAndPlateaus_IsNoLeak()
    {
        var (t, v) = Hourly(7, i => Math.Min(200 + (i * 4), 400) + (i % 3));

        Assert.Null(LeakTest.Shape(t, v).Growth);
    }

    [Fact]
    public void FewerThanThreeJudgedDays_AreNotJudged()
    {
        var (t, v) = Hourly(2, i => 200 + i);

        Assert.False(LeakTest.Shape(t, v).Judged);

        // Three days, but one with only 5 samples: two days left.
        var sparse = t.Concat([Start + (2 * 86400.0), Start + (2 * 86400.0) + 60, Start + (2 * 86400.0) + 120, Start + (2 * 86400.0) + 180, Start + (2 * 86400.0) + 240]).ToArray();
        var values = v.Concat(Enumerable.Repeat(300 * MiB, 5)).ToArray();
        Assert.False(LeakTest.Shape(sparse, values).Judged);
    }

    [Theory]
    [InlineData(new double[] { 5 }, 0.95, 5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.95, 4.8)]
    [InlineData(new double[] { 10, 20 }, 0.99, 19.9)]
    public void Quantiles_InterpolateAsPrometheus(double[] sorted, double q, double expected) =>
        Assert.Equal(expected, Quantiles.Of(sorted, q), 9);

    [Fact]
    public void SelectedQuantiles_EqualSortedOnes_OnRandomAndHostileInputs()
    {
        var random = new Random(19);
        List<double[]> inputs =
        [
            [.. Enumerable.Range(0, 10_000).Select(_ => Math.Floor(random.NextDouble() * 1000))], // many duplicates
            [.. Enumerable.Range(0, 5_000).Select(i => (double)i)], // sorted
            [.. Enumerable.Range(0, 5_000).Select(i => (double)(5_000 - i))], // reversed
            [.. Enumerable.Repeat(7.0, 3_000)], // all equal
            [3.0],
            [2.0, 1.0],
        ];
        foreach (var values in inputs)
        {
            var sorted = values.Order().ToArray();

            var (p50, p95, p99, max) = Quantiles.Summary([.. values]);

            Assert.Equal(Quantiles.Of(sorted, 0.5), p50, 9);
            Assert.Equal(Quantiles.Of(sorted, 0.95), p95, 9);
            Assert.Equal(Quantiles.Of(sorted, 0.99), p99, 9);
            Assert.Equal(sorted[^1], max);
        }
    }
}
