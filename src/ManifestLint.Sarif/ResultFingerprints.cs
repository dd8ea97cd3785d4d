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
    /// Numbers fingerprints as findings stream past, keeping 8 to 16 bytes per distinct key (the first 64 bits of its hash;
    /// two keys of a run share them with a chance of about n² / 2⁶⁵, 10⁻⁹ for a million findings) and a count only
    /// for the keys seen more than once, instead of every finding: a streamed report never holds all findings.
    /// </summary>
    public sealed class Counter
    {
        private readonly UInt64Set once = new();
        private readonly Dictionary<ulong, int> repeated = [];

        /// <summary>The fingerprint of the next finding in report order.</summary>
        public string Next(Diagnostic diagnostic)
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var key = diagnostic.FingerprintKey;
            var utf8 = Encoding.UTF8.GetMaxByteCount(key.Length) <= 512 ? stackalloc byte[512] : new byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(key, utf8)], hash);
            var hex = Convert.ToHexStringLower(hash);
            var id = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash);
            if (once.Add(id))
            {
                return hex;
            }

            var occurrence = repeated[id] = repeated.GetValueOrDefault(id, 1) + 1;
            return $"{hex}:{occurrence}";
        }
    }
}
