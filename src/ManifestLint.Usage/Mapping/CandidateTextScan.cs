using System.Buffers;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Usage;
using ManifestLint.Usage.Reading;

namespace ManifestLint.Usage.Mapping;

/// <summary>
/// Finds which workload each pod's data belongs to from the input files' text, parsing only the files the text cannot
/// decide. A document that defines a workload holds its kind and its name as written text (YAML and JSON can only
/// hide them behind escape sequences, which need a backslash), so a candidate workload (<see cref="PodOwners"/>)
/// whose kind and name no file's text holds both of is certainly absent. When at most one candidate of a pod is left,
/// nothing needs parsing: the pod goes to that workload, and the run confirms it when it analyses it
/// (<see cref="MatchedUsage"/>: if it never does, the data matched nothing). Only the files whose text may define a
/// second candidate of one pod, CSV or VPA rows (matched by namespace and name alone), and files with a backslash
/// are parsed, as before this scan existed. The result is the same match as with every workload of the input known.
/// </summary>
internal sealed class CandidateTextScan : UsageScan
{
    private readonly UsageRecords records;
    private readonly SearchValues<string> names;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> nameLookup;
    private readonly int[] lengths;
    private readonly string[] kinds;
    private readonly Dictionary<string, List<int>> kindsOfName = new(StringComparer.Ordinal);
    private readonly List<List<WorkloadId>> podCandidates = [];
    private readonly FileText?[] files;

    private readonly Action<MatchedUsage> onMatch;

    public CandidateTextScan(UsageRecords records, int files, Action<MatchedUsage> onMatch)
    {
        this.onMatch = onMatch;
        this.records = records;
        this.files = new FileText?[files];
        var kindIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pod in records.Series.Select(s => s.Pod).Concat(records.Quantiles.Select(q => q.Pod)))
        {
            var candidates = PodOwners.Candidates(pod).Select(c => new WorkloadId(pod.Namespace, c.Kind, c.Name)).ToList();
            podCandidates.Add(candidates);
            foreach (var candidate in candidates)
            {
                if (!kindIndex.TryGetValue(candidate.Kind, out var kind))
                {
                    kindIndex[candidate.Kind] = kind = kindIndex.Count;
                }

                if (!kindsOfName.TryGetValue(candidate.Name, out var of))
                {
                    kindsOfName[candidate.Name] = of = [];
                }

                if (!of.Contains(kind))
                {
                    of.Add(kind);
                }
            }
        }

        foreach (var figures in records.Figures)
        {
            kindsOfName.TryAdd(figures.Name, []);
        }

        kinds = [.. kindIndex.OrderBy(k => k.Value).Select(k => k.Key)];
        var nameSet = new HashSet<string>(kindsOfName.Keys.Where(n => n.Length > 0), StringComparer.Ordinal);
        names = SearchValues.Create([.. nameSet], StringComparison.Ordinal);
        nameLookup = nameSet.GetAlternateLookup<ReadOnlySpan<char>>();
        lengths = [.. nameSet.Select(n => n.Length).Distinct().Order()];
    }

    public override void See(int file, string text)
    {
        var span = text.AsSpan();
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var at = 0; at < span.Length;)
        {
            var next = span[at..].IndexOfAny(names);
            if (next < 0)
            {
                break;
            }

            var start = at + next;
            foreach (var length in lengths)
            {
                if (start + length > span.Length)
                {
                    break;
                }

                if (nameLookup.TryGetValue(span.Slice(start, length), out var name))
                {
                    found.Add(name);
                }
            }

            at = start + 1;
        }

        var holds = new bool[kinds.Length];
        for (var k = 0; k < kinds.Length; k++)
        {
            holds[k] = found.Count > 0 && text.Contains(kinds[k], StringComparison.Ordinal);
        }

        files[file] = new FileText([.. found], holds, Opaque: text.Contains('\\', StringComparison.Ordinal));
    }

    public override UsageMatch Match(Func<IReadOnlyList<int>, IReadOnlySet<WorkloadId>> parse)
    {
        // Files with a backslash may spell a kind or a name with escapes: their workloads are taken from their model.
        var opaque = Enumerable.Range(0, files.Length).Where(i => files[i] is { Opaque: true }).ToList();
        var exact = new HashSet<WorkloadId>(opaque.Count > 0 ? parse(opaque) : []);

        // (kind, name) pairs that one other file's text holds both of.
        var possible = new HashSet<(string Kind, string Name)>();
        foreach (var file in files)
        {
            if (file is null or { Opaque: true })
            {
                continue;
            }

            foreach (var name in file.Names)
            {
                foreach (var kind in kindsOfName[name])
                {
                    if (file.Kinds[kind])
                    {
                        possible.Add((kinds[kind], name));
                    }
                }
            }
        }

        // CSV and VPA rows match by namespace and name (any kind): their names are always decided by parsing.
        var parsed = new HashSet<string>(records.Figures.Select(f => f.Name), StringComparer.Ordinal);
        var single = new List<WorkloadId>();
        foreach (var candidates in podCandidates)
        {
            var left = candidates.Where(c => exact.Contains(c) || possible.Contains((c.Kind, c.Name))).Distinct().ToList();
            if (left.Count > 1)
            {
                parsed.UnionWith(left.Where(c => !exact.Contains(c)).Select(c => c.Name));
            }
            else if (left.Count == 1 && !exact.Contains(left[0]))
            {
                single.Add(left[0]);
            }
        }

        var rest = Enumerable.Range(0, files.Length).Where(i => files[i] is { Opaque: false } file && file.Names.Any(parsed.Contains)).ToList();
        if (rest.Count > 0)
        {
            exact.UnionWith(parse(rest));
        }

        // A name parsed for another pod is known exactly; the others are taken as present until the run confirms them.
        var assumed = single.Where(c => !parsed.Contains(c.Name)).ToHashSet();
        var workloads = new HashSet<WorkloadId>(exact);
        workloads.UnionWith(assumed);
        var match = new MatchedUsage(records, workloads, assumed);
        onMatch(match);
        return match;
    }

    /// <summary>What one file's text holds: the candidate names, which candidate kinds, and whether it has a backslash.</summary>
    private sealed record FileText(string[] Names, bool[] Kinds, bool Opaque);
}
