using ManifestLint.Engine.Analysis;
using ManifestLint.Helm;

namespace ManifestLint.Cli.Input;

/// <summary>The files to lint, and the paths that do not exist (exit 2: the tool cannot do its job).</summary>
public sealed record CollectedInputs(IReadOnlyList<AnalysisInput> Inputs, IReadOnlyList<string> MissingPaths)
{
    /// <summary>The Helm charts to render, each once, in the order first met.</summary>
    public IReadOnlyList<ChartInput> Charts { get; init; } = [];
}

/// <summary>
/// Expands command-line paths into files: a file as given; a directory recursively, keeping <c>*.yaml</c>,
/// <c>*.yml</c> and <c>*.json</c>; <c>-</c> for standard input. Symlinked directories are not entered (no
/// loops, no escaping the linted tree), and <c>.git</c> is skipped. An unreadable directory becomes an input
/// whose read fails, so it is reported as a finding instead of silently dropped.
/// A directory holding <c>Chart.yaml</c> is a Helm chart: it is collected as a chart (rendered later), and its files
/// are not linted as YAML. A path inside a chart (<c>templates/x.yaml</c>, <c>values.yaml</c>, as pre-commit passes
/// them) selects its chart, once; a vendored subchart selects the chart it is vendored in.
/// </summary>
public static class InputCollector
{
    public const string StandardInputPath = AnalysisInput.StandardInputPath;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".yaml", ".yml", ".json" };

    public static CollectedInputs Collect(IEnumerable<string> paths, CliEnvironment environment)
    {
        var inputs = new List<AnalysisInput>();
        var charts = new List<ChartInput>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (seen.Add(StandardInputPath))
                {
                    inputs.Add(new AnalysisInput(StandardInputPath, () => ReadAll(environment.OpenStandardInput())));
                }

                continue;
            }

            var full = Path.GetFullPath(path, environment.WorkingDirectory);
            if ((File.Exists(full) || Directory.Exists(full)) && ChartDirectories.EnclosingChart(full) is { } chart)
            {
                AddChart(chart);
            }
            else if (File.Exists(full))
            {
                Add(full);
            }
            else if (Directory.Exists(full))
            {
                var (files, chartDirectories) = Walk(full);
                foreach (var file in files)
                {
                    Add(file);
                }

                foreach (var directory in chartDirectories)
                {
                    AddChart(directory);
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return new CollectedInputs(inputs, missing) { Charts = charts };

        void Add(string full)
        {
            if (seen.Add(full))
            {
                inputs.Add(new AnalysisInput(DisplayPath(full, environment.WorkingDirectory), () => File.ReadAllBytes(full)));
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

    /// <summary>Paths in findings are relative to the working directory, like a compiler's.</summary>
    public static string DisplayPath(string full, string workingDirectory) => Path.GetRelativePath(workingDirectory, full);

    private static (List<string> Files, List<string> Charts) Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        var found = new List<string>();
        var charts = new List<string>();
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            if (ChartDirectories.IsChart(directory))
            {
                charts.Add(directory);
                continue;
            }

            string[] files, directories;
            try
            {
                files = Directory.GetFiles(directory);
                directories = Directory.GetDirectories(directory);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                found.Add(directory);
                continue;
            }

            found.AddRange(files.Where(f => Extensions.Contains(Path.GetExtension(f))));
            foreach (var sub in directories)
            {
                if (Path.GetFileName(sub) != ".git" && new DirectoryInfo(sub).LinkTarget is null)
                {
                    pending.Push(sub);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        charts.Sort(StringComparer.Ordinal);
        return (found, charts);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
