using System.Globalization;
using ManifestLint.Model.Runtimes;
using ManifestLint.Tests.Model.Semantics;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Model.Runtimes.Catalog;

/// <summary>
/// The image catalog against every container image of the shared corpus (copied as TestData/corpus-images.tsv,
/// classified by hand): each image run with its own entrypoint must be detected as the runtime it runs, no image of
/// another language may be given a runtime, and at least 95% of the containers running a JVM, Go, Node.js or Python
/// program must be detected. Misses must be listed in the fixture with their reason ("not in the catalog: ...").
/// </summary>
public class ImageCatalogCoverageTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Runtime> Runtimes = new(StringComparer.Ordinal)
    {
        ["jvm"] = Runtime.Jvm, ["go"] = Runtime.Go, ["node"] = Runtime.Node, ["python"] = Runtime.Python,
    };

    [Fact]
    public void Corpus_RuntimeDetectedForAtLeast95PercentOfRuntimeContainers()
    {
        var rows = Rows();
        var (covered, total) = (0, 0);
        var wrong = new List<string>();
        foreach (var (image, containers, runtime, note) in rows)
        {
            var detected = Detect(image);
            if (Runtimes.TryGetValue(runtime, out var expected))
            {
                total += containers;
                if (detected == expected)
                {
                    covered += containers;
                    if (note.StartsWith("not in the catalog", StringComparison.Ordinal))
                    {
                        wrong.Add($"{image}: detected now, remove the note '{note}'");
                    }
                }
                else if (detected != Runtime.Unknown)
                {
                    wrong.Add($"{image}: runs {expected}, detected {detected}");
                }
                else if (!note.StartsWith("not in the catalog", StringComparison.Ordinal))
                {
                    wrong.Add($"{image}: runs {expected}, not detected and not listed as a known miss");
                }
                else
                {
                    output.WriteLine($"miss: {image} ({containers} containers): {note}");
                }
            }
            else if (detected != Runtime.Unknown)
            {
                wrong.Add($"{image}: {runtime} ({note}), detected as {detected}");
            }
        }

        var share = (double)covered / total;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runtime detected for {covered} of {total} runtime containers ({share:P1}); {rows.Count} images"));
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.True(share >= 0.95, string.Create(CultureInfo.InvariantCulture, $"coverage {share:P1} < 95%"));
    }

    private static Runtime Detect(string image) =>
        RuntimeDetector.Detect(ManifestBuilder.Pod($"containers:\n  - name: app\n    image: '{image.Replace("'", "''", StringComparison.Ordinal)}'").Container("app")).Kind;

    private static List<(string Image, int Containers, string Runtime, string Note)> Rows() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "corpus-images.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f.Length > 3 ? f[3] : string.Empty))
            .ToList();
}
