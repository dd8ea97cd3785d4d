using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestLint.Model.Problems;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Tests.Reliability.Fuzz;

/// <summary>How ManifestLint's loader and gopkg.in/yaml.v3 read one stream.</summary>
public enum Agreement
{
    /// <summary>Both read it, to the same values at the same places.</summary>
    BothAccept,

    /// <summary>Both reject it.</summary>
    BothReject,

    /// <summary>Go reads it; ManifestLint reports invalid YAML. Never allowed.</summary>
    OnlyGoAccepts,

    /// <summary>Go rejects it; ManifestLint reads it.</summary>
    OnlyWeAccept,

    /// <summary>Both read it, to different values or places.</summary>
    Different,
}

/// <summary>Feeds a stream to both parsers and compares what they read (see <see cref="GoYamlOracle"/>).</summary>
public static class YamlDifferential
{
    public static (Agreement Agreement, string Detail) Compare(string text)
    {
        var go = GoYamlOracle.Instance.Decode(text);
        var file = YamlFileLoader.Load("stream.yaml", text);
        var invalid = file.Problems.Where(p => p.Kind is ModelProblemKind.InvalidYaml or ModelProblemKind.DuplicateKey or ModelProblemKind.LimitExceeded).ToList();
        if (!go.Accepted)
        {
            return invalid.Count > 0 ? (Agreement.BothReject, string.Empty) : (Agreement.OnlyWeAccept, $"Go: {go.Error}");
        }

        if (invalid.Count > 0)
        {
            return (Agreement.OnlyGoAccepts, string.Join("; ", invalid.Select(p => $"{p.Span.StartLine}:{p.Span.StartColumn} {p.Message}")));
        }

        var ours = file.Documents.Select(d => d.Root).Where(r => r is not null && !IsEmpty(r)).Select(r => Tree(r!)).ToList();
        var theirs = go.Documents.Where(d => d is not null && !IsEmpty(d)).ToList();
        if (ours.Count != theirs.Count)
        {
            return (Agreement.Different, $"{ours.Count} documents, Go {theirs.Count}");
        }

        for (var i = 0; i < ours.Count; i++)
        {
            if (Difference(ours[i], theirs[i]!, $"document {i + 1}") is { } difference)
            {
                return (Agreement.Different, difference);
            }
        }

        return (Agreement.BothAccept, string.Empty);
    }

    private static bool IsEmpty(YamlNode node) => node is ScalarNode { Value: "", IsPlain: true };

    private static bool IsEmpty(JsonNode? node) => node?["s"] is { } s && s.GetValue<string>() == string.Empty && node["p"]!.GetValue<bool>();

    /// <summary>Our node in the oracle's shape (see tests/GoYamlOracle/main.go).</summary>
    private static JsonObject Tree(YamlNode node) => node switch
    {
        ScalarNode s => new JsonObject { ["s"] = s.Value, ["p"] = s.IsPlain, ["l"] = s.Span.StartLine, ["c"] = s.Span.StartColumn },
        SequenceNode q => new JsonObject { ["q"] = new JsonArray([.. q.Items.Select(i => (JsonNode)Tree(i))]), ["l"] = q.Span.StartLine, ["c"] = q.Span.StartColumn },
        MappingNode m => new JsonObject
        {
            ["m"] = new JsonArray([.. m.Entries.Select(e => (JsonNode)new JsonArray(Tree(e.Key), Tree(e.Value)))]),
            ["l"] = m.Span.StartLine,
            ["c"] = m.Span.StartColumn,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static string? Difference(JsonNode ours, JsonNode theirs, string path)
    {
        if (theirs["s"] is { } value)
        {
            if (ours["s"] is null || ours["s"]!.GetValue<string>() != value.GetValue<string>() || ours["p"]!.GetValue<bool>() != theirs["p"]!.GetValue<bool>())
            {
                return $"{path}: {Value(ours)} (plain {ours["p"]}), Go {Value(theirs)} (plain {theirs["p"]})";
            }

            return IsEmpty(theirs) ? null : Position(ours, theirs, path);
        }

        if (theirs["q"] is JsonArray items)
        {
            if (ours["q"] is not JsonArray ourItems || ourItems.Count != items.Count)
            {
                return $"{path}: {Value(ours)}, Go {Value(theirs)}";
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (Difference(ourItems[i]!, items[i]!, $"{path}[{i}]") is { } d)
                {
                    return d;
                }
            }

            return Position(ours, theirs, path);
        }

        if (ours["m"] is not JsonArray ourEntries)
        {
            return $"{path}: {Value(ours)}, Go {Value(theirs)}";
        }

        // Lookups take the last entry with a key (as MappingNode.Entry does); Go's list is already merged.
        var ourMap = new Dictionary<string, JsonNode>();
        foreach (var entry in ourEntries)
        {
            ourMap[Value(entry![0]!)] = entry[1]!;
        }

        var theirEntries = theirs["m"]!.AsArray();
        if (ourMap.Count != theirEntries.Count)
        {
            return $"{path}: keys {string.Join(",", ourMap.Keys)}, Go {string.Join(",", theirEntries.Select(e => Value(e![0]!)))}";
        }

        foreach (var entry in theirEntries)
        {
            var key = Value(entry![0]!);
            if (!ourMap.TryGetValue(key, out var ourValue))
            {
                return $"{path}: no key {key}";
            }

            if (Difference(ourValue, entry[1]!, $"{path}.{key}") is { } d)
            {
                return d;
            }
        }

        return Position(ours, theirs, path);
    }

    private static string? Position(JsonNode ours, JsonNode theirs, string path) =>
        ours["l"]!.GetValue<int>() == theirs["l"]!.GetValue<int>() && ours["c"]!.GetValue<int>() == theirs["c"]!.GetValue<int>()
            ? null
            : $"{path}: at {ours["l"]}:{ours["c"]}, Go {theirs["l"]}:{theirs["c"]}";

    /// <summary>The node's value alone, as JSON: what a key is compared by.</summary>
    private static string Value(JsonNode node) => node["s"] is { } s ? JsonSerializer.Serialize(s.GetValue<string>())
        : node["q"] is JsonArray q ? "[" + string.Join(",", q.Select(i => Value(i!))) + "]"
        : "{" + string.Join(",", node["m"]!.AsArray().Select(e => Value(e![0]!) + ":" + Value(e[1]!))) + "}";
}
