using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif.Model;

namespace ManifestLint.Sarif;

/// <summary>
/// Collects a streamed run's findings for its SARIF log in bounded memory: fingerprints are numbered as findings
/// pass (<see cref="ResultFingerprints.Counter"/>), and only the <see cref="SarifLimits.MaxResults"/> most severe are
/// kept (errors, then warnings, then notes; the earlier within a level), in a heap that drops the least severe, latest
/// finding when full. The log then holds them in report order, and its byte cap still applies
/// (<see cref="SarifLimits"/>). Without limits, every finding is kept.
/// </summary>
public sealed class SarifCollector(SarifOptions options)
{
    private readonly ResultFingerprints.Counter fingerprints = new();
    private readonly PriorityQueue<(Diagnostic Diagnostic, string Fingerprint, long Order), (int Rank, long Order)> kept = new();
    private readonly int capacity = options.Limits?.MaxResults ?? int.MaxValue;
    private long order;
    private int total;

    /// <summary>The next finding in report order; suppressed ones count for fingerprints, and are kept only with <see cref="SarifOptions.IncludeSuppressed"/>.</summary>
    public void Add(Diagnostic diagnostic)
    {
        var fingerprint = fingerprints.Next(diagnostic);
        if (diagnostic.Suppression is not null && !options.IncludeSuppressed)
        {
            return;
        }

        total++;
        var rank = SarifLimits.Rank(diagnostic.Severity.ToName());

        // The queue dequeues its smallest priority: the least severe, latest finding is the first to go.
        kept.Enqueue((diagnostic, fingerprint, order), (-rank, -order));
        order++;
        if (kept.Count > capacity)
        {
            kept.Dequeue();
        }
    }

    /// <summary>The log of what was kept, saying how many results were left out.</summary>
    public SarifLog Build(RuleCatalog catalog, bool executionSuccessful = true)
    {
        var results = kept.UnorderedItems.Select(i => i.Element).OrderBy(e => e.Order).ToList();
        var byDiagnostic = new Dictionary<Diagnostic, string>(ReferenceEqualityComparer.Instance);
        foreach (var (diagnostic, fingerprint, _) in results)
        {
            byDiagnostic[diagnostic] = fingerprint;
        }

        return SarifWriter.Build([.. results.Select(e => e.Diagnostic)], d => byDiagnostic[d], catalog, options, executionSuccessful, total - results.Count);
    }
}
