namespace ManifestLint.Model.Runtimes;

/// <summary>How the Go runtime reads a <c>GOMEMLIMIT</c> value (Go 1.19+).</summary>
public enum GoMemLimitState
{
    /// <summary>Unset, empty or exactly <c>off</c>: no limit (math.MaxInt64).</summary>
    Off,

    /// <summary>A byte count.</summary>
    Set,

    /// <summary>Anything else: the runtime throws "malformed GOMEMLIMIT" before <c>main</c>.</summary>
    Malformed,
}

/// <summary>
/// <c>GOMEMLIMIT</c> exactly as the Go runtime reads it (<c>readGOMEMLIMIT</c> in <c>mgcpacer.go</c>,
/// <c>parseByteCount</c> in <c>string.go</c>): <c>^[0-9]+(([KMGT]i)?B)?$</c>, binary units, case-sensitive.
/// </summary>
public static class GoMemLimit
{
    public static GoMemLimitState Read(string? value, out long bytes)
    {
        bytes = long.MaxValue;
        if (string.IsNullOrEmpty(value) || value == "off")
        {
            return GoMemLimitState.Off;
        }

        return TryParse(value, out bytes) ? GoMemLimitState.Set : GoMemLimitState.Malformed;
    }

    /// <summary>
    /// <c>parseByteCount</c>: digits, optionally followed by <c>B</c>, <c>KiB</c>, <c>MiB</c>, <c>GiB</c> or <c>TiB</c>.
    /// As in the runtime's <c>atoi64</c>, a leading <c>-</c> is read and only a negative result is refused, so
    /// <c>-0</c> is 0.
    /// </summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        if (text.Length == 0)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[^1]))
        {
            return Atoi64(text, out bytes);
        }

        if (text[^1] != 'B' || text.Length < 2)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[^2]))
        {
            return Atoi64(text[..^1], out bytes);
        }

        var power = text.Length >= 4 && text[^2] == 'i' ? "KMGT".IndexOf(text[^3], StringComparison.Ordinal) + 1 : 0;
        if (power == 0 || !Atoi64(text[..^3], out var n) || (ulong)n > (ulong)long.MaxValue >> (10 * power))
        {
            return false;
        }

        bytes = n << (10 * power);
        return true;
    }

    /// <summary>A byte count in the syntax Go accepts, in whole MiB when at least 1 MiB: <c>921MiB</c>.</summary>
    public static string Format(long bytes) => bytes >= 1L << 20 ? $"{bytes >> 20}MiB" : $"{bytes}B";

    private static bool Atoi64(string s, out long value)
    {
        value = 0;
        var negative = s.StartsWith('-');
        var digits = negative ? s[1..] : s;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !ulong.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var magnitude))
        {
            return false;
        }

        if (magnitude > (ulong)long.MaxValue || (negative && magnitude != 0))
        {
            return false;
        }

        value = (long)magnitude;
        return true;
    }
}
