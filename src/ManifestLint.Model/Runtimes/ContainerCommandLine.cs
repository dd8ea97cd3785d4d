using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// What a container runs: its argv (<c>command</c> then <c>args</c>, each with Kubernetes <c>$(VAR)</c> expansion)
/// and, looking through <c>sh -c</c> scripts and launchers such as <c>exec</c>, <c>env</c> and <c>tini --</c>, the
/// program that finally runs, with the environment it sees. Without <c>command</c> the image's ENTRYPOINT runs
/// (unknown here) and <c>args</c> are read as the program, the usual case for images without an ENTRYPOINT.
/// </summary>
public sealed class ContainerCommandLine
{
    private const int MaxUnwrapDepth = 8;
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh" };

    private ContainerCommandLine(IReadOnlyList<CommandWord> argv, IReadOnlyList<CommandWord> program, ProcessEnvironment environment, string? script, bool usesImageEntrypoint, bool isComplete)
    {
        Argv = argv;
        Program = program;
        Environment = environment;
        Script = script;
        UsesImageEntrypoint = usesImageEntrypoint;
        IsComplete = isComplete;
    }

    /// <summary>command + args after <c>$(VAR)</c> expansion.</summary>
    public IReadOnlyList<CommandWord> Argv { get; }

    /// <summary>The program that ends up running, first word its executable; empty when only the image knows.</summary>
    public IReadOnlyList<CommandWord> Program { get; }

    /// <summary>The file name of the program's executable: <c>java</c> for <c>/opt/java/openjdk/bin/java</c>.</summary>
    public string? Executable => Program.Count == 0 ? null : Path.GetFileName(Program[0].Text);

    /// <summary>The container's env plus what a shell script exported before running the program.</summary>
    public ProcessEnvironment Environment { get; }

    /// <summary>The last <c>sh -c</c> script looked through, if any.</summary>
    public string? Script { get; }

    /// <summary>True when the container sets no <c>command</c>, so the image's ENTRYPOINT (if any) runs first.</summary>
    public bool UsesImageEntrypoint { get; }

    /// <summary>False when an unterminated quote or an unknown word (a Secret, a command substitution) blurs the picture.</summary>
    public bool IsComplete { get; }

    /// <param name="valueFrom">Resolves env <c>valueFrom</c> the manifest can answer (see <see cref="DownwardApi"/>).</param>
    public static ContainerCommandLine From(Container container, Func<EnvVar, string?>? valueFrom = null)
    {
        var environment = ProcessEnvironment.From(container, valueFrom);
        var values = environment.Values;
        var argv = Scalars(container.Node["command"]).Concat(Scalars(container.Node["args"]))
            .Select(s => new CommandWord(KubernetesExpansion.Expand(s.Value, values, out var known), s, null, known))
            .ToList();

        var program = argv;
        var complete = argv.All(w => w.IsKnown);
        string? script = null;
        for (var depth = 0; depth < MaxUnwrapDepth; depth++)
        {
            var (unwrapped, exports) = SkipLaunchers(program);
            environment = environment.With(exports);
            if (ShellScriptOf(unwrapped) is not { } shell)
            {
                program = unwrapped;
                break;
            }

            script = shell.Script.Text;
            var commands = ShellScript.Commands(shell.Script.Text, shell.Script.WrittenAt, environment, shell.Positional, out var scriptComplete);
            complete &= scriptComplete;
            var chosen = commands.LastOrDefault(c => RuntimeDetector.FromExecutable(ExecutableOf(SkipLaunchers([.. c.Words]).Program)) != Runtime.Unknown) ?? (commands.Count > 0 ? commands[^1] : null);
            program = chosen?.Words.ToList() ?? [];
            environment = environment.With(chosen?.Exports ?? []);
        }

        return new ContainerCommandLine(argv, program, environment, script, container.Node["command"] is not SequenceNode { Items.Count: > 0 }, complete && program.All(w => w.IsKnown));
    }

    /// <summary>The scalars of a <c>command</c>/<c>args</c> list, as <see cref="Container.Command"/> reads them.</summary>
    private static IEnumerable<ScalarNode> Scalars(YamlNode? node) =>
        node is SequenceNode list ? list.Items.OfType<ScalarNode>().Where(s => !s.IsNull) : [];

    private static string? ExecutableOf(List<CommandWord> words) => words.Count == 0 ? null : Path.GetFileName(words[0].Text);

    /// <summary>Drops <c>exec</c>, <c>env [-i] [NAME=value]...</c>, <c>nohup</c>, <c>tini [opts] --</c>, <c>dumb-init [opts]</c>, <c>gosu user</c>, <c>su-exec user</c>.</summary>
    private static (List<CommandWord> Program, List<EnvValue> Exports) SkipLaunchers(List<CommandWord> words)
    {
        var exports = new List<EnvValue>();
        var i = 0;
        while (i < words.Count)
        {
            var name = Path.GetFileName(words[i].Text);
            var start = i;
            if (name is "exec" or "nohup" or "tini" or "tini-static" or "dumb-init" or "env")
            {
                i++;
                while (i < words.Count && words[i].Text.StartsWith('-'))
                {
                    // "exec -a name", "env -u NAME" take a value; "--" ends the launcher's options.
                    var option = words[i++].Text;
                    if (option == "--")
                    {
                        break;
                    }

                    i += (name, option) is ("exec", "-a") or ("env", "-u") ? 1 : 0;
                }

                for (; name == "env" && i < words.Count && words[i].Text.IndexOf('=', StringComparison.Ordinal) > 0; i++)
                {
                    var eq = words[i].Text.IndexOf('=', StringComparison.Ordinal);
                    exports.Add(new EnvValue(words[i].Text[..eq], words[i].IsKnown ? words[i].Text[(eq + 1)..] : null, words[i].WrittenAt, null));
                }
            }
            else if (name is "gosu" or "su-exec")
            {
                i += 2;
            }

            if (i == start)
            {
                break;
            }
        }

        return (words.Skip(i).ToList(), exports);
    }

    /// <summary>For <c>sh [-opts] -c script [$0 [$1 ...]]</c>: the script word and the words after it (<c>$0</c> onwards).</summary>
    private static (CommandWord Script, IReadOnlyList<CommandWord> Positional)? ShellScriptOf(List<CommandWord> words)
    {
        if (words.Count < 2 || !Shells.Contains(Path.GetFileName(words[0].Text)))
        {
            return null;
        }

        var i = 1;
        var hasC = false;
        for (; i < words.Count && words[i].Text is ['-' or '+', _, ..] && words[i].Text != "--"; i++)
        {
            hasC |= words[i].Text[0] == '-' && !words[i].Text.StartsWith("--", StringComparison.Ordinal) && words[i].Text.Contains('c', StringComparison.Ordinal);
            i += words[i].Text is "-o" or "+o" ? 1 : 0;
        }

        i += i < words.Count && words[i].Text == "--" ? 1 : 0;
        return hasC && i < words.Count ? (words[i], words.Skip(i + 1).ToList()) : null;
    }
}
