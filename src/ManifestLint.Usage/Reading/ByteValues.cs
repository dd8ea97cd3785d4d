using System.Globalization;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Usage.Reading;

/// <summary>A size in a CSV cell or a VPA recommendation: bytes as a number (<c>536870912</c>, <c>5.3e8</c>) or a Kubernetes quantity (<c>512Mi</c>).</summary>
internal static class ByteValues
{
    /// <returns>The bytes, or null with <paramref name="problem"/> set when the text is not a usable size.</returns>
    public static double? Parse(string text, out string? problem)
    {
        problem = null;
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (!double.IsFinite(number) || number < 0)
            {
                problem = $"{text} is not a size (NaN, infinite or negative)";
                return null;
            }

            return number;
        }

        if (Quantity.TryParse(text, out var quantity, out _))
        {
            if (quantity < default(Quantity))
            {
                problem = $"{text} is negative";
                return null;
            }

            return (double)quantity.CeilingUnits;
        }

        problem = $"\"{text}\" is neither a number of bytes nor a quantity such as 512Mi";
        return null;
    }
}
