using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>
/// For <see cref="FindingCostBenchmarks"/>: (mean with every rule on − mean with every rule off, same format) over the
/// findings of the sample, in µs. Computed in the host process, which lints the sample once to count the findings.
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

    public string Legend => $"(rules on − rules off) / findings of the sample ({FindingCostSample.Files} finding-heavy files)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        string Parameter(BenchmarkCase c, string name) => c.Parameters[name]?.ToString() ?? string.Empty;
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

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(FindingCostBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
