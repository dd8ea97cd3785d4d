using System.Globalization;
using ManifestLint.Engine.Rules.Jvm;
using ManifestLint.Model.Runtimes;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Rules.Jvm;

/// <summary>
/// ML2002's footprint model against real JVMs measured on this project's calibration runs (TestData/jvm-calibration.tsv,
/// from tests/ManifestLint.Benchmarks/JvmCalibration/calibrate.sh): OpenJDK 17 and Temurin 25 running Tomcat 10,
/// Jetty 9, ZooKeeper 3.8 and a small HTTP exporter under cgroup limits of 192 MiB to 4 GiB, heap fully touched. The
/// model must pick the collector the JVM picked and come within ±20% of the measured RSS on every run.
/// </summary>
public class JvmFootprintCalibrationTests(ITestOutputHelper output)
{
    private const double MiB = 1 << 20;

    [Fact]
    public void Model_IsWithin20PercentOfMeasuredRss_OnEveryCalibrationRun()
    {
        var runs = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "jvm-calibration.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToList();
        Assert.True(runs.Count >= 30, $"{runs.Count} runs");
        var worst = 0.0;
        foreach (var run in runs)
        {
            var (name, limitMiB, flags, heap, collector, rssKiB) = (run[0], long.Parse(run[3], CultureInfo.InvariantCulture), run[4], long.Parse(run[5], CultureInfo.InvariantCulture), run[6], long.Parse(run[7], CultureInfo.InvariantCulture));
            var options = JvmOptions.Parse(flags);
            var footprint = JvmFootprint.Of(options, heap, limitMiB << 20, null, JvmFootprintSettings.Default);
            var measured = rssKiB * 1024.0;
            var error = ((double)footprint.Total - measured) / measured;
            worst = Math.Max(worst, Math.Abs(error));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} measured {measured / MiB,7:F1} MiB  model {(double)footprint.Total / MiB,7:F1} MiB  {error,7:P1}"));

            Assert.Equal(collector, $"Use{footprint.Collector}GC");
            Assert.True(Math.Abs(error) <= 0.20, string.Create(CultureInfo.InvariantCulture, $"{name}: model {(double)footprint.Total / MiB:F1} MiB vs measured {measured / MiB:F1} MiB ({error:P1})"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst error {worst:P1}"));
    }
}
