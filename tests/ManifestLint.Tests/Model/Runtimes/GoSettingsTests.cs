using ManifestLint.Model.Runtimes;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class GoSettingsTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1073741824", 1073741824L)]
    [InlineData("1024B", 1024L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("921MiB", 921L << 20)]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("1TiB", 1L << 40)]
    [InlineData("-0", 0L)]
    [InlineData("-0MiB", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("8191PiB", null)]
    public void ParseByteCount_Accepts(string text, long? bytes)
    {
        if (bytes is null)
        {
            Assert.False(GoMemLimit.TryParse(text, out _));
            return;
        }

        Assert.True(GoMemLimit.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("1800Mi")]
    [InlineData("2G")]
    [InlineData("2GB")]
    [InlineData("2gib")]
    [InlineData("1.5GiB")]
    [InlineData("OFF")]
    [InlineData("Off")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1GiB")]
    [InlineData("1GiB ")]
    [InlineData("B")]
    [InlineData("iB")]
    [InlineData("MiB")]
    [InlineData("1PiB")]
    [InlineData("1KB")]
    [InlineData("1kiB")]
    [InlineData("9223372036854775808")]
    [InlineData("8388608TiB")]
    public void ParseByteCount_Rejects(string text)
    {
        Assert.False(GoMemLimit.TryParse(text, out _));
        Assert.Equal(GoMemLimitState.Malformed, GoMemLimit.Read(text, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("off")]
    public void UnsetEmptyOrOff_IsNoLimit(string? value)
    {
        Assert.Equal(GoMemLimitState.Off, GoMemLimit.Read(value, out var bytes));
        Assert.Equal(long.MaxValue, bytes);
    }

    [Theory]
    [InlineData(966367641L, "921MiB")]
    [InlineData(1L << 30, "1024MiB")]
    [InlineData(1000L, "1000B")]
    public void Format_IsGoSyntax(long bytes, string text)
    {
        Assert.Equal(text, GoMemLimit.Format(bytes));
        Assert.True(GoMemLimit.TryParse(text, out _));
    }

    [Theory]
    [InlineData(null, 100)]
    [InlineData("", 100)]
    [InlineData("50", 50)]
    [InlineData("+50", 50)]
    [InlineData("0", 0)]
    [InlineData("off", null)]
    [InlineData("-1", null)]
    [InlineData("-20", null)]
    [InlineData("OFF", 100)]
    [InlineData("Off", 100)]
    [InlineData("100%", 100)]
    [InlineData(" 50", 100)]
    [InlineData("99999999999", 100)]
    public void Gogc_IsReadAsTheRuntimeReadsIt(string? value, int? percent)
    {
        Assert.Equal(percent, GoGc.Read(value));
    }
}
