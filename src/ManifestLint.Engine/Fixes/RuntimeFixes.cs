using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Fixes;

/// <summary>
/// Edits for the runtime-memory fixes (GOMEMLIMIT, Node.js heap, JVM heap): a flag replaced where it is written
/// (<see cref="ReplaceToken"/>), an environment variable set (<see cref="SetEnv"/>, <see cref="GoMemLimitAt90Percent"/>).
/// </summary>
public static class RuntimeFixes
{
    /// <summary>Replaces a scalar value (an environment variable's <c>value:</c>), keeping its quotes.</summary>
    public static Fix? ReplaceValue(ScalarNode node, string newValue, string description) =>
        YamlEdits.ReplaceScalar(node, newValue) is { } edit ? new Fix(description, edit) : null;

    private static int TokenEnd(string text, int index)
    {
        var end = index;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not '"' and not '\'')
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// GOMEMLIMIT at 90% of the limit (<c>GoMemLimit.Format(limit / 10 * 9)</c>, what the Go rules suggest): the literal
    /// <c>value:</c> of the container's GOMEMLIMIT entry is replaced, or an entry is added when there is none. Null when
    /// GOMEMLIMIT comes from a <c>valueFrom</c>, a variable reference or a shell script.
    /// </summary>
    public static Fix? GoMemLimitAt90Percent(Container container, EnvValue? current, long limitBytes, YamlNode? document = null)
    {
        var value = Model.Runtimes.GoMemLimit.Format(limitBytes / 10 * 9);
        var description = $"Set GOMEMLIMIT={value}, 90% of the memory limit.";
        return current switch
        {
            null => SetEnv(container, "GOMEMLIMIT", value, description, document),
            { Source: { Value: { } literal } } when !literal.Contains("$(", StringComparison.Ordinal) => SetEnv(container, "GOMEMLIMIT", value, description, document),
            _ => null,
        };
    }

    /// <summary>
    /// Replaces the command-line token <paramref name="token"/> (a flag as written, such as <c>--max-old-space-size=4096</c>)
    /// in the scalar it was written in; null when the scalar does not hold it literally (a variable expanded it).
    /// </summary>
    public static Fix? ReplaceToken(YamlNode? writtenIn, string token, string replacement, string description)
    {
        if (writtenIn is not ScalarNode node)
        {
            return null;
        }

        var index = FindToken(node.Value, token);
        if (index < 0 || TokenEnd(node.Value, index) != index + token.Length)
        {
            return null;
        }

        return YamlEdits.ReplaceInScalar(node, index, token.Length, replacement) is { } edit ? new Fix(description, edit) : null;
    }

    /// <summary>
    /// Sets the environment variable <paramref name="name"/> of a container to <paramref name="value"/>: replaces the
    /// literal <c>value:</c> of an existing entry, else adds an entry to <c>env</c> (creating <c>env</c> when needed).
    /// </summary>
    public static Fix? SetEnv(Container container, string name, string value, string description, YamlNode? document = null)
    {
        var entries = container.Node["env"];
        var existing = (entries as SequenceNode)?.Items.OfType<MappingNode>().LastOrDefault(e => e["name"] is ScalarNode n && n.Value == name);
        if (existing is not null)
        {
            return existing["value"] is ScalarNode literal && !literal.Value.Contains("$(", StringComparison.Ordinal) ? ReplaceValue(literal, value, description) : null;
        }

        TextEdit? edit = entries switch
        {
            null => AddEnvList(container.Node, name, value, document),
            SequenceNode { Items.Count: > 0 } list when list.Items[0] is MappingNode { Entries.Count: > 0 } first && !YamlEdits.IsFlow(first) && list.Span.StartColumn < first.Span.StartColumn => AddEnvItem(list, first, name, value),
            _ => null,
        };
        return edit is null ? null : new Fix(description, edit);
    }

    private static TextEdit? AddEnvItem(SequenceNode list, MappingNode first, string name, string value)
    {
        var dash = new string(' ', list.Span.StartColumn - 1);
        var key = new string(' ', first.Span.StartColumn - list.Span.StartColumn);
        return first.Span.StartLine == list.Span.StartLine
            ? TextEdit.Insert(list.Span.Path, YamlEdits.LastLine(list) + 1, 1, $"{dash}- name: {name}\n{dash}{key}value: \"{value}\"\n")
            : null;
    }

    private static TextEdit? AddEnvList(MappingNode container, string name, string value, YamlNode? document)
    {
        if (YamlEdits.IsFlow(container))
        {
            return null;
        }

        var indent = new string(' ', container.Entries[0].Key.Span.StartColumn - 1);
        return TextEdit.Insert(container.Span.Path, YamlEdits.LastLine(container) + 1, 1, $"{indent}env:\n{indent}  - name: {name}\n{indent}    value: \"{value}\"\n");
    }

    private static int FindToken(string text, string prefix)
    {
        for (var i = text.IndexOf(prefix, StringComparison.Ordinal); i >= 0; i = text.IndexOf(prefix, i + 1, StringComparison.Ordinal))
        {
            if (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '"' or '\'')
            {
                return i;
            }
        }

        return -1;
    }
}
