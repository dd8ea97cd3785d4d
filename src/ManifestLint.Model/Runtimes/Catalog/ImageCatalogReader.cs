using System.Globalization;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes.Catalog;

/// <summary>
/// Reads image catalog entries from a YAML list (the built-in <c>rules/images.yaml</c>, or <c>images:</c> in a
/// <c>.manifestlint.yaml</c>). Every mistake is an error with its position: an unknown key or runtime, a missing
/// name, pattern or source, a wrong type. An entry with an error is left out. The format: <c>rules/images.md</c>.
/// </summary>
public sealed class ImageCatalogReader
{
    private static readonly string[] EntryKeys = ["name", "match", "except", "tag", "runtime", "version", "source", "jvm", "processes", "go", "node", "python"];
    private static readonly string[] JvmKeys = ["product", "script", "variables", "heap", "heapBeforeVariables", "heapWhenUnset", "defaultWhenUnset", "takesHeapPercentage"];
    private static readonly string[] VariableKeys = ["name", "kind", "skippedWhenHeapIn"];
    private static readonly string[] ProcessKeys = ["name", "jvm"];
    private static readonly string[] GoKeys = ["goMemLimit", "since"];
    private static readonly string[] NodeKeys = ["heap"];
    private static readonly string[] PythonKeys = ["server", "workers", "workersVariable"];

    private static readonly Dictionary<string, Runtime> Runtimes = new(StringComparer.Ordinal)
    {
        ["jvm"] = Runtime.Jvm, ["go"] = Runtime.Go, ["node"] = Runtime.Node, ["python"] = Runtime.Python,
    };

    private static readonly Dictionary<string, LauncherVariableKind> Kinds = new(StringComparer.Ordinal)
    {
        ["options"] = LauncherVariableKind.Options, ["heapSize"] = LauncherVariableKind.HeapSize,
        ["heapMebibytes"] = LauncherVariableKind.HeapMebibytes, ["maxHeapSize"] = LauncherVariableKind.MaxHeapSize,
    };

    private readonly List<CatalogError> errors;
    private readonly string origin;
    private int errorCount;

    private ImageCatalogReader(List<CatalogError> errors, string origin)
    {
        this.errors = errors;
        this.origin = origin;
    }

    /// <summary>The entries of a list node; mistakes are added to <paramref name="errors"/>.</summary>
    /// <param name="origin">How messages name where the facts come from: "the image catalog", "images: in .manifestlint.yaml".</param>
    public static IReadOnlyList<ImageCatalogEntry> ReadEntries(YamlNode node, string origin, List<CatalogError> errors)
    {
        var reader = new ImageCatalogReader(errors, origin);
        if (node is ScalarNode { IsNull: true })
        {
            return [];
        }

        if (node is not SequenceNode list)
        {
            reader.Error(node, $"'images' expects a list of image entries ({string.Join(", ", EntryKeys.Take(7))} ...), not {node.ShapeName}.");
            return [];
        }

        var entries = new List<ImageCatalogEntry>();
        foreach (var item in list.Items)
        {
            if (reader.ReadEntry(item) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private ImageCatalogEntry? ReadEntry(YamlNode node)
    {
        if (node is not MappingNode map)
        {
            Error(node, $"an image entry is a mapping with the keys {List(EntryKeys)}, not {node.ShapeName}.");
            return null;
        }

        var before = errorCount;
        CheckKeys(map, EntryKeys, "image entry");
        var name = RequiredString(map, "name");
        var match = StringList(map, "match", required: true);
        var except = StringList(map, "except", required: false);
        var tags = map["tag"] is { } tagNode ? (String(tagNode, "tag") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var source = RequiredString(map, "source");
        var runtime = Runtime.Unknown;
        if (map.Entry("runtime") is not { } runtimeEntry)
        {
            Error(map, $"an image entry needs 'runtime' ({List(Runtimes.Keys)}).");
        }
        else if (String(runtimeEntry.Value, "runtime") is { } runtimeText && !Runtimes.TryGetValue(runtimeText, out runtime))
        {
            Error(runtimeEntry.Value, $"unknown runtime '{runtimeText}'; expected one of {List(Runtimes.Keys)}.");
        }

        var versionFromTag = false;
        if (map["version"] is { } version)
        {
            versionFromTag = String(version, "version") == "tag";
            if (!versionFromTag)
            {
                Error(version, "'version' can only be 'tag': the image's tag is the runtime's version (node:20, python:3.12).");
            }
        }

        var entry = new ImageCatalogEntry(name ?? string.Empty, match, except, tags, runtime, versionFromTag, source ?? string.Empty, origin);
        entry = runtime switch
        {
            Runtime.Jvm => ReadJvm(map, entry),
            Runtime.Go => entry with { Go = ReadGo(map) },
            Runtime.Node => entry with { Node = ReadNode(map) },
            Runtime.Python => entry with { Python = ReadPython(map) },
            _ => entry,
        };

        foreach (var key in new[] { "jvm", "processes", "go", "node", "python" })
        {
            if (map.Entry(key) is { } section && runtime != Runtime.Unknown && !BelongsTo(key, runtime))
            {
                Error(section.Key, $"'{key}' does not apply to runtime '{Runtimes.First(r => r.Value == runtime).Key}'.");
            }
        }

        return errorCount == before ? entry : null;
    }

    private static bool BelongsTo(string key, Runtime runtime) => key switch
    {
        "jvm" or "processes" => runtime == Runtime.Jvm,
        "go" => runtime == Runtime.Go,
        "node" => runtime == Runtime.Node,
        _ => runtime == Runtime.Python,
    };

    private ImageCatalogEntry ReadJvm(MappingNode map, ImageCatalogEntry entry)
    {
        if (map["processes"] is { } processes)
        {
            if (map["jvm"] is not null)
            {
                Error(map.Entry("jvm")!.Key, "an image entry has either 'jvm' (one JVM) or 'processes' (several), not both.");
            }

            if (processes is not SequenceNode list || list.Items.Count == 0)
            {
                Error(processes, "'processes' expects a non-empty list of { name, jvm }.");
                return entry;
            }

            var read = new List<JvmProcess>();
            foreach (var item in list.Items)
            {
                if (item is not MappingNode p)
                {
                    Error(item, $"a process is a mapping with the keys {List(ProcessKeys)}, not {item.ShapeName}.");
                    continue;
                }

                CheckKeys(p, ProcessKeys, "process");
                var processName = RequiredString(p, "name") ?? string.Empty;
                if (p["jvm"] is { } jvm && ReadLauncher(jvm, entry.Name) is { } launcher)
                {
                    read.Add(new JvmProcess(processName, launcher));
                }
                else if (p["jvm"] is null)
                {
                    Error(p, "a process needs 'jvm': how its java command line is built.");
                }
            }

            return entry with { Processes = read };
        }

        if (map["jvm"] is not { } single)
        {
            Error(map, "a JVM entry needs 'jvm' (its start script) or 'processes'.");
            return entry;
        }

        return entry with { Launcher = ReadLauncher(single, entry.Name) };
    }

    private JvmLauncher? ReadLauncher(YamlNode node, string product)
    {
        if (node is not MappingNode map)
        {
            Error(node, $"'jvm' expects a mapping with the keys {List(JvmKeys)}, not {node.ShapeName}.");
            return null;
        }

        CheckKeys(map, JvmKeys, "jvm");
        var script = RequiredString(map, "script") ?? string.Empty;
        var opaque = false;
        if (map["heap"] is { } heap)
        {
            opaque = String(heap, "heap") == "unknown";
            if (!opaque)
            {
                Error(heap, "'heap' can only be 'unknown': the start script sets a heap the catalog does not model.");
            }
        }

        var variables = new List<LauncherVariable>();
        if (map["variables"] is { } variableList)
        {
            if (opaque)
            {
                Error(variableList, "'variables' and 'heap: unknown' exclude each other.");
            }

            foreach (var item in variableList is SequenceNode s ? s.Items : [variableList])
            {
                if (item is not MappingNode v)
                {
                    Error(item, $"a variable is a mapping with the keys {List(VariableKeys)}, not {item.ShapeName}.");
                    continue;
                }

                CheckKeys(v, VariableKeys, "variable");
                var name = RequiredString(v, "name");
                var kindText = RequiredString(v, "kind");
                if (kindText is not null && !Kinds.ContainsKey(kindText))
                {
                    Error(v["kind"]!, $"unknown variable kind '{kindText}'; expected one of {List(Kinds.Keys)}.");
                }
                else if (name is not null && kindText is not null)
                {
                    variables.Add(new LauncherVariable(name, Kinds[kindText], v["skippedWhenHeapIn"] is { } skip ? String(skip, "skippedWhenHeapIn") : null));
                }
            }
        }
        else if (!opaque)
        {
            Error(map, "'jvm' needs 'variables' (the environment variables its script puts on the java command line) or 'heap: unknown'.");
        }

        var heapWhenUnset = map["heapWhenUnset"] is { } unset ? String(unset, "heapWhenUnset") : null;
        if (heapWhenUnset is not null && variables.All(v => v.Name != heapWhenUnset))
        {
            Error(map["heapWhenUnset"]!, $"'heapWhenUnset' names '{heapWhenUnset}', which is not one of the variables.");
        }

        var percentage = true;
        if (map["takesHeapPercentage"] is { } takes)
        {
            percentage = String(takes, "takesHeapPercentage") switch
            {
                "true" => true,
                "false" => false,
                _ => Error(takes, "'takesHeapPercentage' expects true or false.") is null, // counts as the default, true
            };
        }

        return new JvmLauncher(
            map["product"] is { } p ? String(p, "product") ?? product : product,
            script,
            variables,
            map["heapBeforeVariables"] is { } before ? String(before, "heapBeforeVariables") : null,
            heapWhenUnset,
            map["defaultWhenUnset"] is { } d ? String(d, "defaultWhenUnset") : null,
            percentage);
    }

    private GoImageFacts? ReadGo(MappingNode map)
    {
        if (map["go"] is not MappingNode go)
        {
            Error(map["go"] ?? map, "a Go entry needs 'go: { goMemLimit: none | self | unknown }': whether the program sets GOMEMLIMIT itself.");
            return null;
        }

        CheckKeys(go, GoKeys, "go");
        var source = RequiredString(go, "goMemLimit") switch
        {
            "none" => GoMemLimitSource.None,
            "self" => GoMemLimitSource.Self,
            "unknown" => GoMemLimitSource.Unknown,
            null => GoMemLimitSource.Unknown,
            var other => Invalid(go["goMemLimit"]!, $"unknown goMemLimit '{other}'; expected none, self or unknown.", GoMemLimitSource.Unknown),
        };
        RuntimeVersion? since = null;
        if (go["since"] is { } sinceNode && String(sinceNode, "since") is { } sinceText)
        {
            since = AppVersion.Parse(sinceText);
            if (since is null)
            {
                Error(sinceNode, $"'since' expects a version such as 3.0, not '{sinceText}'.");
            }
        }

        return new GoImageFacts(source, since);
    }

    private NodeImageFacts? ReadNode(MappingNode map)
    {
        if (map["node"] is not MappingNode node)
        {
            Error(map["node"] ?? map, "a Node.js entry needs 'node: { heap: default | unknown }': whether its start script may pass --max-old-space-size.");
            return null;
        }

        CheckKeys(node, NodeKeys, "node");
        return RequiredString(node, "heap") switch
        {
            "default" => new NodeImageFacts(false),
            "unknown" => new NodeImageFacts(true),
            null => null,
            var other => Invalid<NodeImageFacts?>(node["heap"]!, $"unknown heap '{other}'; expected default or unknown.", null),
        };
    }

    private PythonImageFacts? ReadPython(MappingNode map)
    {
        if (map["python"] is not { } node)
        {
            return new PythonImageFacts(null, null, null);
        }

        if (node is not MappingNode python)
        {
            Error(node, $"'python' expects a mapping with the keys {List(PythonKeys)}, not {node.ShapeName}.");
            return null;
        }

        CheckKeys(python, PythonKeys, "python");
        int? workers = null;
        if (python["workers"] is { } w && String(w, "workers") is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                workers = n;
            }
            else
            {
                Error(w, $"'workers' expects a positive whole number, not '{text}'.");
            }
        }

        return new PythonImageFacts(
            python["server"] is { } s ? String(s, "server") : null,
            workers,
            python["workersVariable"] is { } v ? String(v, "workersVariable") : null);
    }

    private void CheckKeys(MappingNode map, string[] keys, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (entry.KeyText is not { } key || !keys.Contains(key, StringComparer.Ordinal))
            {
                Error(entry.Key, $"unknown key '{entry.KeyText}' in an {what}; expected one of {List(keys)}.");
            }
            else if (!seen.Add(key))
            {
                Error(entry.Key, $"'{key}' is given twice.");
            }
        }
    }

    private string? RequiredString(MappingNode map, string key)
    {
        if (map[key] is not { } value)
        {
            Error(map, $"missing '{key}'.");
            return null;
        }

        return String(value, key);
    }

    private string? String(YamlNode node, string key)
    {
        if (node is ScalarNode { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            return scalar.Value.Trim();
        }

        Error(node, $"'{key}' expects a non-empty text, not {node.ShapeName}.");
        return null;
    }

    private List<string> StringList(MappingNode map, string key, bool required)
    {
        if (map[key] is not { } node)
        {
            if (required)
            {
                Error(map, $"missing '{key}': the image repositories this entry matches, e.g. [bitnami/kafka, apache/kafka].");
            }

            return [];
        }

        var items = node is SequenceNode list ? list.Items : [node];
        var result = new List<string>();
        foreach (var item in items)
        {
            if (String(item, key) is { } text)
            {
                result.Add(text);
            }
        }

        if (required && result.Count == 0 && node is SequenceNode)
        {
            Error(node, $"'{key}' needs at least one repository pattern.");
        }

        return result;
    }

    private T Invalid<T>(YamlNode at, string message, T value)
    {
        Error(at, message);
        return value;
    }

    private CatalogError? Error(YamlNode at, string message)
    {
        errorCount++;
        errors.Add(new CatalogError(at.Span, message));
        return null;
    }

    private static string List(IEnumerable<string> items) => string.Join(", ", items);
}
