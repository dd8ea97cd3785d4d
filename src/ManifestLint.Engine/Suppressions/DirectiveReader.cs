using System.Text.RegularExpressions;
using ManifestLint.Engine.Catalog;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Source;
using ManifestLint.Model.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace ManifestLint.Engine.Suppressions;

/// <summary>
/// Finds the suppressions of one file. Comments come from YamlDotNet's scanner, so a <c>#</c> inside a quoted or
/// block string is never taken for one; each <c>---</c> document is scanned on its own, as the loader parses it.
/// Annotations come from the objects' <c>metadata.annotations</c>, so they survive Helm rendering.
/// </summary>
internal static partial class DirectiveReader
{
    private const string Prefix = "manifestlint-";

    public static IReadOnlyList<SuppressionDirective> Read(string text, ManifestFile file, RuleCatalog catalog, bool comments, bool annotations)
    {
        var directives = new List<SuppressionDirective>();
        if (comments && text.Contains(Prefix, StringComparison.Ordinal))
        {
            ReadComments(text, file.Path, catalog, directives);
        }

        if (annotations)
        {
            foreach (var resource in file.Resources)
            {
                if ((resource.Node["metadata"] as MappingNode)?["annotations"] is MappingNode map
                    && map.Entry(SuppressionDirective.AnnotationKey) is { Value: ScalarNode value })
                {
                    var (ids, problems, reason) = ParseBody(value.Value, catalog);
                    var span = resource.Node.Span;
                    directives.Add(new SuppressionDirective(SuppressionKind.Annotation, value.Span, ids, problems, reason,
                        (span.StartLine, span.StartColumn), (span.EndLine, span.EndColumn), resource.DisplayName, WholeLine: false));
                }
            }
        }

        return directives;
    }

    /// <summary>Rule IDs, a problem per token that is not a known rule, and the reason after <c>--</c> (null when missing or empty).</summary>
    internal static (IReadOnlyList<string> Ids, IReadOnlyList<string> Problems, string? Reason) ParseBody(string body, RuleCatalog catalog)
    {
        var separator = Separator().Match(body);
        var idText = separator.Success ? body[..separator.Index] : body;
        var reason = separator.Success ? body[(separator.Index + separator.Length)..].Trim() : null;
        var ids = new List<string>();
        var problems = new List<string>();
        var tokens = idText.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var token in tokens)
        {
            var id = token.ToUpperInvariant();
            if (!RuleId().IsMatch(id))
            {
                problems.Add($"\"{token}\" is not a rule ID (write the reason after \" -- \")");
            }
            else if (!catalog.TryGet(id, out _))
            {
                problems.Add($"{id} is not a ManifestLint rule (run 'manifestlint rules' for the list)");
            }
            else if (id is RuleIds.SuppressionWithoutReason or RuleIds.UnusedSuppression)
            {
                problems.Add($"{id} cannot be suppressed in source; set its severity in .manifestlint.yaml instead");
            }
            else if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        if (tokens.Length == 0)
        {
            problems.Add("it names no rule (list the IDs to suppress, e.g. ML1001)");
        }

        return (ids, problems, string.IsNullOrEmpty(reason) ? null : reason);
    }

    private static void ReadComments(string text, string path, RuleCatalog catalog, List<SuppressionDirective> directives)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var chunks = DocumentSplitter.Split(text).ToList();
        foreach (var (chunk, index) in chunks.Select((c, i) => (c, i)))
        {
            var scanner = new Scanner(new StringReader(YamlFileLoader.ForScanning(chunk.Text)), skipComments: false);
            try
            {
                // YamlDotNet's scanner reports some syntax errors as an Error token, and then repeats it forever.
                while (scanner.MoveNext() && scanner.Current is not YamlDotNet.Core.Tokens.Error)
                {
                    if (scanner.Current is Comment comment && comment.Value.TrimStart().StartsWith(Prefix, StringComparison.Ordinal))
                    {
                        var line = (int)comment.Start.Line + chunk.StartLine - 1;
                        var span = new SourceSpan(path, line, (int)comment.Start.Column, line, Math.Max((int)comment.Start.Column + 1, (int)comment.End.Column));
                        directives.Add(FromComment(comment.Value.Trim(), span, !comment.IsInline, lines, chunks, index, catalog));
                    }
                }
            }
            catch (Exception e) when (e is YamlException or InvalidOperationException)
            {
                // A syntax error is ML0001's; the comments before it still count. Used on its own (the parser reports the
                // error first), YamlDotNet's scanner can also throw InvalidOperationException on broken input.
            }
        }
    }

    private static SuppressionDirective FromComment(string value, SourceSpan span, bool wholeLine, string[] lines, List<DocumentText> chunks, int chunkIndex, RuleCatalog catalog)
    {
        var keywordEnd = value.IndexOfAny([' ', '\t']);
        var keyword = keywordEnd < 0 ? value : value[..keywordEnd];
        var body = keywordEnd < 0 ? string.Empty : value[keywordEnd..];
        var (ids, problems, reason) = ParseBody(body, catalog);
        var line = span.StartLine;
        switch (keyword)
        {
            case SuppressionDirective.NextLineKeyword:
                var target = NextContentLine(lines, line + 1, lines.Length);
                return new SuppressionDirective(SuppressionKind.NextLineComment, span, ids, problems, reason,
                    (target, 1), (target, int.MaxValue), "the next line", wholeLine);
            case SuppressionDirective.DocumentKeyword:
                var end = ChunkEnd(chunks, chunkIndex, lines.Length);
                if (NextContentLine(lines, line + 1, end) < 0 && chunkIndex + 1 < chunks.Count)
                {
                    // A directive above a document's "---" (in the comments that precede it) covers that document.
                    end = ChunkEnd(chunks, chunkIndex + 1, lines.Length);
                }

                return new SuppressionDirective(SuppressionKind.DocumentComment, span, ids, problems, reason,
                    (line, 1), (end, int.MaxValue), "the rest of the document", wholeLine);
            default:
                return new SuppressionDirective(SuppressionKind.NextLineComment, span, [], [$"\"{keyword}\" is not a ManifestLint directive (use {SuppressionDirective.NextLineKeyword} or {SuppressionDirective.DocumentKeyword})"], reason,
                    (-1, 1), (-1, 1), "nothing", wholeLine);
        }
    }

    /// <summary>The first line from <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive) with YAML on it, or -1.</summary>
    private static int NextContentLine(string[] lines, int from, int to)
    {
        for (var line = from; line <= Math.Min(to, lines.Length); line++)
        {
            var trimmed = lines[line - 1].Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#') && trimmed != "---" && !trimmed.StartsWith("--- ", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return -1;
    }

    private static int ChunkEnd(List<DocumentText> chunks, int index, int lineCount) =>
        index + 1 < chunks.Count ? chunks[index + 1].StartLine - 1 : lineCount;

    [GeneratedRegex(@"(?:^|\s)--(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^ML\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
