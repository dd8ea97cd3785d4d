using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Semantics;
using ManifestLint.Model.Yaml;
using Xunit;

namespace ManifestLint.Tests.Model.Semantics;

/// <summary>
/// Reads inline YAML into a <see cref="ManifestFile"/> through the real loader and reader, and finds
/// workloads and containers in it by name. Malformed test YAML fails the test at once.
/// </summary>
internal sealed class ManifestBuilder
{
    private ManifestBuilder(ManifestFile file) => File = file;

    public ManifestFile File { get; }

    /// <summary>Reads one or more YAML documents; the input must load without model problems.</summary>
    public static ManifestBuilder Read(string yaml)
    {
        var file = ManifestReader.Read(YamlFileLoader.Load("test.yaml", yaml));
        Assert.Empty(file.Problems);
        return new ManifestBuilder(file);
    }

    /// <summary>
    /// Wraps <paramref name="spec"/> (the body of <c>spec:</c>, unindented) into a Pod named <c>pod</c>,
    /// followed by <paramref name="otherDocuments"/> (LimitRanges and the like) as further documents.
    /// </summary>
    public static ManifestBuilder Pod(string spec, string otherDocuments = "")
    {
        var indented = string.Join('\n', spec.Split('\n').Select(line => "  " + line));
        var yaml = $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\nspec:\n{indented}\n";
        return Read(otherDocuments.Length == 0 ? yaml : $"{yaml}---\n{otherDocuments}\n");
    }

    /// <summary>Parses a quantity that the test expects to be valid.</summary>
    public static Quantity Q(string text)
    {
        Assert.True(Quantity.TryParse(text, out var value, out var error), error);
        return value;
    }

    public Workload Workload(string name) => Assert.Single(File.Workloads, w => w.Resource.Name == name);

    /// <summary>The pod spec of the only workload.</summary>
    public PodSpec PodSpec => Assert.Single(File.Workloads).Pod;

    /// <summary>The container (app, init or sidecar) of that name, searched in every workload.</summary>
    public Container Container(string name) =>
        Assert.Single(File.Workloads.SelectMany(w => w.Pod.AllContainers), c => c.Name == name);

    /// <summary>The container's requests and limits after defaulting with every LimitRange of the file, in file order.</summary>
    public EffectiveResources Resolve(string container) => Effective(Container(container));

    public EffectiveResources Effective(Container container) => Defaulting.Resolve(container, File.LimitRanges);

    public QosClass Qos() => QosCalculator.Compute(PodSpec, Effective);

    public PodAggregate PodRequest(string resource = ResourceNames.Memory) => PodResources.Request(PodSpec, Effective, resource);

    public PodAggregate PodLimit(string resource = ResourceNames.Memory) => PodResources.Limit(PodSpec, Effective, resource);
}
