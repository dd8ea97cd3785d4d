using ManifestLint.Model.Runtimes;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class JvmErgonomicsTests
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;

    [Fact]
    public void DefaultMaxHeapSize_IsScaleForWordSizeOf96MiB()
    {
        Assert.Equal(130_862_280L, JvmErgonomics.DefaultMaxHeapSize);
    }

    // memory-facts.md section 8, "Worked examples" (no -Xmx, defaults unless stated).
    [Theory]
    [InlineData(200, "", 100 * MiB, JvmHeapBasis.MinRamPercentage)]
    [InlineData(256, "", JvmErgonomics.DefaultMaxHeapSize, JvmHeapBasis.DefaultMaxHeapSize)]
    [InlineData(400, "", JvmErgonomics.DefaultMaxHeapSize, JvmHeapBasis.DefaultMaxHeapSize)]
    [InlineData(512, "", 128 * MiB, JvmHeapBasis.MaxRamPercentage)]
    [InlineData(2048, "", 512 * MiB, JvmHeapBasis.MaxRamPercentage)]
    [InlineData(200, "-XX:MaxRAMPercentage=75", 100 * MiB, JvmHeapBasis.MinRamPercentage)]
    public void WorkedExample_GivesTheHeapAndItsBasis(long limitMiB, string flags, long heap, JvmHeapBasis basis)
    {
        var result = JvmErgonomics.MaxHeap(limitMiB * MiB, JvmOptions.Parse(flags));

        Assert.Equal(heap, result?.Bytes);
        Assert.Equal(basis, result?.Basis);
    }

    [Theory]
    [InlineData(1024, "-XX:MaxRAMPercentage=75", 768 * MiB)]
    [InlineData(1024, "-XX:MaxRAMPercentage=100", 1024 * MiB)]
    [InlineData(249, "", 124.5 * MiB)]
    [InlineData(250, "", JvmErgonomics.DefaultMaxHeapSize)]
    [InlineData(499, "", JvmErgonomics.DefaultMaxHeapSize)]
    [InlineData(500, "", 125 * MiB)]
    [InlineData(1024, "-XX:MinRAMPercentage=10", 102.4 * MiB)]
    [InlineData(200, "-XX:MinRAMPercentage=90", JvmErgonomics.DefaultMaxHeapSize)]
    [InlineData(1024, "-Xmx300m", 300 * MiB)]
    [InlineData(1024, "-Xmx300m -XX:MaxRAMPercentage=90", 300 * MiB)]
    [InlineData(1024, "-XX:MaxRAMPercentage=90 -Xmx300m", 300 * MiB)]
    [InlineData(1024, "-XX:MaxRAM=4g", 1024 * MiB)]
    [InlineData(4096, "-XX:MaxRAM=1g", 256 * MiB)]
    [InlineData(1024, "-Xms2g", 2048 * MiB)]
    [InlineData(1024, "-Xms100m", 256 * MiB)]
    public void OtherCase_GivesTheHeap(long limitMiB, string flags, double heap)
    {
        Assert.Equal((long)heap, JvmErgonomics.MaxHeap(limitMiB * MiB, JvmOptions.Parse(flags))?.Bytes);
    }

    [Fact]
    public void AvailableMemory_IsCappedAtTheMaxRamDefault()
    {
        Assert.Equal(30 * GiB, JvmErgonomics.MaxHeap(256 * GiB, JvmOptions.Parse(string.Empty))?.Bytes);
        Assert.Equal(64 * GiB, JvmErgonomics.MaxHeap(256 * GiB, JvmOptions.Parse("-XX:MaxRAM=256g"))?.Bytes);
    }

    [Fact]
    public void CompressedOopsCap_AppliesWithoutRamFlagsOrWhenForced()
    {
        Assert.Equal(JvmHeapBasis.CompressedOopsLimit, JvmErgonomics.MaxHeap(128 * GiB, JvmOptions.Parse(string.Empty))?.Basis);
        Assert.Equal(96 * GiB, JvmErgonomics.MaxHeap(128 * GiB, JvmOptions.Parse("-XX:MaxRAMPercentage=75"))?.Bytes);
        Assert.Equal(JvmHeapBasis.CompressedOopsLimit, JvmErgonomics.MaxHeap(128 * GiB, JvmOptions.Parse("-XX:MaxRAMPercentage=75 -XX:+UseCompressedOops"))?.Basis);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(1024L * 1024 * 1024, "-Xmx512MB")]
    [InlineData(1024L * 1024 * 1024, "-XX:MaxRAMPercentage=75%")]
    [InlineData(1024L * 1024 * 1024, "-Xmx1g -Xms2g")]
    public void UnknownOrInvalid_IsNull(long? limit, string flags)
    {
        Assert.Null(JvmErgonomics.MaxHeap(limit, JvmOptions.Parse(flags)));
    }

    [Fact]
    public void WithoutALimit_OnlyXmxOrMaxRamDecide()
    {
        Assert.Equal(1 * GiB, JvmErgonomics.MaxHeap(null, JvmOptions.Parse("-Xmx1g"))?.Bytes);
        Assert.Equal(1 * GiB, JvmErgonomics.MaxHeap(null, JvmOptions.Parse("-XX:MaxRAM=4g"))?.Bytes);
    }

    [Theory]
    [InlineData(1024, "", 16 * MiB)]
    [InlineData(1024, "-XX:InitialRAMPercentage=50", 256 * MiB)]
    [InlineData(1024, "-XX:InitialRAMPercentage=50 -XX:MaxRAMPercentage=75", 512 * MiB)]
    [InlineData(1024, "-Xms700m", 700 * MiB)]
    public void InitialHeap_IsCappedAtTheMaxHeap(long limitMiB, string flags, long initial)
    {
        var options = JvmOptions.Parse(flags);
        var max = JvmErgonomics.MaxHeap(limitMiB * MiB, options);

        Assert.NotNull(max);
        Assert.Equal(initial, JvmErgonomics.InitialHeap(limitMiB * MiB, options, max));
    }
}
