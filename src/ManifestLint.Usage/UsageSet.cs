using System.Buffers;
using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Usage;
using ManifestLint.Usage.Mapping;
using ManifestLint.Usage.Reading;

namespace ManifestLint.Usage;

/// <summary>
/// The usage files of a run (<c>--usage</c>, <c>usage:</c>), read once: matrix series, quantile vectors, VPA
/// recommendations and CSV rows. Each run maps them onto its own workloads (<see cref="Match"/>).
/// </summary>
public sealed class UsageSet : UsageSource
{
    private readonly UsageRecords records;
    private readonly SearchValues<string> names;

    private UsageSet(UsageRecords records, IReadOnlyList<string> files)
    {
        this.records = records;
        Files = files;
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in records.Series)
        {
            candidates.UnionWith(PodOwners.Candidates(series.Pod).Select(c => c.Name));
        }

        foreach (var quantile in records.Quantiles)
        {
            candidates.UnionWith(PodOwners.Candidates(quantile.Pod).Select(c => c.Name));
        }

        candidates.UnionWith(records.Figures.Select(f => f.Name));
        names = SearchValues.Create([.. candidates], StringComparison.Ordinal);
        HasData = candidates.Count > 0;
    }

    /// <summary>The files, as the user named them.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Whether any file held a usable series, quantile or row.</summary>
    public bool HasData { get; }

    /// <summary>The series read from range queries.</summary>
    public int SeriesCount => records.Series.Count;

    /// <summary>The usable samples of those series.</summary>
    public long SampleCount => records.Series.Sum(s => (long)s.Values.Length);

    /// <summary>The match of the last run (what <c>usage report</c> reads); null before any run.</summary>
    public UsageMatch? LastMatch { get; private set; }

    /// <summary>Reads every file; throws <see cref="UsageFileException"/> at the first that is unreadable or not a usage export.</summary>
    public static UsageSet Load(IReadOnlyList<UsageFile> files)
    {
        var records = new UsageRecords();
        foreach (var file in files)
        {
            UsageFileReader.Read(file, records);
        }

        return new UsageSet(records, files.Select(f => f.Path).ToList());
    }

    /// <summary>Usage data from text (tests, rule page examples): the format is detected as for a file.</summary>
    public static UsageSet FromText(string path, string text, string? role = null)
    {
        var records = new UsageRecords();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        UsageFileReader.Read(stream, path, role, records);
        return new UsageSet(records, [path]);
    }

    public override bool MayName(string documentText) => documentText.AsSpan().ContainsAny(names);

    public override UsageScan BeginScan(int files) => new CandidateTextScan(records, files, match => LastMatch = match);

    public override UsageMatch Match(IReadOnlySet<WorkloadId> workloads)
    {
        var match = new MatchedUsage(records, workloads);
        LastMatch = match;
        return match;
    }
}
