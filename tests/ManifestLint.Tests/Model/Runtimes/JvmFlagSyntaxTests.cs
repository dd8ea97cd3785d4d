using ManifestLint.Model.Runtimes;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class JvmFlagSyntaxTests
{
    [Theory]
    [InlineData("1073741824", 1073741824L)]
    [InlineData("512k", 512L << 10)]
    [InlineData("512K", 512L << 10)]
    [InlineData("768m", 768L << 20)]
    [InlineData("2048M", 2048L << 20)]
    [InlineData("1g", 1L << 30)]
    [InlineData("2G", 2L << 30)]
    [InlineData("1t", 1L << 40)]
    [InlineData("1T", 1L << 40)]
    [InlineData("0x40000000", 1L << 30)]
    [InlineData("0X10m", 16L << 20)]
    [InlineData("0", 0L)]
    public void ValidSize_IsParsedToBytes(string text, long bytes)
    {
        Assert.True(JvmFlagSyntax.TryParseSize(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("512MB")]
    [InlineData("2Gi")]
    [InlineData("1.5g")]
    [InlineData("1 g")]
    [InlineData("")]
    [InlineData("g")]
    [InlineData("-1g")]
    [InlineData("+1g")]
    [InlineData("0x")]
    [InlineData("2Z")]
    [InlineData("99999999999t")]
    [InlineData("18446744073709551616")]
    public void InvalidSize_IsRejected(string text)
    {
        Assert.False(JvmFlagSyntax.TryParseSize(text, out _));
    }

    [Theory]
    [InlineData("-Xmx1g", JvmFlagKind.MaxHeapSize, 1L << 30)]
    [InlineData("-XX:MaxHeapSize=512m", JvmFlagKind.MaxHeapSize, 512L << 20)]
    [InlineData("-Xms256m", JvmFlagKind.InitialHeapSize, 256L << 20)]
    [InlineData("-XX:InitialHeapSize=1g", JvmFlagKind.InitialHeapSize, 1L << 30)]
    [InlineData("-Xss512k", JvmFlagKind.ThreadStackSize, 512L << 10)]
    [InlineData("-XX:ThreadStackSize=2048", JvmFlagKind.ThreadStackSize, 2L << 20)]
    [InlineData("-XX:MaxRAM=4g", JvmFlagKind.MaxRam, 4L << 30)]
    [InlineData("-XX:MaxMetaspaceSize=256m", JvmFlagKind.MaxMetaspaceSize, 256L << 20)]
    [InlineData("-XX:ReservedCodeCacheSize=64m", JvmFlagKind.ReservedCodeCacheSize, 64L << 20)]
    [InlineData("-XX:MaxDirectMemorySize=1g", JvmFlagKind.MaxDirectMemorySize, 1L << 30)]
    public void SizeFlag_IsParsedToItsKindAndBytes(string option, JvmFlagKind kind, long bytes)
    {
        var flag = JvmFlagSyntax.Parse(option, JvmOptionSource.CommandLine);

        Assert.Equal(kind, flag?.Kind);
        Assert.Equal(bytes, flag?.Bytes);
        Assert.True(flag?.IsValid);
    }

    [Theory]
    [InlineData("-XX:MaxRAMPercentage=75", JvmFlagKind.MaxRamPercentage, 75.0)]
    [InlineData("-XX:MaxRAMPercentage=75.0", JvmFlagKind.MaxRamPercentage, 75.0)]
    [InlineData("-XX:MaxRAMPercentage=62.5", JvmFlagKind.MaxRamPercentage, 62.5)]
    [InlineData("-XX:MinRAMPercentage=50", JvmFlagKind.MinRamPercentage, 50.0)]
    [InlineData("-XX:InitialRAMPercentage=1.5625", JvmFlagKind.InitialRamPercentage, 1.5625)]
    [InlineData("-XX:ActiveProcessorCount=2", JvmFlagKind.ActiveProcessorCount, 2.0)]
    public void NumericFlag_IsParsedToItsKindAndNumber(string option, JvmFlagKind kind, double value)
    {
        var flag = JvmFlagSyntax.Parse(option, JvmOptionSource.JavaToolOptions);

        Assert.Equal(kind, flag?.Kind);
        Assert.Equal(value, flag?.Number);
    }

    [Theory]
    [InlineData("-Xmx512MB", JvmFlagKind.MaxHeapSize)]
    [InlineData("-Xmx2Gi", JvmFlagKind.MaxHeapSize)]
    [InlineData("-Xmx1.5g", JvmFlagKind.MaxHeapSize)]
    [InlineData("-Xmx", JvmFlagKind.MaxHeapSize)]
    [InlineData("-XX:MaxRAMPercentage=75%", JvmFlagKind.MaxRamPercentage)]
    [InlineData("-XX:MaxRAMPercentage=101", JvmFlagKind.MaxRamPercentage)]
    [InlineData("-XX:MaxRAMPercentage=", JvmFlagKind.MaxRamPercentage)]
    [InlineData("-XX:MaxRAMPercentage= 75", JvmFlagKind.MaxRamPercentage)]
    public void InvalidValues_AreRememberedAsInvalid(string option, JvmFlagKind kind)
    {
        var flag = JvmFlagSyntax.Parse(option, JvmOptionSource.CommandLine);

        Assert.Equal(kind, flag?.Kind);
        Assert.False(flag?.IsValid);
    }

    [Theory]
    [InlineData("-XX:+UseContainerSupport", JvmFlagKind.UseContainerSupport, true)]
    [InlineData("-XX:-UseContainerSupport", JvmFlagKind.UseContainerSupport, false)]
    [InlineData("-XX:-TieredCompilation", JvmFlagKind.TieredCompilation, false)]
    [InlineData("-XX:+UseCGroupMemoryLimitForHeap", JvmFlagKind.UseCGroupMemoryLimitForHeap, true)]
    public void BooleanFlag_IsParsedToItsKindAndState(string option, JvmFlagKind kind, bool enabled)
    {
        var flag = JvmFlagSyntax.Parse(option, JvmOptionSource.CommandLine);

        Assert.Equal(kind, flag?.Kind);
        Assert.Equal(enabled, flag?.Enabled);
    }

    [Theory]
    [InlineData("-XX:+UseStringDeduplication")]
    [InlineData("-Dfile.encoding=UTF-8")]
    [InlineData("-XX:MaxRAMFractionX=2")]
    [InlineData("-XX:UseContainerSupport")]
    [InlineData("-Xshare:auto")]
    [InlineData("-XX:MaxRAMPercentageX=1")]
    public void OtherOptions_AreIgnored(string option)
    {
        Assert.Null(JvmFlagSyntax.Parse(option, JvmOptionSource.CommandLine));
    }

    // Corpus: rendered/cp-helm-charts.yaml, the jmx exporter's java -XX:MaxRAMFraction=1. The deprecated fractions are
    // positive integers; HotSpot turns them into a percentage of 100 / N.
    [Theory]
    [InlineData("-XX:MaxRAMFraction=1", JvmFlagKind.MaxRamFraction, 1.0)]
    [InlineData("-XX:MinRAMFraction=2", JvmFlagKind.MinRamFraction, 2.0)]
    [InlineData("-XX:InitialRAMFraction=64", JvmFlagKind.InitialRamFraction, 64.0)]
    [InlineData("-XX:MaxRAMFraction=0", JvmFlagKind.MaxRamFraction, null)]
    [InlineData("-XX:MaxRAMFraction=1.5", JvmFlagKind.MaxRamFraction, null)]
    public void RamFractions_ArePositiveIntegers(string option, JvmFlagKind kind, double? number)
    {
        var flag = JvmFlagSyntax.Parse(option, JvmOptionSource.CommandLine);

        Assert.Equal(kind, flag?.Kind);
        Assert.Equal(number, flag?.Number);
    }

    [Theory]
    [InlineData("a b", new[] { "a", "b" })]
    [InlineData(" -Dx='a b'  -Dy=\"c d\" ", new[] { "-Dx=a b", "-Dy=c d" })]
    [InlineData("-Dx=a\\ b", new[] { "-Dx=a\\", "b" })]
    [InlineData("", new string[0])]
    public void SplitOptions_IsHotSpotsSplitting(string text, string[] expected)
    {
        Assert.Equal(expected, JvmFlagSyntax.SplitOptions(text));
    }
}
