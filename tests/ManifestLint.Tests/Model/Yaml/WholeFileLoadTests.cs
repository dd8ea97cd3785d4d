using System.Text;
using CsCheck;
using ManifestLint.Model.Yaml;
using ManifestLint.Tests.Reliability.Fuzz;
using Xunit;

namespace ManifestLint.Tests.Model.Yaml;

/// <summary>
/// A valid file is parsed once as a whole; any other goes document by document. Both must give the same documents,
/// nodes, spans and problems: the whole-file load is an optimisation, never a change of meaning. Passing a
/// <c>wanted</c> filter that takes every document forces the document-by-document load, the reference here.
/// </summary>
public class WholeFileLoadTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "plain stream", "a: 1\n---\nb: [1, 2]\n--- # comment\n\nc: {d: e}\n" },
        { "leading comment and separator", "# head\n---\na: 1\n---\n" },
        { "empty and comment-only documents", "---\n---\n# nothing\n---\na: 1\n---\n" },
        { "block scalar then separator", "a: |\n  text\n  more\n---\nb: 2\n" },
        { "separator line inside a block scalar", "a: |\n  text\n---\n  more\nb: 2\n" },
        { "separator inside a quoted scalar", "a: \"one\n---\ntwo\"\n" },
        { "document end markers", "a: 1\n...\n---\nb: 2\n...\n" },
        { "content after a document end marker", "a: 1\n...\nb: 2\n" },
        { "directive in a later document", "a: 1\n...\n%YAML 1.2\n---\nb: 2\n" },
        { "anchor used in a later document", "a: &x 1\n---\nb: *x\n" },
        { "anchors and merge keys", "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n" },
        { "duplicate keys in the second document", "a: 1\n---\nb: 1\nb: 2\n" },
        { "syntax error in the middle", "a: 1\n---\nb: [1, 2\n---\nc: 3\n" },
        { "tab indentation", "a:\n\tb: 1\n---\nc: 2\n" },
        { "control character", "a: 1\n---\nb: \"x\u0007\"\n" },
        { "CRLF line ends", "a: 1\r\n---\r\nb: 2\r\n" },
        { "a carriage return alone", "a: 1\rb: 2\n---\nc: 3\n" },
        { "NEL and line separators", "a: x\u0085y\n---\nb: z\u2028w\n" },
        { "separator followed by a tab", "a: 1\n---\t\nb: 2\n" },
        { "separator with content", "a: 1\n--- {b: 2}\n--- |\n  text\n" },
        { "not a separator", "a: |\n  x\n---b\n" },
        { "byte order mark in a later document", "a: 1\n---\n\uFEFFb: 2\n" },
        { "JSON", "{\"a\": [1, {\"b\": null}]}\n" },
        { "empty", string.Empty },
        { "only comments", "# a\n# b\n" },
        { "empty key first", ": v1\nkind: x\n" },
        { "empty key after a separator", "\n---\n: \n" },
        { "empty key before a separator", "a: 1\n: \n---\nb: 2\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WholeFileLoad_GivesWhatTheDocumentByDocumentLoadGives(string name, string text)
    {
        Assert.Equal(Dump(ByDocument(text)), Dump(YamlFileLoader.Load("a.yaml", text)));
        Assert.NotNull(name);
    }

    [Fact]
    public void WholeFileLoad_GivesWhatTheDocumentByDocumentLoadGives_OnEverySeedManifest()
    {
        foreach (var seed in ManifestFuzz.Seeds)
        {
            Assert.Equal(Dump(ByDocument(seed)), Dump(YamlFileLoader.Load("a.yaml", seed)));
        }
    }

    [Fact]
    public void WholeFileLoad_GivesWhatTheDocumentByDocumentLoadGives_OnMutatedManifests()
    {
        ManifestFuzz.Case.Sample(
            c => Dump(YamlFileLoader.Load("a.yaml", c.Text)) == Dump(ByDocument(c.Text)),
            seed: ManifestFuzz.Seed, iter: ManifestFuzz.Iterations(1500), time: ManifestFuzz.Seconds, print: c => $"{c}\n---- input ----\n{c.Text}");
    }

    private static YamlFile ByDocument(string text) => YamlFileLoader.Load("a.yaml", text, null, _ => true);

    /// <summary>Every document, node, span and problem, as text (cut off at a size no real case reaches).</summary>
    private static string Dump(YamlFile file)
    {
        var builder = new StringBuilder();
        foreach (var document in file.Documents)
        {
            builder.Append("doc ").Append(document.Span.StartLine).Append(':').Append(document.Span.StartColumn).Append('-')
                .Append(document.Span.EndLine).Append(':').Append(document.Span.EndColumn).Append('\n');
            if (document.Root is { } root)
            {
                Dump(root, builder, 1);
            }
        }

        foreach (var problem in file.Problems)
        {
            builder.Append("problem ").Append(problem.Kind).Append(' ').Append(problem.Span.StartLine).Append(':').Append(problem.Span.StartColumn).Append('-').Append(problem.Span.EndLine).Append(':').Append(problem.Span.EndColumn).Append(' ').Append(problem.Message).Append('\n');
        }

        return builder.ToString();
    }

    private static void Dump(YamlNode node, StringBuilder builder, int depth)
    {
        if (builder.Length > 1_000_000)
        {
            return;
        }

        builder.Append(' ', depth).Append(node.Span.StartLine).Append(':').Append(node.Span.StartColumn).Append('-')
            .Append(node.Span.EndLine).Append(':').Append(node.Span.EndColumn).Append(' ');
        switch (node)
        {
            case ScalarNode scalar:
                builder.Append(scalar.IsPlain ? "plain " : "scalar ").Append(scalar.Value).Append('\n');
                break;
            case SequenceNode sequence:
                builder.Append("list\n");
                foreach (var item in sequence.Items)
                {
                    Dump(item, builder, depth + 1);
                }

                break;
            case MappingNode mapping:
                builder.Append("map\n");
                foreach (var entry in mapping.Entries)
                {
                    Dump(entry.Key, builder, depth + 1);
                    Dump(entry.Value, builder, depth + 2);
                }

                break;
        }
    }
}
