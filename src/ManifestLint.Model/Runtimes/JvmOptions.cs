using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// The memory flags a JVM ends up with, in the order HotSpot applies them (a later setting of a flag wins):
/// <c>JAVA_TOOL_OPTIONS</c>, then <c>JDK_JAVA_OPTIONS</c> (the JDK 9+ launcher puts it in front of the command
/// line), then the command line's JVM options, then <c>_JAVA_OPTIONS</c>. <c>JAVA_OPTS</c> is read by neither the
/// VM nor the launcher: it counts only where a shell script expands it onto the <c>java</c> command line.
/// Parts that cannot be known (a Secret, an <c>@argfile</c>) are remembered where they fall in that order.
/// </summary>
public sealed class JvmOptions
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
    public static JvmOptions From(Container container, ContainerCommandLine? commandLine = null, RuntimeVersion? version = null)
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

    private static bool TakesValue(string option) => option is "-cp" or "-classpath" or "--class-path" or "-p" or "--module-path"
        or "--upgrade-module-path" or "--add-modules" or "--limit-modules" or "--add-reads" or "--add-exports" or "--add-opens"
        or "--patch-module" or "--enable-native-access" or "-d" or "--describe-module" or "--source";
}
