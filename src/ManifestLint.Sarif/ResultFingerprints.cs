using System.Security.Cryptography;
using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Sarif;

/// <summary>
/// The <c>partialFingerprints</c> value of each finding: lowercase hex SHA-256 of its fingerprint key (rule, kind,
/// namespace, name, container and a rule-chosen detail, never a line number); the second and later findings with
/// the same key get ":2", ":3", ... in report order (the order of <see cref="AnalysisResult.Diagnostics"/>, which
/// is deterministic). Counted over active and suppressed findings together, so whether suppressed findings are
/// written never renumbers the others, and a baseline matches either way.
/// </summary>
public static class ResultFingerprints
{
    public static IReadOnlyDictionary<Diagnostic, string> Compute(AnalysisResult result)
    {
        var fingerprints = new Dictionary<Diagnostic, string>(ReferenceEqualityComparer.Instance);
        var counter = new Counter();
        foreach (var diagnostic in result.Diagnostics)
        {
            fingerprints[diagnostic] = counter.Next(diagnostic);
        }

        return fingerprints;
    }

    /// <summary>
    /// Numbers fingerprints as findings stream past, keeping 16 bytes per distinct key instead of every finding
    /// (a streamed report never holds all findings).
    /// </summary>
    public sealed class Counter
    {
        private readonly Dictionary<UInt128, int> seen = [];

        /// <summary>The fingerprint of the next finding in report order.</summary>
        public string Next(Diagnostic diagnostic)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(diagnostic.FingerprintKey));
            var key = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            var hex = Convert.ToHexStringLower(hash);
            return occurrence == 1 ? hex : $"{hex}:{occurrence}";
        }
    }
}
