using System.Globalization;
using ManifestLint.Model.Kubernetes;
using Xunit;

namespace ManifestLint.Tests.Model;

public class QuantityTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1000000000")]
    [InlineData("1.5", "1500000000")]
    [InlineData("1.", "1000000000")]
    [InlineData(".5", "500000000")]
    [InlineData("+1", "1000000000")]
    [InlineData("-1", "-1000000000")]
    [InlineData("-0", "0")]
    [InlineData("007", "7000000000")]
    [InlineData("512", "512000000000")]
    [InlineData("512m", "512000000")]
    [InlineData("0.5", "500000000")]
    [InlineData("0.1m", "100000")]
    [InlineData("5n", "5")]
    [InlineData("4u", "4000")]
    [InlineData("8k", "8000000000000")]
    [InlineData("100M", "100000000000000000")]
    [InlineData("6G", "6000000000000000000")]
    [InlineData("5T", "5000000000000000000000")]
    [InlineData("2P", "2000000000000000000000000")]
    [InlineData("1E", "1000000000000000000000000000")]
    [InlineData("1Ki", "1024000000000")]
    [InlineData("7Mi", "7340032000000000")]
    [InlineData("1.5Gi", "1610612736000000000")]
    [InlineData("5Ti", "5497558138880000000000")]
    [InlineData("4Pi", "4503599627370496000000000")]
    [InlineData("5Ei", "5764607523034234880000000000")]
    [InlineData("1e3", "1000000000000")]
    [InlineData("1E3", "1000000000000")]
    [InlineData("1e-3", "1000000")]
    [InlineData("1.3E+6", "1300000000000000")]
    [InlineData("0.5e-1", "50000000")]
    [InlineData("0e99999", "0")]
    [InlineData("1.G", "1000000000000000000")]
    [InlineData("100.035Ki", "102435840000000")]
    [InlineData("0.5Mi", "524288000000000")]
    [InlineData(".001Ki", "1024000000")]
    [InlineData("0Gi", "0")]
    public void ValidText_ParsesToExactNanoUnits(string text, string expectedNanos)
    {
        Assert.True(Quantity.TryParse(text, out var quantity, out var error), error);
        Assert.Equal(Int128.Parse(expectedNanos, CultureInfo.InvariantCulture), quantity.NanoUnits);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("0.9n", "1")]
    [InlineData("0.0000000001", "1")]
    [InlineData("0.5e-9", "1")]
    [InlineData("1e-30", "1")]
    [InlineData("3.001n", "4")]
    [InlineData("-3.001n", "-4")]
    [InlineData("1.1E-9", "2")]
    [InlineData("0.00000012345", "124")]
    [InlineData("0.000000000001Ki", "2")]
    public void TooPreciseValue_RoundsUpAwayFromZeroToNano(string text, string expectedNanos)
    {
        Assert.True(Quantity.TryParse(text, out var quantity, out var error), error);
        Assert.Equal(Int128.Parse(expectedNanos, CultureInfo.InvariantCulture), quantity.NanoUnits);
    }

    [Theory]
    [InlineData(" 1Gi ", "1Gi")]
    [InlineData("\t2Mi\n", "2Mi")]
    [InlineData(" 1", "1")]
    [InlineData("1 ", "1")]
    [InlineData(" -1", "-1")]
    public void SurroundingWhitespace_IsTrimmedAsTheJsonDecoderDoes(string text, string same)
    {
        Assert.True(Quantity.TryParse(text, out var quantity, out _));
        Assert.True(Quantity.TryParse(same, out var expected, out _));
        Assert.Equal(expected, quantity);
    }

    [Theory]
    [InlineData("9223372036854775807", "9223372036854775807000000000")]
    [InlineData("9223372036854775807000m", "9223372036854775807000000000")]
    [InlineData("9.223372036854775807E", "9223372036854775807000000000")]
    [InlineData("-9223372036854775807", "-9223372036854775807000000000")]
    [InlineData("7Ei", "8070450532247928832000000000")]
    [InlineData("8191Pi", "9222246136947933184000000000")]
    public void LargestRepresentableValues_Parse(string text, string expectedNanos)
    {
        Assert.True(Quantity.TryParse(text, out var quantity, out var error), error);
        Assert.Equal(Int128.Parse(expectedNanos, CultureInfo.InvariantCulture), quantity.NanoUnits);
    }

    [Theory]
    [InlineData("8Ei")]
    [InlineData("-8Ei")]
    [InlineData("9Ei")]
    [InlineData("9223372036854775808")]
    [InlineData("9223372036854775807.0000000001")]
    [InlineData("9223372036854775807Ki")]
    [InlineData("10E")]
    [InlineData("1e19")]
    [InlineData("1e100")]
    public void ValueAbove2Pow63Minus1Units_IsRejected(string text)
    {
        Assert.False(Quantity.TryParse(text, out var quantity, out var error));
        Assert.Equal(default(Quantity), quantity);
        Assert.Equal(
            $"'{text}' is not a valid quantity: it exceeds the largest quantity Kubernetes can represent (2^63-1).",
            error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("k")]
    [InlineData("Gi")]
    [InlineData("1.1.M")]
    [InlineData("1+1.0M")]
    [InlineData("1K")]
    [InlineData("1KB")]
    [InlineData("1MB")]
    [InlineData("1Mb")]
    [InlineData("1gi")]
    [InlineData("1mi")]
    [InlineData("0.1mi")]
    [InlineData("1i")]
    [InlineData(".5i")]
    [InlineData("-3.01i")]
    [InlineData("0.1am")]
    [InlineData("aoeu")]
    [InlineData("1 Gi")]
    [InlineData("1Gi x")]
    [InlineData("1e")]
    [InlineData("1E+")]
    [InlineData("-3.01e-")]
    [InlineData("1e3.5")]
    [InlineData("1ee3")]
    [InlineData("1Mi3")]
    [InlineData("1,5")]
    [InlineData("1_000")]
    [InlineData("1e99999999999999999999")]
    [InlineData("١")]
    public void MalformedText_IsRejected(string? text)
    {
        Assert.False(Quantity.TryParse(text, out var quantity, out var error));
        Assert.Equal(default(Quantity), quantity);
        Assert.StartsWith($"'{text?.Trim()}' is not a valid quantity: ", error, StringComparison.Ordinal);
        Assert.EndsWith(".", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1KB", "'1KB' is not a valid quantity: 'KB' is not a suffix Kubernetes accepts (use Ki, Mi, Gi for binary or k, M, G for decimal).")]
    [InlineData("1gi", "'1gi' is not a valid quantity: 'gi' is not a suffix Kubernetes accepts (use Ki, Mi, Gi for binary or k, M, G for decimal).")]
    [InlineData("", "'' is not a valid quantity: the value is empty.")]
    [InlineData(".", "'.' is not a valid quantity: it has no digits (write a number such as 1, 0.5 or 1.5 before any suffix).")]
    [InlineData("1 Gi", "'1 Gi' is not a valid quantity: it must not contain spaces (write the number and its suffix together, e.g. 1Gi).")]
    [InlineData("1.1.M", "'1.1.M' is not a valid quantity: Kubernetes expects a number directly followed by an optional suffix, matching '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'.")]
    [InlineData("1e+", "'1e+' is not a valid quantity: 'e+' is not a valid exponent (write e.g. 1e3 or 1e-3; the exponent must fit in 64 bits).")]
    public void MalformedText_ExplainsTheProblem(string text, string expected)
    {
        Assert.False(Quantity.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("512m", "1")]
    [InlineData("-512m", "-1")]
    [InlineData("1n", "1")]
    [InlineData("1.5", "2")]
    [InlineData("2", "2")]
    [InlineData("0", "0")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    public void CeilingUnits_RoundsUpAwayFromZeroLikeValue(string text, string expected)
    {
        Assert.Equal(Int128.Parse(expected, CultureInfo.InvariantCulture), Parse(text).CeilingUnits);
    }

    [Theory]
    [InlineData("512m", true)]
    [InlineData("1.5", true)]
    [InlineData("-1n", true)]
    [InlineData("1Gi", false)]
    [InlineData("1k", false)]
    [InlineData("0", false)]
    public void HasFractionalUnits_IsTrueForPartsOfAUnit(string text, bool expected)
    {
        Assert.Equal(expected, Parse(text).HasFractionalUnits);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0Gi", true)]
    [InlineData("-0.0", true)]
    [InlineData("1n", false)]
    [InlineData("-1", false)]
    public void IsZero_IsTrueOnlyForZero(string text, bool expected)
    {
        Assert.Equal(expected, Parse(text).IsZero);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1024, "1Ki")]
    [InlineData(-3, "-3")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    public void FromUnits_EqualsTheParsedQuantity(long units, string text)
    {
        Assert.Equal(Parse(text), Quantity.FromUnits(units));
    }

    [Theory]
    [InlineData("0", "0", 0)]
    [InlineData("100m", "50m", 1)]
    [InlineData("50m", "100m", -1)]
    [InlineData("10000T", "100Gi", 1)]
    [InlineData("1Gi", "1024Mi", 0)]
    [InlineData("1G", "1Gi", -1)]
    [InlineData("1E", "1e18", 0)]
    [InlineData("0.5", "500m", 0)]
    [InlineData("1k", "1000", 0)]
    [InlineData("1Ki", "1k", 1)]
    [InlineData("-1", "0", -1)]
    [InlineData("-1Gi", "-1G", -1)]
    [InlineData("9223372036854775807", "7Ei", 1)]
    public void Comparison_IsByValueNotByText(string left, string right, int expected)
    {
        var (a, b) = (Parse(left), Parse(right));
        Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
        Assert.Equal(-expected, Math.Sign(b.CompareTo(a)));
        Assert.Equal(expected < 0, a < b);
        Assert.Equal(expected > 0, a > b);
        Assert.Equal(expected <= 0, a <= b);
        Assert.Equal(expected >= 0, a >= b);
        Assert.Equal(expected == 0, a == b);
        Assert.Equal(expected == 0, a.Equals(b));
    }

    [Fact]
    public void Sorting_OrdersByValue()
    {
        string[] unsorted = ["1Gi", "512Mi", "1G", "-1", "500m", "0", "1E"];
        string[] expected = ["-1", "0", "500m", "512Mi", "1G", "1Gi", "1E"];

        Assert.Equal(expected, unsorted.Select(Parse).Order().Select(q => q.ToString()));
    }

    [Theory]
    [InlineData("1Gi", "512Mi", "1536Mi")]
    [InlineData("1", "500m", "1500m")]
    [InlineData("512m", "488m", "1")]
    [InlineData("1Gi", "-1Gi", "0")]
    public void Addition_IsExact(string left, string right, string expected)
    {
        Assert.Equal(expected, (Parse(left) + Parse(right)).ToCanonicalString());
    }

    [Theory]
    [InlineData("1", "1500m", "-500m")]
    [InlineData("2Gi", "512Mi", "1536Mi")]
    [InlineData("1k", "1k", "0")]
    public void Subtraction_IsExact(string left, string right, string expected)
    {
        Assert.Equal(expected, (Parse(left) - Parse(right)).ToCanonicalString());
    }

    [Theory]
    [InlineData("1Gi", "1G", "1Gi")]
    [InlineData("1G", "1Gi", "1Gi")]
    [InlineData("-1", "-2", "-1")]
    [InlineData("500m", "0.5", "500m")]
    public void Max_ReturnsTheLargerValue(string left, string right, string expected)
    {
        Assert.Equal(Parse(expected), Quantity.Max(Parse(left), Parse(right)));
    }

    [Theory]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("300Mi", "300Mi")]
    [InlineData("1.5", "1500m")]
    [InlineData("500m", "500m")]
    [InlineData("1000", "1k")]
    [InlineData("1536", "1536")]
    [InlineData("1025", "1025")]
    [InlineData("0", "0")]
    [InlineData("0Gi", "0")]
    [InlineData("-0", "0")]
    [InlineData("1Ki", "1Ki")]
    [InlineData("1024", "1Ki")]
    [InlineData("1000Ki", "1024k")]
    [InlineData("0.5Mi", "512Ki")]
    [InlineData("1e3", "1k")]
    [InlineData("1000M", "1G")]
    [InlineData("100M", "100M")]
    [InlineData("512M", "512M")]
    [InlineData("4G", "4G")]
    [InlineData("10G", "10G")]
    [InlineData("1T", "1T")]
    [InlineData("1E", "1E")]
    [InlineData("9E", "9E")]
    [InlineData("7Ei", "7Ei")]
    [InlineData("1n", "1n")]
    [InlineData("0.1m", "100u")]
    [InlineData("1.08", "1080m")]
    [InlineData(".001Ki", "1024m")]
    [InlineData("0.000000000001Ki", "2n")]
    [InlineData("100.035Ki", "102435840m")]
    [InlineData("-1.5Gi", "-1536Mi")]
    [InlineData("-9.01", "-9010m")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    public void ToCanonicalString_MatchesWhatTheApiServerEmits(string text, string expected)
    {
        var quantity = Parse(text);

        Assert.Equal(expected, quantity.ToCanonicalString());
        Assert.Equal(expected, quantity.ToString());
        Assert.Equal(quantity, Parse(expected));
    }

    private static Quantity Parse(string text)
    {
        Assert.True(Quantity.TryParse(text, out var quantity, out var error), error);
        return quantity;
    }
}
