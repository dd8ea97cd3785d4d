using System.Security.Cryptography;
using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Sarif;

/// <summary>
/// The <c>partialFingerprints</c> value of each finding: lowercase hex SHA-256 of its fingerprint key (rule, kind,
/// namespace, name, container and a rule-chosen detail, never a line number); the second and later findings with
/// the same key get ":2", ":3", ... in report order. Counted over active and suppressed findings together, so
/// whether suppressed findings are written never renumbers the others, and a baseline matches either way.
/// </summary>
public static class ResultFingerprints
{
    public static IReadOnlyDictionary<Diagnostic, string> Compute(AnalysisResult result)
    {
        var fingerprints = new Dictionary<Diagnostic, string>(ReferenceEqualityComparer.Instance);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in AnalysisResult.Sort(result.Diagnostics))
        {
            var occurrence = seen[diagnostic.FingerprintKey] = seen.GetValueOrDefault(diagnostic.FingerprintKey) + 1;
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(diagnostic.FingerprintKey)));
            fingerprints[diagnostic] = occurrence == 1 ? hash : $"{hash}:{occurrence}";
        }

        return fingerprints;
    }
}
