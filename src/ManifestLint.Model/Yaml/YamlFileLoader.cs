using ManifestLint.Model.Problems;
using ManifestLint.Model.Source;
using YamlDotNet.Core;

namespace ManifestLint.Model.Yaml;

/// <summary>A parsed document: its root node (null for an empty or comments-only document) and its span.</summary>
public sealed record YamlDocument(YamlNode? Root, SourceSpan Span);

/// <summary>Everything read from one file: the documents that parsed, and a problem for each one that did not.</summary>
public sealed record YamlFile(string Path, IReadOnlyList<YamlDocument> Documents, IReadOnlyList<ModelProblem> Problems);

/// <summary>Loads a file of one or more YAML (or JSON) documents with exact source positions.</summary>
public static class YamlFileLoader
{
    public static YamlFile Load(string path, ReadOnlySpan<byte> bytes, LoadLimits? limits = null)
    {
        limits ??= LoadLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            return Failed(path, new ModelProblem(ModelProblemKind.LimitExceeded,
                $"The file is {bytes.Length:N0} bytes, more than the {limits.MaxFileBytes:N0} bytes ManifestLint reads; it is not analysed.",
                SourceSpan.FileStart(path)));
        }

        return SourceDecoder.TryDecode(path, bytes, out var text, out var problem)
            ? Load(path, text, limits)
            : Failed(path, problem!);
    }

    public static YamlFile Load(string path, string text, LoadLimits? limits = null)
    {
        limits ??= LoadLimits.Default;
        var documents = new List<YamlDocument>();
        var problems = new List<ModelProblem>();
        foreach (var chunk in DocumentSplitter.Split(text))
        {
            var lineOffset = chunk.StartLine - 1;
            var builder = new YamlTreeBuilder(path, lineOffset, limits);
            try
            {
                var parser = new Parser(new StringReader(chunk.Text));
                while (builder.TryReadDocument(parser, out var root, out var span))
                {
                    documents.Add(new YamlDocument(root, span));
                }
            }
            catch (LoadLimitException e)
            {
                problems.Add(new ModelProblem(ModelProblemKind.LimitExceeded, e.Message, At(path, e.At, e.At, lineOffset)));
            }
            catch (YamlException e)
            {
                problems.Add(new ModelProblem(ModelProblemKind.InvalidYaml, Describe(e), ClampToDocument(At(path, e.Start, e.End, lineOffset), chunk)));
            }
        }

        return new YamlFile(path, documents, problems);
    }

    private static YamlFile Failed(string path, ModelProblem problem) => new(path, [], [problem]);

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the span already says where.</summary>
    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        message = message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
        message = message.Trim();
        return $"Invalid YAML: {message}{(message.EndsWith('.') ? string.Empty : ".")}";
    }

    /// <summary>
    /// The parser reports an unterminated construct at the end of the stream, which is the next
    /// document's separator line; pull such a span back to the document's last non-blank line.
    /// </summary>
    private static SourceSpan ClampToDocument(SourceSpan span, DocumentText chunk)
    {
        var lines = chunk.Text.TrimEnd().Split('\n');
        var lastLine = chunk.StartLine + lines.Length - 1;
        if (span.StartLine <= lastLine)
        {
            return span;
        }

        var lastColumn = lines[^1].TrimEnd('\r').Length + 1;
        return span with { StartLine = lastLine, StartColumn = 1, EndLine = lastLine, EndColumn = Math.Max(2, lastColumn) };
    }

    private static SourceSpan At(string path, Mark start, Mark end, int lineOffset)
    {
        var startLine = (int)Math.Max(1, start.Line) + lineOffset;
        var startColumn = (int)Math.Max(1, start.Column);
        var endLine = (int)Math.Max(start.Line, end.Line) + lineOffset;
        var endColumn = endLine == startLine ? Math.Max(startColumn + 1, (int)end.Column) : (int)Math.Max(1, end.Column);
        return new SourceSpan(path, startLine, startColumn, endLine, endColumn);
    }
}
