using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes.Catalog;

/// <summary>
/// The image catalog: image families and the runtime they run, first match wins. The built-in entries come from
/// <c>rules/images.yaml</c> (embedded); a user's entries (<c>images:</c> in <c>.manifestlint.yaml</c>) go in front.
/// </summary>
public sealed class ImageCatalog
{
    private const string ResourceName = "rules/images.yaml";

    /// <summary>How many distinct images a catalog remembers its answer for (a repository uses a few hundred at most).</summary>
    private const int MaxRemembered = 4096;

    private static readonly Lazy<ImageCatalog> BuiltIn = new(LoadBuiltIn);

    // Every container asks (runtime detection), and matching runs the entries' patterns one after the other: on a
    // finding-heavy corpus that was 12% of the lint's CPU time. An entry matches on the image's path and tag only.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, string? Tag), ImageCatalogEntry?> found = new();

    public ImageCatalog(IReadOnlyList<ImageCatalogEntry> entries) => Entries = entries;

    /// <summary>The built-in catalog.</summary>
    public static ImageCatalog Default => BuiltIn.Value;

    public IReadOnlyList<ImageCatalogEntry> Entries { get; }

    /// <summary>This catalog with <paramref name="first"/> matched before its own entries; itself when there are none.</summary>
    public ImageCatalog WithFirst(IReadOnlyList<ImageCatalogEntry> first) => first.Count == 0 ? this : new ImageCatalog([.. first, .. Entries]);

    /// <summary>The first entry matching the image, or null.</summary>
    public ImageCatalogEntry? Find(ImageReference? image)
    {
        if (image is null)
        {
            return null;
        }

        var key = (image.Path, image.Tag);
        if (found.TryGetValue(key, out var entry))
        {
            return entry;
        }

        entry = Entries.FirstOrDefault(e => e.Matches(key.Path, key.Tag));
        if (found.Count < MaxRemembered)
        {
            found.TryAdd(key, entry);
        }

        return entry;
    }

    /// <summary>The built-in catalog's text (for tests and documentation).</summary>
    public static string BuiltInText()
    {
        using var stream = typeof(ImageCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ImageCatalog LoadBuiltIn()
    {
        var file = YamlFileLoader.Load(ResourceName, BuiltInText());
        var errors = new List<CatalogError>();
        var entries = file.Documents.Count > 0 && file.Documents[0].Root is MappingNode { } root && root["images"] is { } images
            ? ImageCatalogReader.ReadEntries(images, "the image catalog", errors)
            : [];
        if (errors.Count > 0 || file.Problems.Count > 0 || entries.Count == 0)
        {
            // A build-time mistake in the shipped file: the catalog test reports the same errors with their lines.
            throw new InvalidOperationException($"The built-in image catalog is invalid: {string.Join("; ", errors.Select(e => $"{e.At.StartLine}:{e.At.StartColumn} {e.Message}").Concat(file.Problems.Select(p => p.Message)))}");
        }

        return new ImageCatalog(entries);
    }
}
