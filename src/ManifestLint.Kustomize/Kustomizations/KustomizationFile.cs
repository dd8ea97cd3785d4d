using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Kustomize.Kustomizations;

/// <summary>A string entry of a kustomization (a resource, a component, a generator file) and where it is written.</summary>
internal sealed record KustomizationEntry(string Value, SourceSpan Span);

/// <summary>
/// A kustomization file read for what ManifestLint needs before and after the build: what it includes (to find
/// bases, overlays and cycles), what could reach the network or run code (to refuse it), its patches (to map findings
/// to the patch line that set a value) and its transformers (namespace, images, replicas).
/// </summary>
internal sealed class KustomizationFile
{
    /// <summary>The names kustomize looks for, in its order.</summary>
    public static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private KustomizationFile(string directory, string path, string text, MappingNode? root, IReadOnlyList<string> problems)
    {
        Directory = directory;
        FilePath = path;
        Text = text;
        Root = root;
        Problems = problems;
    }

    /// <summary>The kustomization's directory, absolute.</summary>
    public string Directory { get; }

    /// <summary>The kustomization file, absolute.</summary>
    public string FilePath { get; }

    public string Text { get; }

    /// <summary>The parsed file; null when it is not a YAML mapping (kustomize will say why).</summary>
    public MappingNode? Root { get; }

    /// <summary>Why the file could not be read as a kustomization (YAML errors); kustomize's own message is reported instead.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary><c>kind: Component</c>.</summary>
    public bool IsComponent => Scalar(Root?["kind"]) == "Component";

    /// <summary><c>resources:</c> and the deprecated <c>bases:</c>.</summary>
    public IReadOnlyList<KustomizationEntry> Resources => [.. Strings("resources"), .. Strings("bases")];

    public IReadOnlyList<KustomizationEntry> Components => Strings("components");

    public IReadOnlyList<KustomizationEntry> Generators => Strings("generators");

    public IReadOnlyList<KustomizationEntry> Transformers => Strings("transformers");

    public IReadOnlyList<KustomizationEntry> Validators => Strings("validators");

    /// <summary>The kustomization file in a directory, or null when it has none.</summary>
    public static string? Find(string directory)
    {
        foreach (var name in FileNames)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static KustomizationFile Read(string path, string displayPath)
    {
        var text = File.ReadAllText(path);
        var file = YamlFileLoader.Load(displayPath, text);
        var root = file.Documents.Count > 0 ? file.Documents[0].Root as MappingNode : null;
        return new KustomizationFile(Path.GetDirectoryName(path)!, path, text, root, [.. file.Problems.Select(p => p.Message)]);
    }

    /// <summary>A top-level entry (<c>namespace:</c>, <c>images:</c>), with its key.</summary>
    public MappingEntry? Entry(string key) => Root?.Entry(key);

    /// <summary>The items of a top-level list that are mappings (<c>images:</c>, <c>replicas:</c>, <c>patches:</c>).</summary>
    public IEnumerable<MappingNode> Mappings(string key) =>
        Root?[key] is SequenceNode list ? list.Items.OfType<MappingNode>() : [];

    /// <summary>The string items of a top-level list.</summary>
    public IReadOnlyList<KustomizationEntry> Strings(string key) =>
        Root?[key] is SequenceNode list
            ? [.. list.Items.OfType<ScalarNode>().Where(s => s.Value.Length > 0).Select(s => new KustomizationEntry(s.Value.Trim(), s.Span))]
            : [];

    /// <summary>A path written in this kustomization, absolute.</summary>
    public string Resolve(string relative) => Path.GetFullPath(relative, Directory);

    public static string? Scalar(YamlNode? node) => (node as ScalarNode)?.Value;
}
