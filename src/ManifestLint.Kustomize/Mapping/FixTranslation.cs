using ManifestLint.Engine.Fixes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Kustomize.Mapping;

/// <summary>
/// Moves a fix from the build output, which no one edits, to the file a finding is on: a fix that replaces a value
/// is kept when that value is written, unchanged, in a resource file or a patch file of its own. Anything else (an
/// insertion, whose place and indentation in a patch cannot be known; a value written inline in a kustomization) is
/// dropped, as Helm drops fixes of rendered text: the finding stays, without a fix.
/// </summary>
internal static class FixTranslation
{
    public static Fix? Translate(Fix? fix, string inputPath, BuildMapper mapper)
    {
        if (fix is null || fix.Edits.Count == 0)
        {
            return null;
        }

        var edits = new List<TextEdit>();
        foreach (var edit in fix.Edits)
        {
            if (edit.Span.Path != inputPath || edit.Span.StartLine != edit.Span.EndLine)
            {
                return null;
            }

            // The edit must fall inside one scalar of the build, written with the same value in the target file.
            if (Built(mapper, edit) is not { } built || YamlEdits.ReplaceScalar(built, built.Value) is not { } builtValue
                || edit.Span.StartLine != builtValue.Span.StartLine || edit.Span.StartColumn < builtValue.Span.StartColumn || edit.Span.EndColumn > builtValue.Span.EndColumn)
            {
                return null;
            }

            var target = mapper.Map(built.Span);
            if (target.Node is not { Node.Node: ScalarNode value } node || value.Value != built.Value || YamlEdits.ReplaceScalar(value, value.Value) is not { } targetValue)
            {
                return null;
            }

            var offset = edit.Span.StartColumn - builtValue.Span.StartColumn;
            var length = edit.Span.EndColumn - edit.Span.StartColumn;
            var column = targetValue.Span.StartColumn + offset;
            edits.Add(new TextEdit(new Model.Source.SourceSpan(node.DisplayPath, targetValue.Span.StartLine, column, targetValue.Span.StartLine, column + length), edit.NewText));
        }

        return edits.Select(e => e.Span.Path).Distinct(StringComparer.Ordinal).Count() == 1 ? fix with { Edits = edits } : null;
    }

    /// <summary>The scalar of the build that an edit replaces, when it replaces exactly one.</summary>
    private static ScalarNode? Built(BuildMapper mapper, TextEdit edit)
    {
        foreach (var root in mapper.Roots.OfType<MappingNode>())
        {
            if (root.Span.StartLine <= edit.Span.StartLine && edit.Span.StartLine <= root.Span.EndLine
                && ObjectPath.At(root, edit.Span.StartLine, edit.Span.StartColumn) is { Count: > 0 } path
                && ObjectPath.Follow(root, path) is { } found && found.Count == path.Count + 1 && found[^1].Node is ScalarNode scalar)
            {
                return scalar;
            }
        }

        return null;
    }
}
