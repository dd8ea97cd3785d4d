using ManifestLint.Engine.Analysis;
using ManifestLint.Usage;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// The usage files of a lint: <c>--usage</c> (relative to the working directory) and the <c>usage:</c> entries of the
/// configuration files of the linted paths (relative to each file), read once before the analysis. An unreadable file,
/// or one that is not a usage export, stops the run with exit 2 and a message naming the file.
/// </summary>
public static class UsageLoader
{
    /// <summary>The usage files named for this run, with their roles; empty when none.</summary>
    public static IReadOnlyList<UsageFile> Files(IReadOnlyList<string> arguments, AnalysisOptions analysis, IEnumerable<string> paths, string workingDirectory)
    {
        var files = arguments.Select(a => UsageFile.Parse(a, workingDirectory)).ToList();
        if (analysis.Configuration is { } configuration)
        {
            var configs = paths.Append(AnalysisInput.StandardInputPath)
                .Select(p => configuration.For(p).Config)
                .Where(c => c.Usage.Count > 0)
                .Distinct();
            files.AddRange(configs.SelectMany(c => c.Usage.Select(u => UsageFile.Parse(u, c.Directory))));
        }

        return files.DistinctBy(f => (f.FullPath, f.Role)).ToList();
    }

    /// <summary>The analysis options with the usage data loaded; null (after saying why) when a file cannot be used.</summary>
    public static AnalysisOptions? Apply(IReadOnlyList<string> arguments, AnalysisOptions analysis, IEnumerable<string> paths, CliEnvironment environment)
    {
        var files = Files(arguments, analysis, paths, environment.WorkingDirectory);
        if (files.Count == 0)
        {
            return analysis;
        }

        try
        {
            return analysis with { Usage = UsageSet.Load(files) };
        }
        catch (UsageFileException e)
        {
            environment.Error.WriteLine($"manifestlint: usage file {e.Message}");
            return null;
        }
    }
}
