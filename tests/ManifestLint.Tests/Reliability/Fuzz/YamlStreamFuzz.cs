using System.Text;

namespace ManifestLint.Tests.Reliability.Fuzz;

/// <summary>
/// Generates YAML streams for the differential parser tests from a seed: block and flow collections, every scalar style,
/// block scalars with indentation indicators, chomping and leading, inner and trailing lines that are empty or hold
/// only spaces (the shape Helm renders and YamlDotNet rejected), anchors, aliases and merge keys, comments, document
/// markers and directives, then optionally CRLF line ends and a few text mutations (so that both valid and invalid
/// streams are fed to both parsers).
/// </summary>
public sealed class YamlStreamFuzz(int seed)
{
    private static readonly string[] Words = ["a", "web", "x-y", "memory", "512Mi", "1", "0x1F", "true", "yes", "null", "~", "1.5", "-", "a b", "é", "é:x", "key", "0o17", "1_000", ".inf"];
    private static readonly string[] Tokens = [" ", "  ", "\t", ":", ": ", "- ", "#", " #c", "|", ">", "|2", ">-", "'", "\"", "[", "]", "{", "}", ",", "&a ", "*a", "? ", "---", "...", "%YAML 1.1", "!!str ", "!x ", "\\", "\n", "\n\n", "\n  \n", "\n    \n"];
    private readonly Random random = new(seed);
    private readonly List<string> anchors = [];
    private readonly List<string> mappingAnchors = [];
    private int anchorCount;

    public static string Generate(int seed, bool mutate)
    {
        var fuzz = new YamlStreamFuzz(seed);
        var text = fuzz.Stream();
        if (mutate)
        {
            text = fuzz.Mutate(text);
        }

        return fuzz.Chance(15) ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
    }

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Stream()
    {
        var text = new StringBuilder();
        var documents = random.Next(1, 4);
        var ended = true;
        for (var i = 0; i < documents; i++)
        {
            anchors.Clear();
            mappingAnchors.Clear();
            if (ended && Chance(15))
            {
                text.Append(Pick(["%YAML 1.1\n", "%TAG !e! tag:example.com,2000:\n", "%YAML 1.2\n", "# before\n%TAG !! tag:example.com,2000:\n"]));
                text.Append("---\n");
            }
            else if (i > 0 || Chance(30))
            {
                text.Append(Pick(["---\n", "--- # doc\n", "---\n\n"]));
            }

            Comments(text, 0);
            Node(text, 0, 0, inline: false);
            ended = Chance(15);
            if (ended)
            {
                text.Append("...\n");
            }
        }

        return text.ToString();
    }

    private void Comments(StringBuilder text, int indent)
    {
        while (Chance(12))
        {
            text.Append(Pick(["\n", new string(' ', random.Next(0, indent + 3)) + "\n", new string(' ', indent) + "# note\n", "#\n"]));
        }
    }

    /// <summary>A node at <paramref name="indent"/>; <paramref name="inline"/> when the text so far ends in "key:" or "- ".</summary>
    private void Node(StringBuilder text, int indent, int depth, bool inline)
    {
        var choice = depth > 3 ? random.Next(0, 4) : random.Next(0, 9);
        switch (choice)
        {
            case 0 or 1:
                text.Append(inline ? " " : new string(' ', indent)).Append(Scalar()).Append('\n');
                break;
            case 2:
                text.Append(inline ? " " : new string(' ', indent));
                BlockScalar(text, indent);
                break;
            case 3:
                text.Append(inline ? " " : new string(' ', indent)).Append(Flow(depth)).Append('\n');
                break;
            case 4 or 5 or 6:
                var mappingAnchor = inline ? Properties() : string.Empty;
                if (inline)
                {
                    text.Append(mappingAnchor).Append('\n');
                }

                // An alias inside its own anchor's node is a recursion no manifest has: the anchor counts once the node ends.
                Mapping(text, indent, depth);
                Register(mappingAnchor, mapping: true);
                break;
            default:
                var sequenceAnchor = inline ? Properties() : string.Empty;
                if (inline)
                {
                    text.Append(sequenceAnchor).Append('\n');
                }

                Sequence(text, indent, depth);
                Register(sequenceAnchor, mapping: false);
                break;
        }
    }

    private string Properties()
    {
        if (!Chance(20))
        {
            return string.Empty;
        }

        return $" &n{anchorCount++}";
    }

    private void Register(string properties, bool mapping)
    {
        if (properties.Length == 0)
        {
            return;
        }

        anchors.Add(properties.Trim()[1..]);
        if (mapping)
        {
            mappingAnchors.Add(properties.Trim()[1..]);
        }
    }

    private void Mapping(StringBuilder text, int indent, int depth)
    {
        var entries = random.Next(1, 4);
        var keys = new HashSet<string>();
        for (var i = 0; i < entries; i++)
        {
            var key = Chance(10) ? $"'{Pick(Words)}'" : Pick(Words) is var w && (w.Contains(':') || w is "-" or "~" or "null") ? $"\"{w}\"" : w;
            key = keys.Add(key) ? key : $"k{i}";
            keys.Add(key);
            Comments(text, indent);
            if (mappingAnchors.Count > 0 && Chance(10) && keys.Add("<<"))
            {
                text.Append(new string(' ', indent)).Append("<<: *").Append(Pick(mappingAnchors)).Append('\n');
            }

            text.Append(new string(' ', indent)).Append(key).Append(':');
            if (Chance(8))
            {
                text.Append('\n');
                continue;
            }

            var step = Pick([2, 2, 4, 1]);
            var nested = random.Next(0, 3);
            if (nested == 0 && Chance(30))
            {
                // Kubernetes style: a list under a key at the key's own indentation.
                text.Append('\n');
                Sequence(text, indent, depth + 1);
            }
            else
            {
                Node(text, indent + step, depth + 1, inline: true);
            }
        }
    }

    private void Sequence(StringBuilder text, int indent, int depth)
    {
        var items = random.Next(1, 4);
        for (var i = 0; i < items; i++)
        {
            Comments(text, indent);
            text.Append(new string(' ', indent)).Append('-');
            if (Chance(25))
            {
                // A compact mapping: "- a: 1" with the next keys under "a".
                text.Append(' ');
                var inner = new StringBuilder();
                Mapping(inner, indent + 2, depth + 1);
                text.Append(inner.ToString(indent + 2, inner.Length - indent - 2));
            }
            else
            {
                Node(text, indent + 2, depth + 1, inline: true);
            }
        }
    }

    private string Scalar()
    {
        if (anchors.Count > 0 && Chance(10))
        {
            return "*" + Pick(anchors);
        }

        var anchor = Chance(8) ? Properties() : string.Empty;
        Register(anchor, mapping: false);
        return (anchor.Length > 0 ? anchor.TrimStart() + " " : string.Empty) + random.Next(0, 7) switch
        {
            0 => $"'{Pick(Words)} it''s'",
            1 => $"\"{Pick(Words)}\\t\\u00e9\"",
            2 => "!!str " + Pick(Words).Replace(":", string.Empty, StringComparison.Ordinal),
            3 => "\"two\n  lines\"",
            _ => Pick(Words) is var w && (w.Contains(':') || w == "-") ? $"'{w}'" : w,
        };
    }

    private string Flow(int depth)
    {
        var items = Enumerable.Range(0, random.Next(0, 4)).Select(i => depth < 3 && Chance(20) ? Flow(depth + 1) : Pick(Words) is var w && (w.Contains(':') || w == "-" || w == "a b") ? $"\"{w}\"" : w).ToList();
        return Chance(50)
            ? $"[{string.Join(", ", items)}]"
            : $"{{{string.Join(", ", items.Select((v, i) => $"k{i}: {v}"))}}}";
    }

    /// <summary>A literal or folded scalar whose header follows "key:" or "- " at <paramref name="indent"/>'s parent.</summary>
    private void BlockScalar(StringBuilder text, int indent)
    {
        var explicitIndent = Chance(20) ? random.Next(1, 4) : (int?)null;
        var chomping = Pick(["", "", "-", "+"]);
        text.Append(Chance(50) ? '|' : '>').Append(explicitIndent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).Append(chomping);
        text.Append(Chance(10) ? " # header\n" : "\n");
        var contentIndent = Math.Max(1, indent);
        string Spaces(int deeper) => new(' ', Math.Max(0, contentIndent + deeper));

        // Leading lines: empty, or spaces only, up to and sometimes past the content's indentation.
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            text.Append(Spaces(random.Next(-contentIndent, Chance(15) ? 3 : 1))).Append('\n');
        }

        var lines = random.Next(0, 4);
        for (var i = 0; i < lines; i++)
        {
            text.Append(Spaces(Chance(15) ? random.Next(1, 3) : 0)).Append(Pick(["text", "echo $HOME", "a: b", "- x", "#not a comment", "  more"])).Append('\n');
            if (Chance(25))
            {
                text.Append(Spaces(random.Next(-contentIndent, 3))).Append('\n');
            }
        }
    }

    private string Mutate(string text)
    {
        for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
            text = random.Next(0, 5) switch
            {
                0 => text.Remove(Math.Min(at, text.Length - 1), 1),
                1 => text.Insert(at, Pick(Tokens)),
                2 => text.Insert(lineStart, new string(' ', random.Next(1, 6)) + "\n"),
                3 => text.Insert(lineStart, " "),
                _ => lineStart < text.Length && text[lineStart] == ' ' ? text.Remove(lineStart, 1) : text.Insert(at, "\n"),
            };
        }

        return text;
    }
}
