using BenchmarkDotNet.Attributes;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Benchmarks.Suites;

/// <summary>Kubernetes quantity parsing: the forms manifests use, and a few mistakes.</summary>
[MemoryDiagnoser]
public class QuantityBenchmarks
{
    private static readonly string[] Texts = ["512Mi", "1Gi", "1.5G", "100m", "2", "250m", "1e3", "0.5Gi", "128974848", "129e6", "512m", "1GB", "-1Mi", ""];

    [Benchmark(OperationsPerInvoke = 14)]
    public int Parse()
    {
        var valid = 0;
        foreach (var text in Texts)
        {
            valid += Quantity.TryParse(text, out _, out _) ? 1 : 0;
        }

        return valid;
    }
}
