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
}
