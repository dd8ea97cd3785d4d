using ManifestLint.Engine.Fixes;
using ManifestLint.Helm.Rendering;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Helm.Mapping;

/// <summary>
/// A rule's fix that sets values of one container (<see cref="Fix.ContainerValues"/>: the Usage rules' request = p95,
/// limit = p99 + headroom), moved into the values file that decides those values. For each value:
/// <list type="bullet">
/// <item>written in the render: the values key it came from (<see cref="ValuesResolver.Decide"/>) is replaced, only
/// when that key's scalar is exactly the rendered value (not a part of it, as in <c>{{ .Values.mem }}Mi</c>), no
/// <c>--set</c> overrides it, and it is not a subchart's own default (a vendored file a user does not edit);</item>
/// <item>absent: added under the values mapping the template prints whole (<see cref="ValuesFixes"/>).</item>
/// </list>
/// Every value must be found, all in one file, with edits that do not meet; otherwise there is no fix, and never an
/// edit of a template.
/// </summary>
internal sealed class ContainerValuesFix(LocationMapper mapper, ValuesResolver resolver)
{
    private static readonly HashSet<string> ContainerLists = new(StringComparer.Ordinal) { "containers", "initContainers", "ephemeralContainers" };

    public Fix? Map(Fix rendered, RenderedInput input, MappedLocation location, ChartRender render)
    {
        if (rendered.ContainerValues.Count == 0 || location.RenderedRoot is not { } root || Container(location.RenderedPath) is not { } container)
        {
            return null;
        }

        var edits = new List<TextEdit>();
        var keys = new List<string>();
        ValuesFile? file = null;
        foreach (var value in rendered.ContainerValues)
        {
            IReadOnlyList<string> path = [.. container, .. value.Path];
            var one = YamlPaths.Navigate(root, path) is { } found
                ? Replace(input, found, render, value.Value)
                : Add(input, root, container, value, render);
            if (one is not { } o || (file is not null && o.File != file))
            {
                return null;
            }

            file = o.File;
            edits.Add(o.Edit);
            keys.Add($"{o.Key} to {value.Value}");
        }

        // Two values added at one place (both under an empty `resources: {}`) would meet: no fix then.
        var starts = edits.Select(e => (e.Span.StartLine, e.Span.StartColumn)).ToList();
        if (file is null || starts.Distinct().Count() != starts.Count)
        {
            return null;
        }

        return new Fix($"Set {string.Join(" and ", keys)} in {file.DisplayPath}.", edits);
    }

    /// <summary>The rendered value's values key, replaced by <paramref name="value"/>.</summary>
    private (TextEdit Edit, ValuesFile File, string Key)? Replace(RenderedInput input, (YamlNode Node, YamlNode? Key) found, ChartRender render, string value)
    {
        if (found.Node is not ScalarNode written
            || resolver.Decide(mapper.Map(input, (found.Key ?? found.Node).Span), render) is not { SubchartDefault: false, SetBy: null } key
            || key.File.Root is not { } values
            || YamlPaths.Navigate(values, key.Path) is not { Node: ScalarNode scalar }
            || scalar.Value != written.Value
            || YamlEdits.ReplaceScalar(scalar, value) is not { } edit)
        {
            return null;
        }

        return (edit with { Span = edit.Span with { Path = key.File.DisplayPath } }, key.File, ValuesResolver.Dotted(key.Path));
    }

    /// <summary>An absent value, added where the template would print it (found from the container's name, as rules place a missing field).</summary>
    private (TextEdit Edit, ValuesFile File, string Key)? Add(RenderedInput input, YamlNode root, IReadOnlyList<string> container, ContainerValue value, ChartRender render)
    {
        if (value.Path is not ["resources", _, _] || YamlPaths.Navigate(root, [.. container, "name"]) is not { } name)
        {
            return null;
        }

        var at = mapper.Map(input, (name.Key ?? name.Node).Span);
        return resolver.FindAbsent(at, render, MissingField.Resources([.. value.Path.Skip(1)])) is { } absent && ValuesFixes.Edit(absent, value.Value) is { } edit
            ? (edit, absent.File, absent.Key)
            : null;
    }

    /// <summary>The path of the container item a rendered path is in (<c>spec.template.spec.containers[1]</c>); null outside a container.</summary>
    private static IReadOnlyList<string>? Container(IReadOnlyList<string> path)
    {
        for (var i = path.Count - 1; i > 0; i--)
        {
            if (YamlPaths.IsIndex(path[i]) && ContainerLists.Contains(path[i - 1]))
            {
                return [.. path.Take(i + 1)];
            }
        }

        return null;
    }
}
