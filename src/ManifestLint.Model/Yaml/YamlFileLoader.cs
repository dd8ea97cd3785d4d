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
    /// <summary>The characters YAML 1.2's c-printable excludes, below U+FFFE: C0 controls but tab, LF and CR; DEL; C1 controls but NEL.</summary>
    private static readonly System.Buffers.SearchValues<char> NonPrintableCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not (0x09 or 0x0A or 0x0D)).Select(c => (char)c), (char)0x7F,
         .. Enumerable.Range(0x80, 0x20).Where(c => c != 0x85).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    public static YamlFile Load(string path, ReadOnlySpan<byte> bytes, LoadLimits? limits = null)
    {
        limits ??= LoadLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            return Failed(path, new ModelProblem(ModelProblemKind.LimitExceeded,
                $"The file is larger than the {limits.MaxFileBytes:N0} bytes ManifestLint reads; it is not analysed.",
                SourceSpan.FileStart(path)));
        }

        return SourceDecoder.TryDecode(path, bytes, out var text, out var problem)
            ? Load(path, text, limits)
            : Failed(path, problem!);
    }

    public static YamlFile Load(string path, string text, LoadLimits? limits = null) => Load(path, text, limits, null);

    /// <param name="wanted">
    /// Which documents to parse, by their text (see <see cref="DocumentSplitter"/>); the others are skipped unparsed, as
    /// if absent. Null parses all. Documents are parsed independently, so what a skipped one holds changes no other.
    /// </param>
    public static YamlFile Load(string path, string text, LoadLimits? limits, Func<string, bool>? wanted)
    {
        limits ??= LoadLimits.Default;
        return wanted is null && LoadWhole(path, text, limits) is { } whole ? whole : LoadByDocument(path, text, limits, wanted);
    }

    /// <summary>
    /// Most files are valid, and one parser over the whole file costs less than one per document plus a copy of each
    /// document's text (5-6% of a lint). The result must be what <see cref="LoadByDocument"/> gives, so anything that
    /// could make the two differ sends the file there: a syntax error, a load limit, a control character, a directive
    /// (<c>%YAML</c> is only valid in a whole stream, not in a Kubernetes-split document), or a document that the
    /// Kubernetes split cuts where YAML does not. A broken file is therefore parsed twice; a valid one once.
    /// </summary>
    private static YamlFile? LoadWhole(string path, string text, LoadLimits limits)
    {
        if (text.AsSpan().IndexOfAny(NonPrintableCharacters) >= 0 || text.StartsWith('%') || text.Contains("\n%", StringComparison.Ordinal) || HasLoneCarriageReturn(text))
        {
            return null;
        }

        var builder = new YamlTreeBuilder(path, 0, limits);
        var documents = new List<YamlDocument>();
        try
        {
            ReadDocuments(builder, text, documents);
        }
        catch (Exception e) when (e is YamlException or LoadLimitException || IsParserBug(e))
        {
            return null;
        }

        // Every document the Kubernetes split starts must start a document here too: YAML could have read a separator
        // line as text (it cannot end every construct that the split ends), and then the documents differ. A scalar that
        // takes no text is placed at a neighbouring token, which differs between the two loads at a document's edge
        // (YamlTreeBuilder.HasEmptyScalar): in a file of several documents, any such scalar sends it document by document.
        // A file of one document is one chunk, parsed the same way by both.
        var separators = DocumentSplitter.SeparatorLines(text).ToList();
        var starts = new HashSet<int>(documents.Select(d => d.Span.StartLine));
        return separators.Count == 0 || (!builder.HasEmptyScalar && separators.All(starts.Contains))
            ? new YamlFile(path, documents, [.. builder.Problems])
            : null;
    }

    /// <summary>
    /// YamlDotNet breaks lines at a CR alone, the document split (like Kubernetes) only at LF: the two loads then number
    /// the lines of later documents differently.
    /// </summary>
    private static bool HasLoneCarriageReturn(string text)
    {
        for (var i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r', i + 1))
        {
            if (i + 1 == text.Length || text[i + 1] != '\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each document parsed on its own, so that an error in one costs only that one (Kubernetes splits the same way).</summary>
    private static YamlFile LoadByDocument(string path, string text, LoadLimits limits, Func<string, bool>? wanted)
    {
        var documents = new List<YamlDocument>();
        var problems = new List<ModelProblem>();
        var budget = new LoadBudget(limits);
        foreach (var chunk in DocumentSplitter.Split(text))
        {
            if (wanted is not null && !wanted(chunk.Text))
            {
                continue;
            }

            var lineOffset = chunk.StartLine - 1;
            if ((NonPrintable(path, chunk) ?? UnsupportedDirective(path, chunk)) is { } unreadable)
            {
                problems.Add(unreadable);
                continue;
            }

            var builder = new YamlTreeBuilder(path, lineOffset, limits, budget);
            try
            {
                ReadDocuments(builder, chunk.Text, documents);
            }
            catch (LoadLimitException e)
            {
                problems.Add(new ModelProblem(ModelProblemKind.LimitExceeded, e.Message, At(path, e.At, e.At, lineOffset)));
                if (e.StopsFile)
                {
                    problems.AddRange(builder.Problems);
                    break;
                }
            }
            catch (YamlException e)
            {
                var span = e.Message.Contains("invalid tab", StringComparison.Ordinal) ? TabIndentation(path, chunk) : null;
                problems.Add(new ModelProblem(ModelProblemKind.InvalidYaml, Describe(e), span ?? ClampToDocument(At(path, e.Start, e.End, lineOffset), chunk)));
            }
            catch (Exception e) when (IsParserBug(e))
            {
                problems.Add(new ModelProblem(ModelProblemKind.InvalidYaml, $"Invalid YAML: the parser failed on this document ({e.GetType().Name}: {e.Message}).", new SourceSpan(path, chunk.StartLine, 1, chunk.StartLine, 2)));
            }

            problems.AddRange(builder.Problems);
        }

        return new YamlFile(path, documents, problems);
    }

    private static YamlFile Failed(string path, ModelProblem problem) => new(path, [], [problem]);

    /// <summary>How many times one text is parsed, at most, while work-arounds are added or candidates dropped.</summary>
    private const int MaxRepairAttempts = 64;

    /// <summary>
    /// Parses every document of <paramref name="text"/> into <paramref name="documents"/>. Where YamlDotNet rejects what
    /// YAML and go-yaml read (<see cref="LeadingBlankLines"/>, <see cref="QuotedLineIndentation"/>), the text is parsed
    /// again with the work-around; the first error of the last parse, if any, is the document's.
    /// </summary>
    private static void ReadDocuments(YamlTreeBuilder builder, string text, List<YamlDocument> documents)
    {
        var count = documents.Count;
        var saved = builder.Save();
        LeadingBlankLines? blanks = null;
        var indentation = new QuotedLineIndentation();
        for (var attempt = 1; ; attempt++)
        {
            documents.RemoveRange(count, documents.Count - count);
            builder.Restore(saved);
            builder.Repairs = blanks;
            builder.Shifts = indentation;
            var unshifted = blanks?.Text ?? text;
            YamlException? failure = null;
            try
            {
                Parse(builder, indentation.Apply(unshifted), documents);
            }
            catch (YamlException e)
            {
                failure = e;
            }
            finally
            {
                builder.Repairs = null;
                builder.Shifts = null;
            }

            if (attempt < MaxRepairAttempts)
            {
                if (failure is not null && blanks is null && LeadingBlankLines.IsWorkedAround(failure))
                {
                    blanks = LeadingBlankLines.Find(text);
                    continue;
                }

                if (failure is not null && QuotedLineIndentation.IsWorkedAround(failure) && indentation.Add(unshifted, indentation.Unshift(failure.Start)))
                {
                    continue;
                }

                // A candidate that no block scalar starts on (text inside another scalar, say) must not be rewritten: parse
                // again without the ones the parser passed by, before the place it failed, if it did.
                var passed = blanks?.Unconfirmed.Where(line => failure is null || line < failure.Start.Line).ToList() ?? [];
                if (passed.Count > 0)
                {
                    blanks = blanks!.Without(text, passed);
                    continue;
                }
            }

            if (failure is null)
            {
                return;
            }

            throw indentation.IsEmpty ? failure : new YamlException(indentation.Unshift(failure.Start), indentation.Unshift(failure.End), Message(failure));
        }
    }

    /// <summary>A parser error's message without YamlDotNet's "(Line: 3, Col: 5, Idx: 20) - (...): " prefix.</summary>
    private static string Message(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
    }

    private static void Parse(YamlTreeBuilder builder, string text, List<YamlDocument> documents)
    {
        var parser = new Parser(new StringReader(WithoutUnicodeLineBreaks(text)));
        while (builder.TryReadDocument(parser, out var root, out var span))
        {
            documents.Add(new YamlDocument(root, span));
        }
    }

    /// <summary>
    /// The text to give YamlDotNet's scanner when only its tokens matter (comments, for suppressions): Unicode line
    /// breaks read as spaces, and block scalars' leading lines of spaces made empty (see <see cref="LeadingBlankLines"/>).
    /// </summary>
    public static string ForScanning(string text) => LeadingBlankLines.ForScanning(WithoutUnicodeLineBreaks(text));

    /// <summary>What YamlDotNet throws besides <see cref="YamlException"/> on hostile input: a parser bug costs the document, not the run.</summary>
    private static bool IsParserBug(Exception e) => e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException;

    /// <summary>
    /// YamlDotNet (like YAML 1.1) breaks lines at NEL, U+2028 and U+2029 too, which would shift every line number after
    /// one against the file's own lines (the ones editors, SARIF and GitHub count). They are read as spaces, by the
    /// loader and by anything else that hands a document's text to YamlDotNet.
    /// </summary>
    public static string WithoutUnicodeLineBreaks(string text) =>
        text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029') < 0
            ? text
            : text.Replace('\u0085', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');

    /// <summary>
    /// YAML allows only printable characters (YAML 1.2, 5.1): go-yaml, and so kubectl, rejects a stream with any other
    /// ("control characters are not allowed"). YamlDotNet reads most of them, so they are looked for here, per document.
    /// </summary>
    private static ModelProblem? NonPrintable(string path, DocumentText chunk)
    {
        var index = chunk.Text.AsSpan().IndexOfAny(NonPrintableCharacters);
        if (index < 0)
        {
            return null;
        }

        var before = chunk.Text.AsSpan(0, index);
        var line = chunk.StartLine + before.Count('\n');
        var column = index - before.LastIndexOf('\n');
        return new ModelProblem(ModelProblemKind.InvalidYaml,
            $"Invalid YAML: the control character U+{(int)chunk.Text[index]:X4} is not allowed; write it as an escape (\\u{(int)chunk.Text[index]:x4}) in a double-quoted string.",
            new SourceSpan(path, line, column, line, column + 1));
    }

    /// <summary>
    /// go-yaml (libyaml), and so kubectl and Helm, reads YAML 1.1 streams only: it rejects <c>%YAML 1.2</c> ("found
    /// incompatible YAML document") and any directive but <c>%YAML</c> and <c>%TAG</c>, which YamlDotNet reads.
    /// Directives open a document's text (see <see cref="DocumentSplitter"/>).
    /// </summary>
    private static ModelProblem? UnsupportedDirective(string path, DocumentText chunk)
    {
        if (!chunk.Text.StartsWith('%') && !chunk.Text.Contains("\n%", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = chunk.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!line.StartsWith('%'))
            {
                return null;
            }

            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var message = words[0] switch
            {
                "%TAG" => null,
                "%YAML" when words.Length > 1 && words[1] == "1.1" => null,
                "%YAML" => $"Invalid YAML: go-yaml, and so kubectl and Helm, reads only YAML 1.1 and rejects '{line}' (found incompatible YAML document); write %YAML 1.1 or remove the directive.",
                _ => $"Invalid YAML: go-yaml, and so kubectl and Helm, rejects the unknown directive '{words[0]}'; remove it.",
            };
            if (message is not null)
            {
                var at = chunk.StartLine + i;
                return new ModelProblem(ModelProblemKind.InvalidYaml, message, new SourceSpan(path, at, 1, at, line.Length + 1));
            }
        }

        return null;
    }

    /// <summary>YamlDotNet reports a tab in indentation at the document's start; the line to fix is the first one indented with a tab.</summary>
    private static SourceSpan? TabIndentation(string path, DocumentText chunk)
    {
        var lines = chunk.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indentation && indentation < lines[i].TrimEnd('\r').Length)
            {
                return new SourceSpan(path, chunk.StartLine + i, tab + 1, chunk.StartLine + i, tab + 2);
            }
        }

        return null;
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the span already says where.</summary>
    private static string Describe(YamlException e)
    {
        var message = Message(e).Trim();
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
