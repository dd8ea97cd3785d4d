using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// The memory flags a JVM ends up with, in the order HotSpot applies them (a later setting of a flag wins):
/// <c>JAVA_TOOL_OPTIONS</c>, then <c>JDK_JAVA_OPTIONS</c> (the JDK 9+ launcher puts it in front of the command
/// line), then the command line's JVM options, then <c>_JAVA_OPTIONS</c>. <c>JAVA_OPTS</c> is read by neither the
/// VM nor the launcher: it counts only where a shell script expands it onto the <c>java</c> command line, or where
/// a known image's start script does (<see cref="JvmLauncher"/>: Kafka's <c>KAFKA_HEAP_OPTS</c> ...).
/// Parts that cannot be known (a Secret, an <c>@argfile</c>, a start script's own heap) are remembered where they
/// fall in that order.
/// </summary>
public sealed partial class JvmOptions
{
    private readonly List<JvmFlag> flags = [];
    private readonly List<(int Position, string What)> unknowns = [];

    private JvmOptions()
    {
    }

    public IReadOnlyList<JvmFlag> Flags => flags;

    /// <summary>What could not be read, e.g. "JAVA_TOOL_OPTIONS (from a Secret or ConfigMap)".</summary>
    public IReadOnlyList<string> Unknown => unknowns.Select(u => u.What).ToList();

    /// <summary>The flag of this kind that takes effect: the last one.</summary>
    public JvmFlag? this[JvmFlagKind kind] => flags.LastOrDefault(f => f.Kind == kind);

    /// <param name="version">The Java version when known: the Java 8 launcher does not read <c>JDK_JAVA_OPTIONS</c>.</param>
    /// <param name="launcher">The image's start script, when the container runs a known Java application image's own program.</param>
    public static JvmOptions From(Container container, ContainerCommandLine? commandLine = null, RuntimeVersion? version = null, JvmLauncher? launcher = null)
    {
        commandLine ??= ContainerCommandLine.From(container);
        var options = new JvmOptions();
        var env = commandLine.Environment;
        options.AddEnvironment(env["JAVA_TOOL_OPTIONS"], JvmOptionSource.JavaToolOptions);
        if (version is not { Major: < 9 })
        {
            options.AddEnvironment(env["JDK_JAVA_OPTIONS"], JvmOptionSource.JdkJavaOptions);
        }

        if (commandLine.Executable == "java")
        {
            options.AddCommandLine(commandLine.Program);
        }
        else if (launcher is not null)
        {
            options.AddLauncher(launcher, env, commandLine.UsesImageEntrypoint);
        }
        else if (env["JAVA_OPTS"] is { } javaOpts && (javaOpts.Value is null || JvmFlagSyntax.SplitOptions(javaOpts.Value)?.Any(w => JvmFlagSyntax.Parse(w, JvmOptionSource.CommandLine) is { Kind: not (JvmFlagKind.ActiveProcessorCount or JvmFlagKind.TieredCompilation) }) != false))
        {
            // The java command line is not in the manifest (the image's entrypoint, a start script): many start scripts
            // pass $JAVA_OPTS to java, so memory flags there may or may not count.
            options.AddUnknown("JAVA_OPTS, which the image's start script may pass to java");
        }

        options.AddEnvironment(env["_JAVA_OPTIONS"], JvmOptionSource.JavaOptions);
        return options;
    }

    /// <summary>Options written as one command line (for tests and tools): <c>-Xms1g -XX:MaxRAMPercentage=75</c>.</summary>
    public static JvmOptions Parse(string commandLineOptions)
    {
        var options = new JvmOptions();
        foreach (var word in JvmFlagSyntax.SplitOptions(commandLineOptions) ?? [])
        {
            options.Add(JvmFlagSyntax.Parse(word, JvmOptionSource.CommandLine));
        }

        return options;
    }

    /// <summary>True when nothing unknown comes after the flag, so nothing hidden can override it.</summary>
    public bool IsSettled(JvmFlag flag)
    {
        var index = flags.FindLastIndex(f => ReferenceEquals(f, flag));
        return unknowns.All(u => u.Position <= index);
    }

    /// <summary>True when every source could be read.</summary>
    public bool IsComplete => unknowns.Count == 0;

    private void Add(JvmFlag? flag)
    {
        if (flag is not null)
        {
            flags.Add(flag);
        }
    }

    private void AddUnknown(string what) => unknowns.Add((flags.Count, what));

    private void AddEnvironment(EnvValue? value, JvmOptionSource source)
    {
        var name = source switch { JvmOptionSource.JavaToolOptions => "JAVA_TOOL_OPTIONS", JvmOptionSource.JdkJavaOptions => "JDK_JAVA_OPTIONS", _ => "_JAVA_OPTIONS" };
        if (value is null)
        {
            return;
        }

        if (value.Value is null || JvmFlagSyntax.SplitOptions(value.Value) is not { } words)
        {
            AddUnknown(value.Value is null ? $"{name} (its value is not in the manifest)" : $"{name} (an unmatched quote, which stops the JVM)");
            return;
        }

        foreach (var word in words)
        {
            Add(JvmFlagSyntax.Parse(word, source, value.WrittenAt));
        }
    }

    /// <summary>The java command line a start script builds from its variables, in their order (<see cref="JvmLauncher"/>).</summary>
    /// <param name="imageEntrypoint">True when the image's entrypoint runs its server: only then is the server script's default heap known.</param>
    private void AddLauncher(JvmLauncher launcher, ProcessEnvironment env, bool imageEntrypoint)
    {
        if (launcher.IsOpaque)
        {
            AddUnknown($"the heap {launcher.Script} sets ({launcher.Product} in {launcher.CatalogOrigin})");
            return;
        }

        if (launcher.HeapBeforeVariables is { } before)
        {
            AddUnknown($"the heap from {before}");
        }

        foreach (var variable in launcher.Variables)
        {
            var value = env[variable.Name];
            if (variable.SkippedWhenHeapIn is { } other && env[other]?.Value is { } otherValue && TwoHeapFlags().IsMatch(otherValue))
            {
                continue;
            }

            if (value is { Value: null })
            {
                AddUnknown($"{variable.Name} (its value is not in the manifest)");
                continue;
            }

            var text = value?.Value?.Trim() ?? string.Empty;
            if (text.Length == 0)
            {
                // Scripts test "x$VAR" = "x" or use ${VAR:-default}: set-but-empty counts as unset.
                if (variable.Name == launcher.HeapWhenUnset)
                {
                    AddScriptDefault(launcher, variable, imageEntrypoint, value?.WrittenAt);
                }

                continue;
            }

            switch (variable.Kind)
            {
                case LauncherVariableKind.Options:
                    foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    {
                        Add(JvmFlagSyntax.Parse(word, JvmOptionSource.CommandLine, value!.WrittenAt, variable.Name) is { } flag
                            ? flag with { Origin = $"in {variable.Name}, which {launcher.Script} puts on the java command line (per {launcher.CatalogOrigin})" }
                            : null);
                    }

                    break;
                default:
                    string[] passed = variable.Kind switch
                    {
                        LauncherVariableKind.HeapMebibytes => [$"-Xmx{text}m", $"-Xms{text}m"],
                        LauncherVariableKind.MaxHeapSize => [$"-Xmx{text}"],
                        _ => [$"-Xmx{text}", $"-Xms{text}"],
                    };
                    var origin = $"from {variable.Name}={text}, which {launcher.Script} passes as {string.Join(' ', passed)} (per {launcher.CatalogOrigin})";
                    var parsed = passed.Select(option => JvmFlagSyntax.Parse(option, JvmOptionSource.CommandLine, value!.WrittenAt, variable.Name)).ToList();
                    if (parsed.Any(f => f is not { IsValid: true }))
                    {
                        // The script or the product reads the value in its own syntax (Neo4j's "2GiB"): not a JVM flag as written.
                        AddUnknown($"the heap {launcher.Script} derives from {variable.Name}={text}");
                        break;
                    }

                    foreach (var flag in parsed)
                    {
                        Add(flag! with { Origin = origin });
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The heap a start script picks when its heap variable is empty: its known default when the image's entrypoint
    /// runs the server, else unknown (Kafka's tools, run through a command, default to another heap than the broker).
    /// </summary>
    /// <param name="writtenAt">The variable's empty value, when it is written: where a finding about the default points.</param>
    private void AddScriptDefault(JvmLauncher launcher, LauncherVariable variable, bool imageEntrypoint, Yaml.YamlNode? writtenAt)
    {
        if (launcher.DefaultWhenUnset is not { } defaults || !imageEntrypoint)
        {
            AddUnknown($"the heap {launcher.Script} picks when {variable.Name} is unset");
            return;
        }

        foreach (var word in defaults.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Add(JvmFlagSyntax.Parse(word, JvmOptionSource.CommandLine, writtenAt, variable.Name) is { } flag
                ? flag with { Origin = $"from {launcher.Product}'s start script (its default when {variable.Name} is unset, per {launcher.CatalogOrigin})" }
                : null);
        }
    }

    /// <summary>The words between <c>java</c> and the main class, <c>-jar file</c>, <c>-m module</c> or source file: the JVM's options.</summary>
    private void AddCommandLine(IReadOnlyList<CommandWord> program)
    {
        for (var i = 1; i < program.Count; i++)
        {
            var word = program[i];
            if (!word.IsKnown || word.Text.StartsWith('@'))
            {
                AddUnknown(word.IsKnown ? $"the argument file {word.Text}" : $"the command-line word {word.Text}");
                continue;
            }

            if (word.Text is "-jar" or "-m" or "--module" || word.Text.StartsWith("--module=", StringComparison.Ordinal) || !word.Text.StartsWith('-'))
            {
                return;
            }

            if (TakesValue(word.Text))
            {
                i++;
                continue;
            }

            Add(JvmFlagSyntax.Parse(word.Text, JvmOptionSource.CommandLine, word.WrittenAt, word.Variable));
        }
    }

    /// <summary>bitnami ZooKeeper's test for a heap already in JVMFLAGS: <c>[[ "$JVMFLAGS" =~ -Xm[xs].*-Xm[xs] ]]</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("-Xm[xs].*-Xm[xs]", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TwoHeapFlags();

    private static bool TakesValue(string option) => option is "-cp" or "-classpath" or "--class-path" or "-p" or "--module-path"
        or "--upgrade-module-path" or "--add-modules" or "--limit-modules" or "--add-reads" or "--add-exports" or "--add-opens"
        or "--patch-module" or "--enable-native-access" or "-d" or "--describe-module" or "--source";
}
