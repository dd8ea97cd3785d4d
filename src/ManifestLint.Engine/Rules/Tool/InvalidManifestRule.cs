using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;

namespace ManifestLint.Engine.Rules.Tool;

/// <summary>ML0001: a file that is not valid YAML, a document that hit an input limit, or an object of the wrong shape.</summary>
public sealed class InvalidManifestRule() : Rule(RuleIds.InvalidManifest)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterFileAction(context =>
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var problem in context.File.Problems)
        {
            // Identical messages in one file are told apart by their order, never by line numbers.
            var occurrence = seen[problem.Message] = seen.GetValueOrDefault(problem.Message) + 1;
            context.Report(problem.Span, problem.Message, $"{problem.Kind}|{problem.Message}|{occurrence}");
        }
    });
}
