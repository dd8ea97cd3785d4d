using System.Text.RegularExpressions;
using ManifestLint.Tests.TestSupport;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>One hook of <c>.pre-commit-hooks.yaml</c>: the fields pre-commit uses to run it.</summary>
internal sealed record PreCommitHook(string Id, string Entry, string Language, string Files, bool RequireSerial)
{
    /// <summary>The staged files pre-commit hands the hook: those its <c>files</c> pattern matches (Python re.search).</summary>
    public IReadOnlyList<string> Select(IEnumerable<string> staged) =>
        [.. staged.Where(f => Regex.IsMatch(f, Files, RegexOptions.None, TimeSpan.FromSeconds(1)))];

    /// <summary>
    /// The hooks of the repository's <c>.pre-commit-hooks.yaml</c>. It is a flat list of flat mappings, read here line
    /// by line so the test needs no YAML library of its own.
    /// </summary>
    public static IReadOnlyList<PreCommitHook> Load(string repositoryRoot)
    {
        var hooks = new List<Dictionary<string, string>>();
        foreach (var line in File.ReadLines(Path.Combine(repositoryRoot, ".pre-commit-hooks.yaml")))
        {
            if (Regex.Match(line, @"^(- |  )([a-z_]+): (.*)$", RegexOptions.None, TimeSpan.FromSeconds(1)) is not { Success: true } match)
            {
                continue;
            }

            if (match.Groups[1].Value == "- ")
            {
                hooks.Add(new Dictionary<string, string>(StringComparer.Ordinal));
            }

            hooks[^1][match.Groups[2].Value] = match.Groups[3].Value;
        }

        return [.. hooks.Select(h => new PreCommitHook(h["id"], h["entry"], h["language"], h.GetValueOrDefault("files", string.Empty), h.GetValueOrDefault("require_serial") == "true"))];
    }

    public static PreCommitHook Get(string id) => Load(RepositoryPaths.Root).Single(h => h.Id == id);
}
