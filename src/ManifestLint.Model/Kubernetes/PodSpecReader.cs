using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Kubernetes;

/// <summary>Reads a pod spec mapping into a <see cref="PodSpec"/>, reporting malformed fields through the reader.</summary>
internal static class PodSpecReader
{
    public static PodSpec Read(MappingNode spec, string path, StructureReader reader)
    {
        var containers = ReadContainers(spec, "containers", path, reader);
        var initContainers = ReadContainers(spec, "initContainers", path, reader);
        var volumes = reader.List(spec["volumes"], $"{path}.volumes")
            .Select((v, i) => ReadVolume(v, $"{path}.volumes[{i}]", reader))
            .OfType<Volume>()
            .ToList();
        var podResources = reader.Mapping(spec["resources"], $"{path}.resources") is { } resources
            ? ReadRequirements(spec.Entry("resources"), resources, $"{path}.resources", reader)
            : null;
        return new PodSpec(
            containers,
            initContainers,
            reader.String(spec["priorityClassName"], $"{path}.priorityClassName"),
            volumes,
            reader.Resources(spec, "overhead", $"{path}.overhead"),
            podResources,
            spec);
    }

    private static List<Container> ReadContainers(MappingNode spec, string key, string path, StructureReader reader)
    {
        var result = new List<Container>();
        var items = reader.List(spec[key], $"{path}.{key}");
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.{key}[{i}]";
            if (reader.Mapping(items[i], itemPath) is not { } node)
            {
                if (items[i] is ScalarNode { IsNull: true })
                {
                    reader.Report(items[i], $"'{itemPath}' is empty; a container must be a mapping with a name.");
                }

                continue;
            }

            result.Add(ReadContainer(node, key, i, itemPath, reader));
        }

        return result;
    }

    private static Container ReadContainer(MappingNode node, string key, int index, string path, StructureReader reader)
    {
        var name = reader.Name(node["name"], $"{path}.name", StructureReader.MaxLabelLength);
        if (string.IsNullOrEmpty(name))
        {
            if (node["name"] is null or ScalarNode { IsNull: true } or ScalarNode { Value: "" })
            {
                reader.Report(node.Entry("name")?.Value ?? node, $"'{path}' has no name; the API server rejects a container without one.");
            }

            name = $"{key}[{index}]";
        }

        var kind = key == "containers" ? ContainerKind.App
            : reader.String(node["restartPolicy"], $"{path}.restartPolicy") == "Always" ? ContainerKind.Sidecar
            : ContainerKind.Init;
        var image = reader.String(node["image"], $"{path}.image");

        // Problems in what the rules read (resources, command, args, env) make the container malformed; a missing name does not.
        var problemsBefore = reader.Problems.Count;
        var resources = reader.Mapping(node["resources"], $"{path}.resources") is { } mapping
            ? ReadRequirements(node.Entry("resources"), mapping, $"{path}.resources", reader)
            : ResourceRequirements.None with { Entry = node.Entry("resources") };
        var command = reader.Strings(node["command"], $"{path}.command");
        var args = reader.Strings(node["args"], $"{path}.args");
        var env = reader.List(node["env"], $"{path}.env").Select((e, i) => ReadEnv(e, $"{path}.env[{i}]", reader)).OfType<EnvVar>().ToList();
        return new Container(name, kind, index, image, command, args, env, resources, node)
        {
            IsMalformed = reader.Problems.Count > problemsBefore,
        };
    }

    private static ResourceRequirements ReadRequirements(MappingEntry? entry, MappingNode resources, string path, StructureReader reader) =>
        new(reader.Resources(resources, "requests", $"{path}.requests"), reader.Resources(resources, "limits", $"{path}.limits"), entry);

    private static EnvVar? ReadEnv(YamlNode item, string path, StructureReader reader)
    {
        if (reader.Mapping(item, path) is not { } node || reader.String(node["name"], $"{path}.name") is not { } name)
        {
            return null;
        }

        ResourceFieldRef? field = null;
        var valueFrom = reader.Mapping(node["valueFrom"], $"{path}.valueFrom");
        if (valueFrom is not null && reader.Mapping(valueFrom["resourceFieldRef"], $"{path}.valueFrom.resourceFieldRef") is { } reference)
        {
            var divisor = reference["divisor"] is { } d and not ScalarNode { IsNull: true } ? QuantityValue.From(d) : null;
            field = new ResourceFieldRef(
                reader.String(reference["containerName"], $"{path}.valueFrom.resourceFieldRef.containerName"),
                reader.String(reference["resource"], $"{path}.valueFrom.resourceFieldRef.resource") ?? string.Empty,
                divisor);
        }

        var value = node["value"] is ScalarNode { IsNull: false } scalar ? scalar.Value : null;
        return new EnvVar(name, value, field, node);
    }

    private static Volume? ReadVolume(YamlNode item, string path, StructureReader reader)
    {
        if (reader.Mapping(item, path) is not { } node)
        {
            return null;
        }

        var name = reader.String(node["name"], $"{path}.name") ?? string.Empty;
        EmptyDirVolume? emptyDir = null;
        if (node.Entry("emptyDir") is { } entry)
        {
            var mapping = reader.Mapping(entry.Value, $"{path}.emptyDir");
            var medium = mapping is null ? null : reader.String(mapping["medium"], $"{path}.emptyDir.medium");
            var sizeLimit = mapping?["sizeLimit"] is { } size and not ScalarNode { IsNull: true } ? QuantityValue.From(size) : null;
            emptyDir = new EmptyDirVolume(medium, sizeLimit, entry, mapping?.Entry("medium"));
        }

        return new Volume(name, emptyDir, node);
    }
}
