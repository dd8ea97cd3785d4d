using ManifestLint.Engine.Analysis;
using System.IO.Enumeration;
using ManifestLint.Helm;
using ManifestLint.Kustomize;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Cli.Input;

/// <summary>The files to lint, and the paths that do not exist (exit 2: the tool cannot do its job).</summary>
public sealed record CollectedInputs(IReadOnlyList<AnalysisInput> Inputs, IReadOnlyList<string> MissingPaths)
{
    /// <summary>The Helm charts to render, each once, in the order first met.</summary>
    public IReadOnlyList<ChartInput> Charts { get; init; } = [];

    /// <summary>The kustomization directories (absolute), each once: built by kustomize, their files not linted as plain YAML.</summary>
    public IReadOnlyList<string> Kustomizations { get; init; } = [];
}

/// <summary>
/// Expands command-line paths into files: a file as given; a directory recursively, keeping <c>*.yaml</c>,
/// <c>*.yml</c> and <c>*.json</c>; <c>-</c> for standard input. Symbolic links are not followed out of the linted
/// tree: symlinked directories are not entered (no loops, and their files are linted where they really are), and a
/// symlinked file is linted only when it resolves inside the directory given; <c>.git</c> is skipped. A directory
/// that cannot be listed and a link that cannot be resolved (a loop, a dangling link) become inputs whose read
/// fails, so each is reported as a finding instead of silently dropped. Files found in a walk must be regular
/// files (a FIFO is reported, never waited on); every read is bounded by the size limit (see <see cref="FileReader"/>).
/// A directory holding <c>Chart.yaml</c> is a Helm chart: it is collected as a chart (rendered later), and its files
/// are not linted as YAML. A path inside a chart (<c>templates/x.yaml</c>, <c>values.yaml</c>, as pre-commit passes
/// them) selects its chart, once; a vendored subchart selects the chart it is vendored in. A directory holding a
/// kustomization file is a kustomization: collected (built later), its walk goes on, and the files the
/// kustomizations use are not linted as plain YAML; a file a kustomization of the repository uses (a staged base
/// file) selects the overlays that build from it, once.
/// </summary>
public static class InputCollector
{
    public const string StandardInputPath = AnalysisInput.StandardInputPath;

    /// <summary>Reads stop one byte past the loader's size limit, which then reports the file as too large.</summary>
    private static readonly long MaxBytes = LoadLimits.Default.MaxFileBytes;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".yaml", ".yml", ".json" };

    public static CollectedInputs Collect(IEnumerable<string> paths, CliEnvironment environment)
    {
        var inputs = new List<AnalysisInput>();
        var charts = new List<ChartInput>();
        var kustomizations = new List<string>();
        var kustomize = new KustomizationInputs(RepositoryRoot(environment.WorkingDirectory));
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (seen.Add(StandardInputPath))
                {
                    inputs.Add(new AnalysisInput(StandardInputPath, Once(() => ReadAll(environment.OpenStandardInput()))));
                }

                continue;
            }

            var full = Path.GetFullPath(path, environment.WorkingDirectory);
            if ((File.Exists(full) || Directory.Exists(full)) && ChartDirectories.EnclosingChart(full) is { } chart)
            {
                // A chart a kustomization inflates (helmCharts:) is linted through the kustomizations that use it.
                var chartFile = Path.Combine(chart, "Chart.yaml");
                if (kustomize.MayBeUsed(chartFile) && kustomize.UnitsUsing(chartFile) is { Count: > 0 } users)
                {
                    foreach (var unit in users)
                    {
                        AddKustomization(unit);
                    }
                }
                else
                {
                    AddChart(chart);
                }
            }
            else if (File.Exists(full) && Extensions.Contains(Path.GetExtension(full)) is var yaml
                && (yaml || KustomizationInputs.IsKustomizationFile(full)) && kustomize.MayBeUsed(full) && kustomize.UnitsUsing(full) is { Count: > 0 } units)
            {
                // A file a kustomization uses (pre-commit passes a staged base file): every overlay that builds from it, once.
                foreach (var unit in units)
                {
                    AddKustomization(unit);
                }
            }
            else if (File.Exists(full))
            {
                // Named on the command line: read whatever it is (a pipe from <(helm template …) included), once.
                Add(full, Once(() => FileReader.ReadNamedFile(full, MaxBytes)));
            }
            else if (Directory.Exists(full))
            {
                var (files, failures, chartDirectories, kustomizationDirectories) = Walk(full);
                var used = kustomize.UsedFiles(kustomizationDirectories);
                foreach (var directory in kustomizationDirectories)
                {
                    AddKustomization(directory);
                }

                foreach (var file in files.Where(f => !used.Contains(f)))
                {
                    Add(file, () => FileReader.ReadRegularFile(file, MaxBytes));
                }

                foreach (var (failed, error) in failures)
                {
                    Add(failed, () => throw error);
                }

                foreach (var directory in chartDirectories.Where(d => !used.Contains(Path.Combine(d, "Chart.yaml"))))
                {
                    AddChart(directory);
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return new CollectedInputs(inputs, missing) { Charts = charts, Kustomizations = kustomizations };

        void Add(string full, Func<byte[]> read)
        {
            if (seen.Add(full))
            {
                inputs.Add(new AnalysisInput(DisplayPath(full, environment.WorkingDirectory), read));
            }
        }

        void AddKustomization(string directory)
        {
            if (seen.Add("kustomization:" + directory))
            {
                kustomizations.Add(directory);
            }
        }

        void AddChart(string directory)
        {
            if (seen.Add(directory))
            {
                charts.Add(new ChartInput(directory, DisplayPath(directory, environment.WorkingDirectory)));
            }
        }
    }

    /// <summary>The repository a run is in (the nearest directory above the working directory holding .git), where pre-commit's files are looked up among kustomizations.</summary>
    private static string RepositoryRoot(string workingDirectory)
    {
        for (var directory = workingDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git")))
            {
                return directory;
            }
        }

        return workingDirectory;
    }

    /// <summary>Paths in findings are relative to the working directory, like a compiler's.</summary>
    public static string DisplayPath(string full, string workingDirectory) => Path.GetRelativePath(workingDirectory, full);

    /// <summary>
    /// The files below <paramref name="root"/>, sorted; what could not be listed or resolved, with why; and the charts.
    /// Entries are typed from the directory listing itself, so a walk costs one system call per directory, plus one per
    /// symbolic link.
    /// </summary>
    private static (List<string> Files, List<(string Path, Exception Error)> Failures, List<string> Charts, List<string> Kustomizations) Walk(string root)
    {
        var realRoot = FileReader.RealPath(root, out _) ?? root;
        var pending = new Stack<string>();
        pending.Push(root);
        var found = new List<string>();
        var failures = new List<(string, Exception)>();
        var charts = new List<string>();
        var kustomizations = new List<string>();
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false, ReturnSpecialDirectories = false };
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            if (ChartDirectories.IsChart(directory))
            {
                charts.Add(directory);
                continue;
            }

            if (KustomizationInputs.IsKustomization(directory))
            {
                kustomizations.Add(directory);
            }

            List<(string Path, bool IsDirectory, bool IsLink)> entries;
            try
            {
                entries = [.. new FileSystemEnumerable<(string, bool, bool)>(directory,
                    (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0), options)];
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                failures.Add((directory, new IOException($"The directory cannot be listed: {e.Message}", e)));
                continue;
            }

            foreach (var (path, isDirectory, isLink) in entries)
            {
                if (isDirectory)
                {
                    if (!isLink && Path.GetFileName(path) != ".git")
                    {
                        pending.Push(path);
                    }
                }
                else if (Extensions.Contains(Path.GetExtension(path)))
                {
                    if (!isLink)
                    {
                        found.Add(path);
                    }
                    else if (FileReader.RealPath(path, out var error) is not { } target)
                    {
                        failures.Add((path, new IOException($"It is a symbolic link that cannot be resolved ({error}).")));
                    }
                    else if (IsUnder(target, realRoot))
                    {
                        found.Add(path);
                    }
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        failures.Sort((a, b) => StringComparer.Ordinal.Compare(a.Item1, b.Item1));
        charts.Sort(StringComparer.Ordinal);
        kustomizations.Sort(StringComparer.Ordinal);
        return (found, failures, charts, kustomizations);
    }

    private static bool IsUnder(string path, string directory)
    {
        var relative = Path.GetRelativePath(directory, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>Reads once, however often the engine asks: a pipe or standard input cannot be read twice.</summary>
    private static Func<byte[]> Once(Func<byte[]> read)
    {
        var bytes = new Lazy<byte[]>(read, LazyThreadSafetyMode.ExecutionAndPublication);
        return () => bytes.Value;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            return FileReader.ReadBounded(stream, MaxBytes);
        }
    }
}
