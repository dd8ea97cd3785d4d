using System.Text.RegularExpressions;
using ManifestLint.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>One hook of <c>.pre-commit-hooks.yaml</c>: the fields pre-commit uses to run it.</summary>
internal sealed record PreCommitHook(string Id, string Entry, string Language, string Files, bool RequireSerial)
{
    /// <summary>The staged files pre-commit hands the hook: those its <c>files</c> pattern matches (Python re.search).</summary>
    public IReadOnlyList<string> Select(IEnumerable<string> staged) =>
        [.. staged.Where(f => Regex.IsMatch(f, Files, RegexOptions.None, TimeSpan.FromSeconds(1)))];

    /// <summary>The hooks of the repository's <c>.pre-commit-hooks.yaml</c>, parsed as YAML (as pre-commit does).</summary>
    public static IReadOnlyList<PreCommitHook> Load(string repositoryRoot)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(repositoryRoot, ".pre-commit-hooks.yaml")))
        {
            stream.Load(reader);
        }

        var hooks = (YamlSequenceNode)stream.Documents.Single().RootNode;
        return [.. hooks.Cast<YamlMappingNode>().Select(h =>
        {
            string? Field(string key) => h.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
            return new PreCommitHook(Field("id")!, Field("entry")!, Field("language")!, Field("files") ?? string.Empty, Field("require_serial") == "true");
        })];
    }

    public static PreCommitHook Get(string id) => Load(RepositoryPaths.Root).Single(h => h.Id == id);
}
