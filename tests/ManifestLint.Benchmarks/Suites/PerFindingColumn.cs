using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>
/// The mean over the findings of <see cref="FindingCostSample"/>, in µs: for <see cref="FindingCostBenchmarks"/>, the mean
/// with every rule on minus the mean with every rule off (same format); for the others, the mean itself. Computed in the
/// host process, which lints the sample once to count the findings.
/// </summary>
public sealed class PerFindingColumn : IColumn
{
    private static readonly Lazy<int> Findings = new(() =>
    {
        using var sample = FindingCostSample.Create();
        return sample.CountFindings();
    });

    public string Id => nameof(PerFindingColumn);

    public string ColumnName => "µs per finding";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"per finding of the sample ({FindingCostSample.Files} finding-heavy files); FindingCost: (rules on − rules off) / findings";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        string Parameter(BenchmarkCase c, string name) => c.Parameters[name]?.ToString() ?? string.Empty;
        if (benchmarkCase.Descriptor.Type != typeof(FindingCostBenchmarks))
        {
            return summary[benchmarkCase]?.ResultStatistics?.Mean is { } mean ? FormattableString.Invariant($"{mean / 1000 / Findings.Value:F2}") : "?";
        }

        if (Parameter(benchmarkCase, nameof(FindingCostBenchmarks.Rules)) != bool.TrueString)
        {
            return "-";
        }

        var format = Parameter(benchmarkCase, nameof(FindingCostBenchmarks.Format));
        var off = summary.BenchmarksCases.FirstOrDefault(c => Parameter(c, nameof(FindingCostBenchmarks.Format)) == format
            && Parameter(c, nameof(FindingCostBenchmarks.Rules)) == bool.FalseString);
        var on = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var baseline = off is null ? null : summary[off]?.ResultStatistics?.Mean;
        return on is null || baseline is null ? "?" : FormattableString.Invariant($"{(on.Value - baseline.Value) / 1000 / Findings.Value:F2}");
    }

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(FindingCostBenchmarks) || c.Descriptor.Type == typeof(ReportCostBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
