using System.Globalization;

namespace ManifestLint.Engine.Rules.Common;

/// <summary>How runtime rules (JVM, Go, Node.js, Python) and the memory summary write sizes and percentages.</summary>
internal static class MemoryText
{
    private const long MiB = 1L << 20;

    /// <summary>Whole MiB as "1024 MiB", anything else rounded as "≈125 MiB".</summary>
    public static string MiBText(long bytes) =>
        bytes % MiB == 0 ? $"{bytes / MiB} MiB" : $"≈{Math.Round((decimal)bytes / MiB, MidpointRounding.AwayFromZero)} MiB";

    public static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
