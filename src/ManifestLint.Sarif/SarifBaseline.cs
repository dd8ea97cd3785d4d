using System.Text.Json;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Sarif.Model;

namespace ManifestLint.Sarif;

/// <summary>The findings of a run marked against a baseline, and the baseline's results that are gone.</summary>
public sealed record BaselineComparison(AnalysisResult Result, IReadOnlyList<Result> Absent)
{
    public int NewCount => Result.Active.Count(d => d.BaselineState == BaselineState.New);

    public int UnchangedCount => Result.Active.Count(d => d.BaselineState == BaselineState.Unchanged);
}

/// <summary>
/// A previous run's SARIF log (<c>--baseline previous.sarif</c>, written by <c>manifestlint baseline write</c> or
/// <c>lint --format sarif</c>). Results are matched by their <c>manifestlint/v1</c> partial fingerprint, which holds no
/// line number, so findings survive line moves and reformatting: a match is <c>unchanged</c>, anything else
/// <c>new</c>, and a baseline result no longer reported is <c>absent</c>.
/// </summary>
public sealed class SarifBaseline
{
    private SarifBaseline(IReadOnlyList<Result> results) => Results = results;

    /// <summary>The baseline's results that carry a ManifestLint fingerprint, from every run of the log.</summary>
    public IReadOnlyList<Result> Results { get; }

    /// <summary>Reads a SARIF log; throws <see cref="InvalidDataException"/> with a readable reason when it is not one.</summary>
    public static SarifBaseline Read(Stream stream)
    {
        SarifLog? log;
        try
        {
            log = JsonSerializer.Deserialize(stream, SarifJsonContext.Default.SarifLog);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a SARIF 2.1.0 log: {e.Message}", e);
        }

        if (log is null || log.Version != SarifLog.SarifVersion)
        {
            throw new InvalidDataException($"not a SARIF {SarifLog.SarifVersion} log (version: {log?.Version ?? "none"}).");
        }

        return new SarifBaseline([.. log.Runs.SelectMany(r => r.Results).Where(r => Fingerprint(r) is not null && r.BaselineState != "absent")]);
    }

    /// <summary>
    /// Marks every finding <c>new</c> or <c>unchanged</c>; a baseline result matched by no reported finding (active
    /// ones, and suppressed ones when <paramref name="includeSuppressed"/>) is absent.
    /// </summary>
    public BaselineComparison Compare(AnalysisResult result, bool includeSuppressed)
    {
        var known = Results.Select(Fingerprint).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var fingerprints = ResultFingerprints.Compute(result);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        Diagnostic Mark(Diagnostic d, bool reported)
        {
            var fingerprint = fingerprints[d];
            var unchanged = known.Contains(fingerprint);
            if (unchanged && reported)
            {
                matched.Add(fingerprint);
            }

            return d with { BaselineState = unchanged ? BaselineState.Unchanged : BaselineState.New };
        }

        var marked = result with { Diagnostics = [.. result.Diagnostics.Select(d => Mark(d, reported: includeSuppressed || d.Suppression is null))] };
        var absent = Results.Where(r => Fingerprint(r) is { } f && !matched.Contains(f)).ToList();
        return new BaselineComparison(marked, absent);
    }

    private static string? Fingerprint(Result result) =>
        result.PartialFingerprints?.GetValueOrDefault(SarifWriter.FingerprintKey);
}
