using System.Globalization;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// <c>GOGC</c> as the Go runtime reads it (<c>readGOGC</c> in <c>mgcpacer.go</c>): exactly <c>off</c> disables the GC,
/// an integer is the percentage (a negative one also disables it, as <c>SetGCPercent</c> does), and anything else,
/// <c>OFF</c> and <c>100%</c> included, silently means the default 100.
/// </summary>
public static class GoGc
{
    public const int Default = 100;

    /// <summary>The GC percentage, or null when the GC is off.</summary>
    public static int? Read(string? value)
    {
        if (value == "off")
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent)
            ? percent < 0 ? null : percent
            : Default;
    }
}
