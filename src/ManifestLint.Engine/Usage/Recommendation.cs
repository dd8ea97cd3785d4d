using System.Globalization;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Usage;

/// <summary>
/// The right-sizing the Usage rules' fixes and <c>usage report</c> recommend: request = p95, limit = p99 × (1 +
/// headroom), each rounded up to whole MiB (whole GiB from 16 GiB up), written in Gi when a whole number of GiB.
/// </summary>
public static class Recommendation
{
    private const double MiB = 1024 * 1024;
    private const double GiB = 1024 * MiB;

    /// <summary>From this size up a value is rounded up to whole GiB instead of MiB (at most 1/16 more).</summary>
    private const double WholeGibibytesFrom = 16 * GiB;

    /// <summary><paramref name="bytes"/> rounded up, as a manifest quantity (<c>410Mi</c>, <c>10Gi</c>, <c>25Gi</c>).</summary>
    public static string RoundUp(double bytes)
    {
        if (bytes >= WholeGibibytesFrom)
        {
            return $"{Math.Ceiling(bytes / GiB).ToString(CultureInfo.InvariantCulture)}Gi";
        }

        var mebibytes = Math.Max(1, Math.Ceiling(bytes / MiB));
        return mebibytes % 1024 == 0
            ? $"{(mebibytes / 1024).ToString(CultureInfo.InvariantCulture)}Gi"
            : $"{mebibytes.ToString(CultureInfo.InvariantCulture)}Mi";
    }

    /// <summary>The bytes of what <see cref="RoundUp"/> writes.</summary>
    public static double RoundedBytes(double bytes) => Quantity.TryParse(RoundUp(bytes), out var q, out _) ? (double)q.CeilingUnits : bytes;

    /// <summary>The limit before rounding: p99 (max when the source has no p99) × (1 + headroom); null when neither is known.</summary>
    public static double? Limit(ContainerUsage usage, decimal headroomPercent) =>
        (usage.P99 ?? usage.Max) is { } basis ? basis * (1 + ((double)headroomPercent / 100)) : null;

    /// <summary>Bytes as messages and reports show them: "612 MiB", "1.5 GiB".</summary>
    public static string Size(double bytes) => bytes >= GiB
        ? $"{(bytes / GiB).ToString("0.##", CultureInfo.InvariantCulture)} GiB"
        : $"{(bytes / MiB).ToString(bytes >= 100 * MiB ? "0" : "0.#", CultureInfo.InvariantCulture)} MiB";
}
