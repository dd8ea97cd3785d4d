using ManifestLint.Kustomize.Kustomizations;

namespace ManifestLint.Kustomize;

/// <summary>
/// What the input collector needs to know about kustomizations: which directories are kustomizations, which files
/// they use (those are built, not linted as plain YAML), and which deployable units of a repository build from a
/// given file (pre-commit passes a staged base file: every overlay that uses it is linted, once).
/// </summary>
public sealed class KustomizationInputs(string repositoryRoot)
{
    /// <summary>Directories not searched for kustomizations in a repository walk.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { ".git", "node_modules", ".tools", "bin", "obj" };

    private static readonly string[] GeneratorLists = ["files", "envs"];

    /// <summary>The most directories a repository walk looks at: a pre-commit hook must not crawl a huge tree.</summary>
    public const int MaxDirectories = 20_000;

    private readonly KustomizationTree tree = new(p => Path.GetRelativePath(repositoryRoot, p));

    public static bool IsKustomization(string directory) => KustomizationFile.Find(directory) is not null;

    /// <summary>The kustomization file of a directory (absolute), or null when it has none.</summary>
    public static string? FileOf(string directory) => KustomizationFile.Find(directory);

    public static bool IsKustomizationFile(string file) => KustomizationFile.FileNames.Contains(Path.GetFileName(file), StringComparer.Ordinal);

    /// <summary>Every file the kustomizations in <paramref name="directories"/> use, and those they include use (absolute paths).</summary>
    public IReadOnlySet<string> UsedFiles(IEnumerable<string> directories)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            foreach (var file in tree.Closure(directory))
            {
                used.UnionWith(FilesOf(file));
            }
        }

        return used;
    }

    /// <summary>
    /// The deployable units of the repository that build from <paramref name="file"/> (absolute), in path order; empty
    /// when no kustomization uses it. The repository is searched once, on first use.
    /// </summary>
    public IReadOnlyList<string> UnitsUsing(string file)
    {
        var (_, byFile) = Repository();
        return byFile.TryGetValue(file, out var units) ? units : [];
    }

    /// <summary>Whether any directory from the file's up to the repository root holds a kustomization (cheap: no walk).</summary>
    public bool MayBeUsed(string file)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (IsKustomization(directory))
            {
                return true;
            }

            if (directory.Length <= repositoryRoot.Length || string.Equals(directory, repositoryRoot, StringComparison.Ordinal))
            {
                break;
            }
        }

        return false;
    }

    private (IReadOnlyList<string> Units, Dictionary<string, List<string>> UnitsByFile) repositoryIndex;
    private bool indexed;

    private (IReadOnlyList<string> Units, Dictionary<string, List<string>> UnitsByFile) Repository()
    {
        if (indexed)
        {
            return repositoryIndex;
        }

        var directories = new List<string>();
        var pending = new Stack<string>();
        pending.Push(repositoryRoot);
        var visited = 0;
        while (pending.Count > 0 && visited++ < MaxDirectories)
        {
            var directory = pending.Pop();
            if (IsKustomization(directory))
            {
                directories.Add(directory);
            }

            try
            {
                foreach (var sub in Directory.EnumerateDirectories(directory))
                {
                    var info = new DirectoryInfo(sub);
                    if (!Skipped.Contains(info.Name) && (info.Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable directory holds no kustomization we can use.
            }
        }

        var plan = DeployableUnits.Plan(directories, tree);
        var byFile = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var unit in plan.Units.Concat(plan.Cycles.Select(c => c.Unit)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            foreach (var file in UsedFiles([unit]))
            {
                if (!byFile.TryGetValue(file, out var units))
                {
                    byFile[file] = units = [];
                }

                units.Add(unit);
            }
        }

        repositoryIndex = (plan.Units, byFile);
        indexed = true;
        return repositoryIndex;
    }

    /// <summary>The files one kustomization names: itself, resource files, patch files, generator and transformer files.</summary>
    internal static IEnumerable<string> FilesOf(KustomizationFile file)
    {
        yield return file.FilePath;
        var entries = file.Resources.Concat(file.Generators).Concat(file.Transformers).Concat(file.Validators)
            .Concat(file.Strings("patchesStrategicMerge")).Concat(file.Strings("crds")).Select(e => e.Value);
        var paths = file.Mappings("patches").Concat(file.Mappings("patchesJson6902")).Concat(file.Mappings("replacements"))
            .Select(m => KustomizationFile.Scalar(m["path"])).OfType<string>();
        var generated = file.Mappings("configMapGenerator").Concat(file.Mappings("secretGenerator"))
            .SelectMany(g => GeneratorLists.SelectMany(k => g[k] is Model.Yaml.SequenceNode list ? list.Items.OfType<Model.Yaml.ScalarNode>().Select(s => s.Value) : [])
                .Append(KustomizationFile.Scalar(g["env"]) ?? string.Empty))
            .Select(v => v.Contains('=', StringComparison.Ordinal) ? v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..] : v);
        // helmCharts: the chart's Chart.yaml (the chart is built through the kustomization, not rendered on its own) and its values files.
        var home = KustomizationFile.Scalar((file.Root?["helmGlobals"] as Model.Yaml.MappingNode)?["chartHome"]) ?? "charts";
        var charts = file.Mappings("helmCharts").SelectMany(c => new[] { KustomizationFile.Scalar(c["name"]) is { Length: > 0 } name ? Path.Combine(home, name, "Chart.yaml") : string.Empty, KustomizationFile.Scalar(c["valuesFile"]) ?? string.Empty }
            .Concat(c["additionalValuesFiles"] is Model.Yaml.SequenceNode more ? more.Items.OfType<Model.Yaml.ScalarNode>().Select(s => s.Value) : []));
        foreach (var entry in entries.Concat(paths).Concat(generated).Concat(charts).Where(e => e.Length > 0 && !e.Contains('\n', StringComparison.Ordinal)))
        {
            var full = file.Resolve(entry);
            if (File.Exists(full))
            {
                yield return full;
            }
        }
    }
}
