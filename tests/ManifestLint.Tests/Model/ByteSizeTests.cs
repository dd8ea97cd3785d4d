using ManifestLint.Model.Kubernetes;
using Xunit;

namespace ManifestLint.Tests.Model;

public class ByteSizeTests
{
    [Theory]
    [InlineData("1Gi", "1 GiB")]
    [InlineData("512Mi", "512 MiB")]
    [InlineData("1.5Gi", "1.5 GiB")]
    [InlineData("300Mi", "300 MiB")]
    [InlineData("1.25Gi", "1.25 GiB")]
    [InlineData("1.333Gi", "1.33 GiB")]
    [InlineData("1000Ki", "1000 KiB")]
    [InlineData("1024", "1 KiB")]
    [InlineData("1536", "1.5 KiB")]
    [InlineData("1Ti", "1 TiB")]
    [InlineData("2.5Pi", "2.5 PiB")]
    [InlineData("7Ei", "7 EiB")]
    [InlineData("100M", "95.37 MiB")]
    [InlineData("1G", "953.67 MiB")]
    [InlineData("1T", "931.32 GiB")]
    [InlineData("-1.5Gi", "-1.5 GiB")]
    public void BinaryUnits_UseTheLargestUnitAtLeastOne(string text, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(Parse(text)));
    }

    [Theory]
    [InlineData("0", "0 bytes")]
    [InlineData("1", "1 byte")]
    [InlineData("2", "2 bytes")]
    [InlineData("512", "512 bytes")]
    [InlineData("1000", "1000 bytes")]
    [InlineData("1023", "1023 bytes")]
    [InlineData("0.5", "0.5 bytes")]
    [InlineData("512m", "0.512 bytes")]
    [InlineData("1.999", "2 bytes")]
    [InlineData("-512", "-512 bytes")]
    public void ValuesUnderOneKiB_PrintAsBytes(string text, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(Parse(text)));
    }

    [Theory]
    [InlineData("1048575", "1 MiB")]
    [InlineData("1023.999", "1 KiB")]
    [InlineData("1048063", "1023.5 KiB")]
    public void ValueRoundingTo1024_MovesToTheNextUnit(string text, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(Parse(text)));
    }

    [Theory]
    [InlineData("1m", "0.001 bytes")]
    [InlineData("4m", "0.004 bytes")]
    [InlineData("5m", "0.005 bytes")]
    [InlineData("1n", "0.000000001 bytes")]
    [InlineData("-1m", "-0.001 bytes")]
    public void ValueBelowOneByte_KeepsItsExactDigits(string text, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(Parse(text)));
    }

    [Fact]
    public void SumBeyondTheLargestQuantity_FormatsWithoutOverflow()
    {
        var max = Quantity.FromUnits(long.MaxValue);

        Assert.Equal("16 EiB", ByteSize.Format(max + max));
    }

    private static Quantity Parse(string text)
    {
        Assert.True(Quantity.TryParse(text, out var quantity, out var error), error);
        return quantity;
    }
}
