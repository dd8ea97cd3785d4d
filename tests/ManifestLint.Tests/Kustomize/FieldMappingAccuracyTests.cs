using ManifestLint.Kustomize.Building;
using ManifestLint.Kustomize.Kustomizations;
using ManifestLint.Kustomize.Mapping;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;
using ManifestLint.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// Mapping accuracy on every field, not only on the few that findings name: each scalar field of every built object
/// of the real kustomizations (TestData/corpus) and the test kustomizations is mapped back, and its line must write
/// the field (its key, and its value as kustomize printed it, or the transformer/generator entry that wrote it). The
/// figures are printed; the floors are what was measured (session 5), so a mapping that gets worse fails.
/// </summary>
public class FieldMappingAccuracyTests(ITestOutputHelper output)
{
    private static string Display(string path) => Path.GetRelativePath(RepositoryPaths.Root, path);

    [Theory]
    [InlineData("corpus/microservices-demo", 99.5)] // 2568/2568
    [InlineData("corpus/emojivoto", 94)] // 395/415: kind and apiVersion a patch changed (Deployment to DaemonSet/Job, no target the built kind matches), restartPolicy the patch adds
    [InlineData("corpus/flux-source-controller", 98.5)] // 972/982: names a namePrefix changed, two multi-line messages
    [InlineData("kustomize/shop", 80)] // 49/60: generated and prefixed names, the replicas and images entries (the line names the entry, not the value)
    [InlineData("kustomize/patches", 95)] // 34/35: the name of the env item the JSON patch adds (placed on its value: line)
    public async Task EveryBuiltField_MapsToTheLineThatWritesIt(string name, double minimum)
    {
        var root = Path.GetFullPath(Path.Combine(KustomizeTool.Fixtures, "..", name));
        var directories = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => KustomizationFile.FileNames.Contains(Path.GetFileName(f), StringComparer.Ordinal))
            .Select(f => Path.GetDirectoryName(f)!);
        var tree = new KustomizationTree(Display);
        var plan = DeployableUnits.Plan(directories, tree);
        var box = Path.Combine(Path.GetTempPath(), "ml-kustomize-fields-" + Guid.NewGuid().ToString("N"));
        var settings = KustomizeTool.Settings;
        var builder = new KustomizeBuilder(KustomizeProcess.Create(settings.ExecutablePath!, box), box, Display);
        var (total, exact) = (0, 0);
        var methods = new Dictionary<MappingMethod, int>();
        var misses = new List<string>();
        try
        {
            foreach (var unit in plan.Units)
            {
                var build = await builder.BuildAsync(unit, tree.Get(unit)?.IsComponent == true, settings, CancellationToken.None);
                if (!build.Succeeded)
                {
                    continue;
                }

                var mapper = new BuildMapper(build, tree, Display);
                foreach (var document in mapper.Roots.OfType<MappingNode>())
                {
                    foreach (var key in Leaves(document))
                    {
                        var mapped = mapper.Map(new SourceSpan("<build>", key.Span.StartLine, key.Span.StartColumn, key.Span.StartLine, key.Span.StartColumn + 1));
                        var line = mapped.Method == MappingMethod.Unmapped ? string.Empty : File.ReadAllLines(Path.Combine(RepositoryPaths.Root, mapped.Span.Path))[mapped.Span.StartLine - 1];
                        total++;
                        methods[mapped.Method] = methods.GetValueOrDefault(mapped.Method) + 1;
                        if (MappingAccuracy.IsExact(mapped, line))
                        {
                            exact++;
                        }
                        else if (misses.Count < 15)
                        {
                            misses.Add($"{mapped.Method} {mapped.Built.Key}={mapped.Built.Value} -> {mapped.Span}: {line.Trim()}");
                        }
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(box, recursive: true);
        }

        var percent = total == 0 ? 0 : 100.0 * exact / total;
        output.WriteLine($"{name}: {plan.Units.Count} units, {exact}/{total} fields exact ({percent:0.0}%); {string.Join(", ", methods.OrderBy(m => m.Key).Select(m => $"{m.Key} {m.Value}"))}");
        misses.ForEach(m => output.WriteLine("  miss: " + m));
        Assert.True(total > 0);
        Assert.True(percent >= minimum, $"{percent:0.0}% < {minimum}%");
    }

    /// <summary>The keys of every scalar field of a document (list items of scalars count through their list's key).</summary>
    private static IEnumerable<YamlNode> Leaves(YamlNode node) => node switch
    {
        MappingNode mapping => mapping.Entries.SelectMany(e => e.Value is ScalarNode ? [e.Key] : Leaves(e.Value)),
        SequenceNode list => list.Items.SelectMany(Leaves),
        _ => [],
    };
}
