using System.Globalization;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes;

/// <summary>HotSpot's syntax for the memory flags (<c>arguments.cpp</c>: <c>atojulong</c>, <c>set_fp_numeric_flag</c>).</summary>
public static class JvmFlagSyntax
{
    private static readonly (string Prefix, JvmFlagKind Kind, long Scale)[] Sizes =
    [
        ("-Xmx", JvmFlagKind.MaxHeapSize, 1), ("-Xms", JvmFlagKind.InitialHeapSize, 1), ("-Xss", JvmFlagKind.ThreadStackSize, 1),
        ("-XX:MaxHeapSize=", JvmFlagKind.MaxHeapSize, 1), ("-XX:InitialHeapSize=", JvmFlagKind.InitialHeapSize, 1),
        ("-XX:ThreadStackSize=", JvmFlagKind.ThreadStackSize, 1024), ("-XX:MaxRAM=", JvmFlagKind.MaxRam, 1),
        ("-XX:MaxMetaspaceSize=", JvmFlagKind.MaxMetaspaceSize, 1), ("-XX:ReservedCodeCacheSize=", JvmFlagKind.ReservedCodeCacheSize, 1),
        ("-XX:MaxDirectMemorySize=", JvmFlagKind.MaxDirectMemorySize, 1),
    ];

    private static readonly (string Name, JvmFlagKind Kind)[] Numbers =
    [
        ("MaxRAMPercentage", JvmFlagKind.MaxRamPercentage), ("MinRAMPercentage", JvmFlagKind.MinRamPercentage),
        ("InitialRAMPercentage", JvmFlagKind.InitialRamPercentage), ("ActiveProcessorCount", JvmFlagKind.ActiveProcessorCount),
        ("MaxRAMFraction", JvmFlagKind.MaxRamFraction), ("MinRAMFraction", JvmFlagKind.MinRamFraction),
        ("InitialRAMFraction", JvmFlagKind.InitialRamFraction),
    ];

    private static readonly (string Name, JvmFlagKind Kind)[] Booleans =
    [
        ("UseContainerSupport", JvmFlagKind.UseContainerSupport), ("TieredCompilation", JvmFlagKind.TieredCompilation),
        ("UseCGroupMemoryLimitForHeap", JvmFlagKind.UseCGroupMemoryLimitForHeap), ("UseCompressedOops", JvmFlagKind.UseCompressedOops),
        ("UseSerialGC", JvmFlagKind.UseSerialGC), ("UseParallelGC", JvmFlagKind.UseParallelGC), ("UseG1GC", JvmFlagKind.UseG1GC),
        ("UseZGC", JvmFlagKind.UseZGC), ("UseShenandoahGC", JvmFlagKind.UseShenandoahGC),
    ];

    /// <summary>
    /// A size as HotSpot reads it: decimal or 0x-hex digits, then at most one of k K m M g G t T (binary units),
    /// nothing else. So <c>512m</c>, <c>2G</c>, <c>1073741824</c> are valid and <c>512MB</c>, <c>2Gi</c>, <c>1.5g</c> are not.
    /// </summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var digits = hex ? 2 : 0;
        while (digits < text.Length && (hex ? char.IsAsciiHexDigit(text[digits]) : char.IsAsciiDigit(text[digits])))
        {
            digits++;
        }

        var suffix = text[digits..];
        var shift = suffix switch { "" => 0, "k" or "K" => 10, "m" or "M" => 20, "g" or "G" => 30, "t" or "T" => 40, _ => -1 };
        if (digits == (hex ? 2 : 0) || shift < 0
            || !ulong.TryParse(text.AsSpan(hex ? 2 : 0, digits - (hex ? 2 : 0)), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n > (ulong)long.MaxValue >> shift)
        {
            return false;
        }

        bytes = (long)(n << shift);
        return true;
    }

    /// <summary>
    /// HotSpot's splitting of an options variable (<c>Arguments::parse_options_buffer</c>): words separated by
    /// white space, a single- or double-quoted run kept whole without its quotes, no escapes. An unmatched quote
    /// stops the JVM ("Unmatched quote in ..."): null.
    /// </summary>
    public static IReadOnlyList<string>? SplitOptions(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c is '\'' or '"')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return null;
                }

                word.Append(text, i + 1, close - i - 1);
                i = close;
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>The memory-relevant flag a JVM option sets, or null for any other option.</summary>
    public static JvmFlag? Parse(string option, JvmOptionSource source, YamlNode? writtenAt = null, string? variable = null)
    {
        foreach (var (prefix, kind, scale) in Sizes)
        {
            if (option.StartsWith(prefix, StringComparison.Ordinal))
            {
                var ok = TryParseSize(option[prefix.Length..], out var bytes) && bytes <= long.MaxValue / scale;
                return new JvmFlag(kind, option, source, writtenAt, variable) { Bytes = ok ? bytes * scale : null };
            }
        }

        if (!option.StartsWith("-XX:", StringComparison.Ordinal))
        {
            return null;
        }

        var body = option[4..];
        foreach (var (name, kind) in Numbers)
        {
            if (body.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return new JvmFlag(kind, option, source, writtenAt, variable) { Number = Number(kind, body[(name.Length + 1)..]) };
            }
        }

        foreach (var (name, kind) in Booleans)
        {
            if (body.Length > 1 && body[1..] == name && body[0] is '+' or '-')
            {
                return new JvmFlag(kind, option, source, writtenAt, variable) { Enabled = body[0] == '+' };
            }
        }

        return null;
    }

    // Percentages are doubles in 0..100 (strtod, the whole value); ActiveProcessorCount is a positive int; the
    // deprecated RAM fractions are positive integers (uint64_t flags, range 1..max_uintx).
    private static double? Number(JvmFlagKind kind, string text)
    {
        if (kind == JvmFlagKind.ActiveProcessorCount)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;
        }

        if (kind is JvmFlagKind.MaxRamFraction or JvmFlagKind.MinRamFraction or JvmFlagKind.InitialRamFraction)
        {
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fraction) && fraction > 0 ? fraction : null;
        }

        return text.Length > 0 && !char.IsWhiteSpace(text[0])
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
            ? value
            : null;
    }
}
