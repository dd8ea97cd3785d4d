using System.Text;

namespace ManifestLint.Kustomize.Building;

/// <summary>What <c>helm template</c> printed for one chart of a build (with its <c># Source:</c> comments).</summary>
/// <param name="ChartDirectory">The chart kustomize inflated (absolute), or null when no argument named one.</param>
internal sealed record HelmRender(string? ChartDirectory, string Text);

/// <summary>
/// The program kustomize runs as helm (<c>--helm-command</c>) when a user turns Helm inflation on: a POSIX shell
/// script ManifestLint writes into the build's own temporary directory, never taken from the repository. It does two
/// things, and passes every other command to the real helm unchanged:
/// <list type="bullet">
/// <item>kustomize before v5.8 (v5.6 is the one in kubectl v1.33) probes helm with <c>helm version -c --short</c>
/// and accepts only a Helm 3 answer; Helm 4 removed <c>-c</c>, so the build fails before any chart is read
/// (kustomize issue 6013, fixed in v5.8 by asking <c>helm version --short</c> and accepting v4, kustomize PR 6016).
/// The shim answers the probe itself after checking that helm runs: the helm version, prefixed with a Helm 3
/// version for kustomize's check when helm is newer. kustomize's <c>helm template</c> arguments are the same for
/// both majors, which is why v5.8 needs no other change.</item>
/// <item>It keeps a copy of what <c>helm template</c> prints, whose <c># Source:</c> comments (which kustomize
/// drops) tell which chart template wrote each object: findings are then mapped to template lines.</item>
/// </list>
/// The script runs in kustomize's sealed environment (empty <c>PATH</c>, so helm is named by its absolute path).
/// On Windows, where there is no <c>/bin/sh</c>, helm is passed as it is (its Helm 3 works; Helm 4 needs kustomize v5.8).
/// </summary>
internal static class HelmShim
{
    private const string RendersDirectory = "helm-renders";

    /// <summary>Writes the shim into <paramref name="directory"/>; returns the program to pass as <c>--helm-command</c>.</summary>
    public static string Write(string directory, string helm)
    {
        if (OperatingSystem.IsWindows())
        {
            return helm;
        }

        var renders = Path.Combine(directory, RendersDirectory);
        Directory.CreateDirectory(renders);
        var shim = Path.Combine(directory, "helm-shim.sh");
        var script = $$"""
            #!/bin/sh
            # Written by ManifestLint for one kustomize build: answers kustomize's helm version probe, keeps a copy of
            # what helm template prints (for mapping findings to chart templates), runs helm for everything else.
            helm={{Quote(helm)}}
            renders={{Quote(renders)}}
            if [ "$1" = version ]; then
              real=$("$helm" version --short) || exit $?
              case "$real" in
                v3.*) printf '%s\n' "$real" ;;
                *) printf 'v3.0.0 (answered by ManifestLint: helm is %s; kustomize before v5.8 accepts only Helm 3 and asks with -c, which Helm 4 removed)\n' "$real" ;;
              esac
              exit 0
            fi
            if [ "$1" = template ]; then
              record="$renders/$$"
              printf '%s\n' "$@" > "$record.args"
              "$helm" "$@" > "$record.out"
              code=$?
              if [ -x /bin/cat ]; then
                /bin/cat "$record.out"
              else
                while IFS= read -r line || [ -n "$line" ]; do printf '%s\n' "$line"; done < "$record.out"
              fi
              exit $code
            fi
            exec "$helm" "$@"

            """;
        File.WriteAllText(shim, script.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return shim;
    }

    /// <summary>The <c>helm template</c> outputs the shim kept in <paramref name="directory"/>, each with the chart it rendered.</summary>
    public static IReadOnlyList<HelmRender> Renders(string directory)
    {
        var renders = Path.Combine(directory, RendersDirectory);
        if (!Directory.Exists(renders))
        {
            return [];
        }

        var result = new List<HelmRender>();
        foreach (var output in Directory.EnumerateFiles(renders, "*.out").Order(StringComparer.Ordinal))
        {
            try
            {
                if (new FileInfo(output).Length > Model.Yaml.LoadLimits.Default.MaxFileBytes)
                {
                    continue; // more than ManifestLint reads of a file: its objects are mapped to the kustomization
                }

                var arguments = File.ReadAllLines(Path.ChangeExtension(output, ".args"));
                var chart = arguments.Skip(1).FirstOrDefault(a => Path.IsPathFullyQualified(a) && File.Exists(Path.Combine(a, "Chart.yaml")));
                result.Add(new HelmRender(chart is null ? null : Path.GetFullPath(chart), File.ReadAllText(output)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A render that cannot be read maps nothing; its findings stay on the kustomization.
            }
        }

        return result;
    }

    private static string Quote(string text) => $"'{text.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
