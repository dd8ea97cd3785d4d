using System.Globalization;
using ManifestLint.Model.Kubernetes;

namespace ManifestLint.Model.Runtimes;

/// <summary>How a container starts Node.js, as far as the manifest shows.</summary>
public enum NodeLaunch
{
    /// <summary>A visible <c>node</c> command line, or the official image's entrypoint given a script or options as args.</summary>
    NodeCommand,

    /// <summary>npm, npx, yarn, pnpm or pm2: the <c>node</c> command line is in package.json or a process file, not read here.</summary>
    Launcher,

    /// <summary>The image's own command, or a program that is not Node.js: only <c>NODE_OPTIONS</c> is visible.</summary>
    Unseen,
}

/// <summary>
/// The heap flags a Node.js process ends up with: <c>NODE_OPTIONS</c> first, then the options between <c>node</c> and
/// the script, because Node applies <c>NODE_OPTIONS</c> before the command line (a later <c>--max-old-space-size</c>
/// wins). <c>--max-old-space-size-percentage</c> wins over <c>--max-old-space-size</c> regardless of order.
/// Flag names may use <c>_</c> for <c>-</c>, as V8 and Node accept; values may follow as the next word.
/// Parts that cannot be known (a Secret, a command substitution) are remembered where they fall in that order.
/// </summary>
public sealed class NodeOptions
{
    private static readonly HashSet<string> Launchers = new(StringComparer.Ordinal) { "npm", "npx", "yarn", "yarnpkg", "pnpm", "pnpx", "corepack", "pm2", "pm2-runtime" };

    /// <summary>Node options that take the next word as their value when written without <c>=</c>.</summary>
    private static readonly HashSet<string> TakesValue = new(StringComparer.Ordinal)
    {
        "-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--input-type", "--title",
        "--inspect-port", "--debug-port", "--env-file", "--env-file-if-exists", "--max-semi-space-size", "--stack-size",
        "--max-http-header-size", "--unhandled-rejections", "--dns-result-order", "--watch-path", "--report-dir",
        "--diagnostic-dir", "--redirect-warnings", "--icu-data-dir", "--openssl-config", "--secure-heap", "--disable-warning",
        "-e", "--eval", "-p", "--print",
    };

    private readonly List<NodeFlag> flags = [];
    private readonly List<(int Position, string What)> unknowns = [];

    private NodeOptions(NodeLaunch launch, string? launcher)
    {
        Launch = launch;
        Launcher = launcher;
    }

    public IReadOnlyList<NodeFlag> Flags => flags;

    /// <summary>What could not be read, e.g. "NODE_OPTIONS (its value is not in the manifest)".</summary>
    public IReadOnlyList<string> Unknown => unknowns.Select(u => u.What).ToList();

    public bool IsComplete => unknowns.Count == 0;

    public NodeLaunch Launch { get; }

    /// <summary>The launcher's executable for <see cref="NodeLaunch.Launcher"/>: <c>npm</c>, <c>yarn</c> ...</summary>
    public string? Launcher { get; }

    /// <summary>The last <c>--max-old-space-size</c>; its value 0 means V8's default.</summary>
    public NodeFlag? MaxOldSpaceSize => flags.LastOrDefault(f => f.Kind == NodeFlagKind.MaxOldSpaceSize);

    /// <summary>The last <c>--max-old-space-size-percentage</c>; invalid (Node refuses to start) when its value is null.</summary>
    public NodeFlag? MaxOldSpaceSizePercentage => flags.LastOrDefault(f => f.Kind == NodeFlagKind.MaxOldSpaceSizePercentage);

    /// <summary>
    /// The flag that sizes the old space: the percentage whenever there is one, else a non-zero <c>--max-old-space-size</c>;
    /// null when V8 picks its default from the memory Node sees.
    /// </summary>
    public NodeFlag? HeapFlag => MaxOldSpaceSizePercentage ?? (MaxOldSpaceSize is { Value: > 0 } size ? size : null);

    /// <summary>
    /// Reads <c>NODE_OPTIONS</c> as the process sees it and, when the container visibly runs <c>node</c>, its options.
    /// Without <c>command</c>, the official <c>node</c> image's entrypoint runs <c>node</c> with the args when the first
    /// one is an option or a script file (<c>docker-entrypoint.sh</c>), so those count too.
    /// </summary>
    public static NodeOptions From(Container container, ContainerCommandLine? commandLine = null)
    {
        commandLine ??= ContainerCommandLine.From(container);
        var program = commandLine.Program;
        var executable = commandLine.Executable;
        var viaEntrypoint = commandLine.UsesImageEntrypoint && program.Count > 0 && ImageReference.Parse(container.Image)?.Path == "node"
            && (program[0].Text.StartsWith('-') || IsScript(program[0].Text));
        var launch = executable is "node" or "nodejs" || viaEntrypoint ? NodeLaunch.NodeCommand
            : executable is not null && Launchers.Contains(executable) ? NodeLaunch.Launcher : NodeLaunch.Unseen;

        var options = new NodeOptions(launch, launch == NodeLaunch.Launcher ? executable : null);
        if (commandLine.Environment["NODE_OPTIONS"] is { } env)
        {
            var split = env.Value is null ? null : ShellWords.Split(env.Value);
            if (split is not { IsComplete: true })
            {
                options.AddUnknown(split is null ? "NODE_OPTIONS (its value is not in the manifest)" : "NODE_OPTIONS (an unmatched quote)");
            }
            else
            {
                options.AddWords(split.Words.Select(w => new CommandWord(w, env.WrittenAt)).ToList(), 0, NodeOptionSource.NodeOptions);
            }
        }

        if (launch == NodeLaunch.NodeCommand)
        {
            options.AddWords(program, viaEntrypoint ? 0 : 1, NodeOptionSource.CommandLine);
        }

        return options;
    }

    /// <summary>True when nothing unknown comes after the flag, so nothing hidden can override it.</summary>
    public bool IsSettled(NodeFlag flag)
    {
        var index = flags.FindLastIndex(f => ReferenceEquals(f, flag));
        return unknowns.All(u => u.Position <= index);
    }

    /// <summary>A flag's value as Node reads it: whole MiB for the size, 0 &lt; P ≤ 100 for the percentage; null when refused.</summary>
    public static decimal? ParseValue(NodeFlagKind kind, string value) => kind switch
    {
        NodeFlagKind.MaxOldSpaceSize => value.Length > 0 && value.All(char.IsAsciiDigit) && decimal.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var mib) ? mib : null,
        _ => decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var p) && p > 0 && p <= 100 ? p : null,
    };

    private static bool IsScript(string word) =>
        word.EndsWith(".js", StringComparison.Ordinal) || word.EndsWith(".mjs", StringComparison.Ordinal) || word.EndsWith(".cjs", StringComparison.Ordinal);

    private static NodeFlagKind? KindOf(string name) => name.Replace('_', '-') switch
    {
        "--max-old-space-size" => NodeFlagKind.MaxOldSpaceSize,
        "--max-old-space-size-percentage" => NodeFlagKind.MaxOldSpaceSizePercentage,
        _ => null,
    };

    private void AddUnknown(string what) => unknowns.Add((flags.Count, what));

    /// <summary>Reads options from <paramref name="start"/>; on the command line the first non-option word (the script) or <c>--</c> ends them.</summary>
    private void AddWords(IReadOnlyList<CommandWord> words, int start, NodeOptionSource source)
    {
        for (var i = start; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.IsKnown)
            {
                // "--inspect=$(HOST):9229" is not a heap flag; "$(NODE_ARGS)" could hold one, or be the script.
                var option = word.Text.StartsWith('-');
                if (!option || KindOf(word.Text.Split('=')[0]) is not null)
                {
                    AddUnknown($"the command-line word {word.Text}");
                }

                if (!option && source == NodeOptionSource.CommandLine)
                {
                    return;
                }

                continue;
            }

            if (word.Text is "--" or "-" || !word.Text.StartsWith('-'))
            {
                if (source == NodeOptionSource.CommandLine)
                {
                    return;
                }

                continue;
            }

            var eq = word.Text.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? word.Text : word.Text[..eq];
            if (KindOf(name) is not { } kind)
            {
                i += eq < 0 && TakesValue.Contains(name.Replace('_', '-')) ? 1 : 0;
                continue;
            }

            var next = eq < 0 && i + 1 < words.Count ? words[++i] : null;
            var (text, value) = eq < 0 ? ($"{word.Text} {next?.Text}".TrimEnd(), next?.Text) : (word.Text, word.Text[(eq + 1)..]);
            if (next is { IsKnown: false })
            {
                AddUnknown($"the value of {word.Text} ({next.Text})");
                continue;
            }

            var parsed = value is null ? null : ParseValue(kind, value);
            if (kind == NodeFlagKind.MaxOldSpaceSize && parsed is null)
            {
                AddUnknown($"{text} (not a whole number of MiB)");
                continue;
            }

            flags.Add(new NodeFlag(kind, text, parsed, source, word.WrittenAt, word.Variable));
        }
    }
}
