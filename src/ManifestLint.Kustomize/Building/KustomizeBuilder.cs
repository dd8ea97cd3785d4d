namespace ManifestLint.Kustomize.Building;

/// <summary>One deployable unit's build: what is linted, and what maps it back.</summary>
/// <param name="Unit">The kustomization directory, absolute.</param>
/// <param name="Command">The command a user runs to reproduce the build (display paths).</param>
/// <param name="Text">The build output as <c>kubectl kustomize</c> prints it (without the build metadata); empty when it failed.</param>
/// <param name="Objects">The built objects, in output order, with their origins.</param>
/// <param name="Failure">Why it did not build (kustomize's message, or the bound that stopped it); null when it did.</param>
internal sealed record KustomizeBuild(string Unit, string Command, KustomizeRun Run, string Text, IReadOnlyList<BuiltObject> Objects, string? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>What <c>helm template</c> printed for each chart the build inflated (<c>helmCharts:</c>), as the shim recorded it.</summary>
    public IReadOnlyList<HelmRender> Charts { get; init; } = [];
}

/// <summary>
/// Builds a kustomization with the real kustomize, with origin annotations. The repository's files are not touched:
/// a temporary kustomization beside them in the temporary directory includes the unit as its one resource (or
/// component) and asks for <c>buildMetadata: [originAnnotations, transformerAnnotations]</c>, which kustomize then
/// records for every object of the unit and of its bases, as the Helm marker copy does for templates. The metadata is
/// read and removed again (<see cref="BuildMetadata"/>). When the build fails, the unit itself is built once more, so
/// the message is the one the user's own command prints.
/// </summary>
internal sealed class KustomizeBuilder(KustomizeProcess process, string sandbox, Func<string, string> display)
{
    private int wrappers;

    public string Command(string unit, KustomizeSettings settings) =>
        string.Join(' ', [KustomizeLocator.IsStandalone(process.Executable) ? "kustomize build" : "kubectl kustomize", .. Flags(settings), Quote(display(unit))]);

    /// <param name="settings">The unit's settings (the run's, with its configuration file's <c>kustomize:</c> section).</param>
    public async Task<KustomizeBuild> BuildAsync(string unit, bool isComponent, KustomizeSettings settings, CancellationToken cancellation)
    {
        var command = Command(unit, settings);
        var wrapper = Path.Combine(sandbox, "wrappers", Interlocked.Increment(ref wrappers).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(wrapper);
        try
        {
            var relative = Path.GetRelativePath(wrapper, unit).Replace('\\', '/');
            var field = isComponent ? "components" : "resources";
            await File.WriteAllTextAsync(
                Path.Combine(wrapper, "kustomization.yaml"),
                $"# Written by ManifestLint: builds {display(unit)} with origin annotations.\n{field}:\n- {Yaml(relative)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n",
                cancellation).ConfigureAwait(false);
            var shim = settings.EnableHelm && settings.HelmPath is { } helm ? HelmShim.Write(wrapper, helm) : null;
            var run = await process.RunAsync(Arguments(wrapper, settings, shim), wrapper, settings.Timeout, cancellation).ConfigureAwait(false);
            if (run.Succeeded)
            {
                var (text, objects) = BuildMetadata.Strip(run.Output, wrapper);
                return new KustomizeBuild(unit, command, run, text, objects, null) { Charts = shim is null ? [] : HelmShim.Renders(wrapper) };
            }

            if (!run.TimedOut && !run.Overflowed)
            {
                // The user's own build, for the message they will see.
                var own = await process.RunAsync(Arguments(unit, settings, shim), unit, settings.Timeout, cancellation).ConfigureAwait(false);
                run = own.Succeeded ? run : own;
            }

            return new KustomizeBuild(unit, command, run, string.Empty, [], KustomizeErrors.Describe(run, settings.Timeout, wrapper, unit, display));
        }
        finally
        {
            TryDelete(wrapper);
        }
    }

    private List<string> Arguments(string directory, KustomizeSettings settings, string? helmCommand)
    {
        var arguments = KustomizeLocator.IsStandalone(process.Executable) ? new List<string> { "build", directory } : ["kustomize", directory];
        arguments.AddRange(Flags(settings));
        if (helmCommand is not null)
        {
            arguments.AddRange(["--helm-command", helmCommand]);
        }

        return arguments;
    }

    /// <summary>The flags a user's command needs too (never a plugin flag).</summary>
    private static IEnumerable<string> Flags(KustomizeSettings settings)
    {
        if (settings.LoadRestrictor == LoadRestrictor.None)
        {
            yield return "--load-restrictor=LoadRestrictionsNone";
        }

        if (settings.EnableHelm)
        {
            yield return "--enable-helm";
        }
    }

    private static string Yaml(string path) => $"\"{path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ',' or ':') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is harmless; the sandbox is removed at the end of the run.
        }
    }
}
