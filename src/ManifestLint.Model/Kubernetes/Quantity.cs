using System.Globalization;
using System.Numerics;

namespace ManifestLint.Model.Kubernetes;

/// <summary>
/// A Kubernetes <c>resource.Quantity</c> (k8s.io/apimachinery <c>pkg/api/resource</c>), held as an exact
/// value in nano-units: 1e-9 of the base unit (bytes for memory, cores for cpu).
/// </summary>
/// <remarks>
/// Nano precision is exactly what <c>ParseQuantity</c> keeps, so every parsed quantity is represented
/// without loss. The suffix family the value was written in is not kept; see <see cref="ToCanonicalString"/>.
/// </remarks>
public readonly record struct Quantity(Int128 NanoUnits) : IComparable<Quantity>
{
    private const long NanosPerUnit = 1_000_000_000;

    // The regular expression that quantity.go (ErrFormatWrong) reports on a malformed quantity.
    private const string KubernetesPattern = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

    // Deliberately stricter than quantity.go: ParseQuantity silently caps a binarySI value at 2^63-1 and
    // does not cap a decimal one, but nothing downstream (Value(), kubelet, cgroups) can use more than an
    // int64 of units, so a larger value is reported instead of being clamped.
    private static readonly Int128 MaxNanos = (Int128)long.MaxValue * NanosPerUnit;
    private const string TooLarge = "it exceeds the largest quantity Kubernetes can represent (2^63-1)";

    // suffix.go: Ki..Ei are 2^10..2^60.
    private static readonly string[] BinarySuffixes = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>The value rounded up, away from zero, to whole units, as <c>Quantity.Value()</c> does.</summary>
    public Int128 CeilingUnits
    {
        get
        {
            var units = Int128.DivRem(NanoUnits, NanosPerUnit);
            return units.Remainder > 0 ? units.Quotient + 1
                : units.Remainder < 0 ? units.Quotient - 1
                : units.Quotient;
        }
    }

    public bool IsZero => NanoUnits == 0;

    /// <summary>True when the value is not a whole number of units, e.g. <c>512m</c> of memory is 0.512 bytes.</summary>
    public bool HasFractionalUnits => NanoUnits % NanosPerUnit != 0;

    public static Quantity FromUnits(long units) => new((Int128)units * NanosPerUnit);

    /// <summary>
    /// Parses <paramref name="text"/> as the API server would decode it from JSON or YAML:
    /// surrounding whitespace is trimmed first (<c>Quantity.UnmarshalJSON</c>), then the rest must be
    /// <c>&lt;signedNumber&gt;&lt;suffix&gt;</c> exactly, as <c>ParseQuantity</c> requires.
    /// </summary>
    /// <param name="text">The quantity as written, e.g. <c>512Mi</c>; null counts as empty.</param>
    /// <param name="value">The parsed quantity, or zero on failure.</param>
    /// <param name="error">On failure, a sentence for the user naming the text and what is wrong; otherwise empty.</param>
    public static bool TryParse(string? text, out Quantity value, out string error)
    {
        var s = (text ?? string.Empty).Trim();
        if (Parse(s, out var nanos) is { } reason)
        {
            value = default;
            error = $"'{s}' is not a valid quantity: {reason}.";
            return false;
        }

        value = new Quantity(nanos);
        error = string.Empty;
        return true;
    }

    public static Quantity Max(Quantity a, Quantity b) => a >= b ? a : b;

    public static Quantity operator +(Quantity a, Quantity b) => new(checked(a.NanoUnits + b.NanoUnits));

    public static Quantity operator -(Quantity a, Quantity b) => new(checked(a.NanoUnits - b.NanoUnits));

    public static bool operator <(Quantity a, Quantity b) => a.NanoUnits < b.NanoUnits;

    public static bool operator >(Quantity a, Quantity b) => a.NanoUnits > b.NanoUnits;

    public static bool operator <=(Quantity a, Quantity b) => a.NanoUnits <= b.NanoUnits;

    public static bool operator >=(Quantity a, Quantity b) => a.NanoUnits >= b.NanoUnits;

    public int CompareTo(Quantity other) => NanoUnits.CompareTo(other.NanoUnits);

    /// <summary>
    /// The canonical form the API server re-emits (<c>Quantity.String()</c>): no fractional digits, the largest
    /// exact suffix, "0" for zero and a sign only when negative.
    /// </summary>
    /// <remarks>
    /// Simplification: Kubernetes keeps the suffix family a value was written in, and this type does not.
    /// The binary form (Ki..Ei) is used when the value is a whole number of units, at least 1024 and divisible
    /// by 1024, and its text is no longer than the decimal form; otherwise the decimal form (n..E) is used.
    /// So <c>1.5Gi</c> gives <c>1536Mi</c> and <c>1000</c> gives <c>1k</c> as in Kubernetes, but <c>1024</c> gives
    /// <c>1Ki</c> (Kubernetes: <c>1024</c>), <c>1000Ki</c> gives <c>1024k</c> (Kubernetes: <c>1000Ki</c>) and the
    /// exponent form <c>1e3</c> gives <c>1k</c> (Kubernetes: <c>1e3</c>). The length test keeps decimal values
    /// that happen to be divisible by 1024, such as <c>4G</c> or <c>512M</c>, in their familiar form.
    /// </remarks>
    public string ToCanonicalString()
    {
        if (NanoUnits == 0)
        {
            return "0";
        }

        var sign = NanoUnits < 0 ? "-" : string.Empty;
        var magnitude = Int128.Abs(NanoUnits);

        // Decimal (quantity.go CanonicalizeBytes with DecimalSI): strip factors of 1000 up to E (10^18).
        var mantissa = magnitude;
        var exponent = -9;
        while (mantissa % 1000 == 0 && exponent < 18)
        {
            mantissa /= 1000;
            exponent += 3;
        }

        var text = mantissa.ToString(CultureInfo.InvariantCulture) + DecimalSuffix(exponent);

        // Binary (BinarySI): quantity.go falls back to DecimalSI below 1024 or for a fractional value.
        var units = magnitude / NanosPerUnit;
        if (magnitude % NanosPerUnit == 0 && units % 1024 == 0)
        {
            var power = 0;
            while (units % 1024 == 0 && power < BinarySuffixes.Length)
            {
                units /= 1024;
                power++;
            }

            var binary = units.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[power - 1];
            if (binary.Length <= text.Length)
            {
                text = binary;
            }
        }

        return sign + text;
    }

    public override string ToString() => ToCanonicalString();

    private static string DecimalSuffix(int exponent) => exponent switch
    {
        -9 => "n", -6 => "u", -3 => "m", 0 => "", 3 => "k", 6 => "M", 9 => "G", 12 => "T", 15 => "P", _ => "E",
    };

    // Returns null on success, else the reason (without the leading "'x' is not a valid quantity").
    private static string? Parse(string s, out Int128 nanos)
    {
        nanos = 0;
        if (s.Length == 0)
        {
            return "the value is empty";
        }

        if (s.Any(char.IsWhiteSpace))
        {
            return "it must not contain spaces (write the number and its suffix together, e.g. 1Gi)";
        }

        // quantity.go parseQuantityString: optional sign, integer digits, optional '.' and fraction digits.
        var pos = s[0] is '+' or '-' ? 1 : 0;
        var negative = s[0] == '-';
        var intStart = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            pos++;
        }

        var intDigits = s[intStart..pos];
        var fracDigits = string.Empty;
        if (pos < s.Length && s[pos] == '.')
        {
            var fracStart = ++pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }

            fracDigits = s[fracStart..pos];
        }

        // Deliberately stricter than quantity.go, whose scanner turns a number without digits ("." "-" "k")
        // into 0; the grammar in its type comment has no such <number>, and in a manifest it is a mistake.
        if (intDigits.Length + fracDigits.Length == 0)
        {
            return "it has no digits (write a number such as 1, 0.5 or 1.5 before any suffix)";
        }

        var suffix = s[pos..];
        if (!TryInterpretSuffix(suffix, out var exp10, out var exp2))
        {
            return !IsSuffixShaped(suffix)
                ? $"Kubernetes expects a number directly followed by an optional suffix, matching '{KubernetesPattern}'"
                : suffix.Length > 1 && suffix[0] is 'e' or 'E' && suffix[1..].TrimStart('+', '-').All(char.IsAsciiDigit)
                    ? $"'{suffix}' is not a valid exponent (write e.g. 1e3 or 1e-3; the exponent must fit in 64 bits)"
                    : $"'{suffix}' is not a suffix Kubernetes accepts (use Ki, Mi, Gi for binary or k, M, G for decimal)";
        }

        var digits = (intDigits + fracDigits).TrimStart('0');
        if (digits.Length == 0)
        {
            return null;
        }

        // value = digits * 10^(exp10 - fracDigits) * 2^exp2 units = digits * 2^exp2 * 10^k nanos.
        var k = (Int128)exp10 - fracDigits.Length + 9;
        if (digits.Length - 1 + k > 28)
        {
            return TooLarge;
        }

        BigInteger magnitude;
        if (digits.Length + k + 19 <= 0)
        {
            // Below 1n even with the largest binary factor (2^60 < 10^19): ParseQuantity rounds
            // non-zero values up to the minimum representable value, 1n.
            magnitude = BigInteger.One;
        }
        else
        {
            var scaled = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) << exp2;
            if (k >= 0)
            {
                magnitude = scaled * BigInteger.Pow(10, (int)k);
            }
            else
            {
                // More than nine fractional digits: round up, away from zero, to nano (inf.RoundUp in ParseQuantity).
                var divisor = BigInteger.Pow(10, (int)-k);
                magnitude = BigInteger.DivRem(scaled, divisor, out var remainder) + (remainder.IsZero ? 0 : 1);
            }
        }

        if (magnitude > MaxNanos)
        {
            return TooLarge;
        }

        nanos = negative ? -(Int128)magnitude : (Int128)magnitude;
        return null;
    }

    // suffix.go: the decimal table is consulted first (so "E" is exa), then the binary table, and only
    // then "e<n>"/"E<n>" as a base-10 exponent parsed with strconv.ParseInt (optional sign, 64 bits).
    private static bool TryInterpretSuffix(string suffix, out long exp10, out int exp2)
    {
        exp2 = 0;
        long? dec = suffix switch
        {
            "" => 0, "n" => -9, "u" => -6, "m" => -3, "k" => 3, "M" => 6, "G" => 9, "T" => 12, "P" => 15, "E" => 18,
            _ => null,
        };
        exp10 = dec ?? 0;
        if (dec is not null)
        {
            return true;
        }

        var binary = Array.IndexOf(BinarySuffixes, suffix);
        if (binary >= 0)
        {
            exp2 = 10 * (binary + 1);
            return true;
        }

        return suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && long.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exp10);
    }

    // The shape of the suffix half of KubernetesPattern, letters*[-+]?[0-9]*, but with any letters: an
    // unknown letter ("KB", "gi") is reported as an unknown suffix, the likelier mistake than a bad number.
    private static bool IsSuffixShaped(string suffix)
    {
        var i = 0;
        while (i < suffix.Length && char.IsAsciiLetter(suffix[i]))
        {
            i++;
        }

        if (i < suffix.Length && suffix[i] is '+' or '-')
        {
            i++;
        }

        while (i < suffix.Length && char.IsAsciiDigit(suffix[i]))
        {
            i++;
        }

        return i == suffix.Length;
    }
}
