using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Engine.Suppressions;

/// <summary>
/// Suppression comments for front ends that lint generated text without its comments: kustomize drops every comment
/// of the bases and patches it builds from, so the engine never sees a <c>manifestlint-disable</c> written there.
/// Once findings are mapped back to the source files, the comments of those files apply as they do to a plain file
/// (the next line, the rest of the document), and each file's own comments are checked the same way (ML0004 without
/// a reason, ML0005 matching no finding of any build). Annotations are not read here: they survive a build, and the
/// engine already applied them.
/// </summary>
public static class SourceSuppressions
{
    /// <param name="diagnostics">Mapped findings (already suppressed ones pass through).</param>
    /// <param name="sources">The source files whose comments count, by the path findings use, with their text.</param>
    /// <param name="options">The run's options: each file's configuration decides whether its comments count and the severities of ML0004/ML0005.</param>
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, string> sources, AnalysisOptions options, RuleCatalog catalog)
    {
        var byPath = new Dictionary<string, IReadOnlyList<SuppressionDirective>>(StringComparer.Ordinal);
        foreach (var (path, text) in sources)
        {
            if (!text.Contains("manifestlint-", StringComparison.Ordinal) || !CommentsCount(path, options))
            {
                continue;
            }

            var directives = DirectiveReader.Read(text, new ManifestFile(path, [], [], [], [], []), catalog, comments: true, annotations: false);
            if (directives.Count > 0)
            {
                byPath[path] = directives;
            }
        }

        if (byPath.Count == 0)
        {
            return diagnostics;
        }

        var (active, suppressed) = SuppressionProcessor.Apply(diagnostics.Where(d => d.Suppression is null), byPath, catalog, (rule, p) => AnalysisEngine.SeverityOf(rule, p, options));
        return [.. active, .. suppressed, .. diagnostics.Where(d => d.Suppression is not null)];
    }

    private static bool CommentsCount(string path, AnalysisOptions options)
    {
        try
        {
            return (options.Configuration?.For(path).Suppressions ?? SuppressionConfiguration.Default).Comments;
        }
        catch (ConfigurationException)
        {
            return true; // the invalid configuration file is reported where the files under it are analysed
        }
    }
}
