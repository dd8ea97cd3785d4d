using System.Globalization;

namespace ManifestLint.Model.Kubernetes;

/// <summary>Human-readable sizes for messages about memory, e.g. "1.5 GiB" or "512 bytes".</summary>
public static class ByteSize
{
    private const long NanosPerByte = 1_000_000_000;

    private static readonly string[] Units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>
    /// Formats <paramref name="q"/> as bytes in the largest binary unit in which it is at least 1, with up to
    /// two decimals (rounded half away from zero, trailing zeros trimmed, invariant culture). A value that
    /// rounds up to 1024 of a unit is shown as 1 of the next. A non-zero value below one byte keeps its
    /// exact digits, e.g. "0.512 bytes" for 512m, and exactly one byte is "1 byte".
    /// </summary>
    public static string Format(Quantity q)
    {
        var sign = q.NanoUnits < 0 ? "-" : string.Empty;
        var nanos = Int128.Abs(q.NanoUnits);

        var unit = 0;
        while (unit < Units.Length - 1 && nanos >= Divisor(unit + 1))
        {
            unit++;
        }

        // Divide in Int128 first so that even a sum beyond decimal's range converts without overflow.
        var (whole, remainder) = Int128.DivRem(nanos, Divisor(unit));
        var value = Math.Round((decimal)whole + ((decimal)remainder / (decimal)Divisor(unit)), 2, MidpointRounding.AwayFromZero);
        if (value == 1024 && unit < Units.Length - 1)
        {
            (value, unit) = (1, unit + 1);
        }

        // Below one byte (the 512m mistake) the exact fraction is the point of the message: "0.512 bytes".
        if (nanos < NanosPerByte && nanos != 0)
        {
            value = (decimal)nanos / NanosPerByte;
        }

        var number = value.ToString("0.#########", CultureInfo.InvariantCulture);
        return $"{sign}{number} {(unit == 0 && value == 1 ? "byte" : Units[unit])}";
    }

    private static Int128 Divisor(int unit) => (Int128)NanosPerByte << (10 * unit);
}
