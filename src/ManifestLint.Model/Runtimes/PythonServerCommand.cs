using System.Text.RegularExpressions;

namespace ManifestLint.Model.Runtimes;

/// <summary>
/// A gunicorn, uvicorn or celery command line and the settings it reads, in each server's precedence order:
/// gunicorn: <c>WEB_CONCURRENCY</c> (the default of <c>--workers</c>) &lt; config file &lt; <c>GUNICORN_CMD_ARGS</c> &lt;
/// command line; uvicorn: <c>WEB_CONCURRENCY</c> &lt; <c>UVICORN_*</c> variables (click's auto env prefix) &lt; command
/// line; celery: command line only (the app's configuration is not visible). Found as <c>gunicorn …</c>,
/// <c>python -m gunicorn …</c>, and behind <c>ddtrace-run</c>, <c>opentelemetry-instrument</c>,
/// <c>newrelic-admin run-program</c>, <c>poetry run</c>, <c>pipenv run</c> and <c>uv run</c>.
/// </summary>
public sealed partial class PythonServerCommand
{
    private static readonly Dictionary<string, string> GunicornOptions = new(StringComparer.Ordinal)
    {
        ["-w"] = "workers", ["--workers"] = "workers", ["--max-requests"] = "max-requests", ["--max-requests-jitter"] = "max-requests-jitter",
        ["-c"] = "config", ["--config"] = "config", ["-k"] = "worker-class", ["--worker-class"] = "worker-class", ["--threads"] = "threads",
        ["--preload"] = "preload",
    };

    private static readonly Dictionary<string, string> UvicornOptions = new(StringComparer.Ordinal)
    {
        ["--workers"] = "workers", ["--limit-max-requests"] = "limit-max-requests", ["--reload"] = "reload",
    };

    private static readonly Dictionary<string, string> CeleryOptions = new(StringComparer.Ordinal)
    {
        ["-c"] = "concurrency", ["--concurrency"] = "concurrency", ["-P"] = "pool", ["--pool"] = "pool", ["--autoscale"] = "autoscale",
        ["--max-tasks-per-child"] = "max-tasks-per-child", ["--maxtasksperchild"] = "max-tasks-per-child",
        ["--max-memory-per-child"] = "max-memory-per-child", ["--maxmemperchild"] = "max-memory-per-child",
        ["-A"] = "app", ["--app"] = "app", ["-b"] = "broker", ["--broker"] = "broker", ["--result-backend"] = "result-backend",
        ["--loader"] = "loader", ["--config"] = "config-module", ["--workdir"] = "workdir",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "preload", "reload" };

    /// <summary>The settings whose value the rules read; an unknown value of any other option does not matter.</summary>
    private static readonly HashSet<string> Counted = new(StringComparer.Ordinal)
    {
        "workers", "max-requests", "limit-max-requests", "concurrency", "autoscale", "pool", "max-tasks-per-child", "max-memory-per-child",
    };

    private readonly List<PythonServerOption> options = [];
    private readonly List<string> unknown = [];

    private PythonServerCommand(PythonServer server, string display, CommandWord at)
    {
        Server = server;
        Display = display;
        At = at;
    }

    public PythonServer Server { get; }

    /// <summary>How the command starts the server: <c>gunicorn</c>, <c>python3 -m celery</c>.</summary>
    public string Display { get; }

    /// <summary>The word naming the server (the executable, or the module after <c>-m</c>).</summary>
    public CommandWord At { get; }

    /// <summary>celery's subcommand word (<c>worker</c>, <c>beat</c> ...); null for the others or when absent.</summary>
    public CommandWord? Subcommand { get; private set; }

    public bool IsCeleryWorker => Server == PythonServer.Celery && Subcommand?.Text == "worker";

    /// <summary>What could not be read: "GUNICORN_CMD_ARGS (its value is not in the manifest)" ...</summary>
    public IReadOnlyList<string> Unknown => unknown;

    public bool IsComplete => unknown.Count == 0;

    /// <summary>Every setting read, lowest precedence first.</summary>
    public IReadOnlyList<PythonServerOption> Options => options;

    /// <summary>The setting that takes effect for a canonical name (<c>workers</c>, <c>max-requests</c> ...): the last one.</summary>
    public PythonServerOption? this[string name] => options.LastOrDefault(o => o.Name == name);

    /// <summary>
    /// The setting that decides how many processes serve: gunicorn/uvicorn <c>workers</c> (an explicit gunicorn config file
    /// may override <c>WEB_CONCURRENCY</c>, so that alone then counts as unknown), celery <c>--autoscale</c> (its maximum)
    /// or <c>--concurrency</c>.
    /// </summary>
    public PythonServerOption? Workers => Server switch
    {
        PythonServer.Celery => this["autoscale"] ?? this["concurrency"],
        PythonServer.Gunicorn when this["config"] is not null && this["workers"] is { Where.Length: 0 } => null,
        _ => this["workers"],
    };

    /// <summary>
    /// How many worker processes run: the setting's value, or 1 (gunicorn and uvicorn's default) when nothing sets it and
    /// no gunicorn config file could; null when unknown, and for celery without a setting (the node's CPU count).
    /// </summary>
    public int? WorkerCount => Workers is { } workers
        ? (Server == PythonServer.Uvicorn && this["reload"] is not null ? 1 : PythonServerOption.ParseInteger(workers.Name == "autoscale" ? workers.Value?.Split(',')[0] : workers.Value))
        : Server != PythonServer.Celery && this["config"] is null && this["workers"] is null && IsComplete ? 1 : null;

    public static PythonServerCommand? From(ContainerCommandLine commandLine)
    {
        if (Locate(commandLine.Program) is not var (server, start, display))
        {
            return null;
        }

        var program = commandLine.Program;
        var command = new PythonServerCommand(server, display, program[start - 1]);
        var env = commandLine.Environment;
        if (server != PythonServer.Celery)
        {
            command.AddVariable(env["WEB_CONCURRENCY"], "workers");
        }

        if (server == PythonServer.Uvicorn)
        {
            command.AddVariable(env["UVICORN_WORKERS"], "workers");
            command.AddVariable(env["UVICORN_LIMIT_MAX_REQUESTS"], "limit-max-requests");
        }

        if (server == PythonServer.Gunicorn && env["GUNICORN_CMD_ARGS"] is { } cmdArgs)
        {
            var split = cmdArgs.Value is null ? null : ShellWords.Split(cmdArgs.Value);
            if (split is { IsComplete: true })
            {
                command.AddWords(split.Words.Select(w => new CommandWord(w, cmdArgs.WrittenAt)).ToList(), 0, "in GUNICORN_CMD_ARGS");
            }
            else
            {
                command.unknown.Add("GUNICORN_CMD_ARGS (its value is not in the manifest)");
            }
        }

        command.AddWords(program, start, null);
        return command;
    }

    /// <summary>The server, the index of its first argument, and how it was started.</summary>
    private static (PythonServer Server, int Start, string Display)? Locate(IReadOnlyList<CommandWord> program)
    {
        var i = 0;
        while (i < program.Count)
        {
            var name = Path.GetFileName(program[i].Text);
            var next = i + 1 < program.Count ? program[i + 1].Text : null;
            if (name == "ddtrace-run")
            {
                i++;
            }
            else if (name == "opentelemetry-instrument")
            {
                for (i++; i < program.Count && program[i].Text.StartsWith("--", StringComparison.Ordinal); i++)
                {
                    i += program[i].Text.Contains('=', StringComparison.Ordinal) ? 0 : 1;
                }
            }
            else if ((name, next) is ("newrelic-admin", "run-program" or "run-python") or ("poetry" or "pipenv" or "uv", "run"))
            {
                i += 2;
                while (name == "uv" && i < program.Count && program[i].Text.StartsWith('-'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        if (i >= program.Count)
        {
            return null;
        }

        var executable = Path.GetFileName(program[i].Text);
        if (ServerNamed(executable) is { } server)
        {
            return (server, i + 1, executable);
        }

        if (!PythonExecutable().IsMatch(executable))
        {
            return null;
        }

        for (var j = i + 1; j < program.Count; j++)
        {
            var word = program[j].Text;
            var module = word == "-m" && j + 1 < program.Count ? program[j + 1].Text : null;
            if (module is not null)
            {
                return ServerNamed(module) is { } fromModule ? (fromModule, j + 2, $"{executable} -m {module}") : null;
            }

            if (!word.StartsWith('-') || word is "-" or "-c" or "--" or "-m")
            {
                return null;
            }

            j += word is "-X" or "-W" ? 1 : 0;
        }

        return null;
    }

    private static PythonServer? ServerNamed(string name) => name switch
    {
        "gunicorn" or "gunicorn3" => PythonServer.Gunicorn,
        "uvicorn" => PythonServer.Uvicorn,
        "celery" => PythonServer.Celery,
        _ => null,
    };

    private void AddVariable(EnvValue? env, string name)
    {
        if (env is not null)
        {
            options.Add(new PythonServerOption(name, $"{env.Name}={env.Value ?? "(not in the manifest)"}", env.Value, string.Empty, env.WrittenAt));
        }
    }

    private void AddWords(IReadOnlyList<CommandWord> words, int start, string? where)
    {
        var table = Server switch { PythonServer.Gunicorn => GunicornOptions, PythonServer.Uvicorn => UvicornOptions, _ => CeleryOptions };
        var afterOtherOption = false;
        for (var i = start; i < words.Count; i++)
        {
            var word = words[i];
            var text = word.Text;
            var eq = text.StartsWith("--", StringComparison.Ordinal) ? text.IndexOf('=', StringComparison.Ordinal) : -1;
            var (alias, attached) = eq >= 0 ? (text[..eq], text[(eq + 1)..])
                : !text.StartsWith("--", StringComparison.Ordinal) && text.Length > 2 ? (text[..2], text[2..]) : (text, null);
            if (!word.IsKnown)
            {
                // "--bind=$(POD_IP):8000", or "$(POD_IP):8000" after "--bind": not a setting the rules read.
                var harmless = text.StartsWith('-') ? !(table.TryGetValue(alias, out var option) && Counted.Contains(option)) : afterOtherOption;
                unknown.AddRange(harmless ? [] : [$"the command-line word {text}"]);
                afterOtherOption = false;
                continue;
            }

            if (!text.StartsWith('-') || text is "-" or "--")
            {
                if (Server == PythonServer.Celery && Subcommand is null && where is null)
                {
                    Subcommand = word;
                }

                afterOtherOption = false;
                continue;
            }

            if (!table.TryGetValue(alias, out var name))
            {
                afterOtherOption = attached is null;
                continue;
            }

            afterOtherOption = false;
            var value = attached;
            var written = text;
            if (value is null && !Flags.Contains(name) && i + 1 < words.Count)
            {
                var next = words[++i];
                unknown.AddRange(next.IsKnown || !Counted.Contains(name) ? [] : [$"the value of {text}"]);
                (value, written) = (next.IsKnown ? next.Text : null, $"{text} {next.Text}");
            }

            var place = where ?? (word.Variable is { } variable ? $"in ${variable} on the command line" : "on the command line");
            options.Add(new PythonServerOption(name, written, value, place, word.WrittenAt));
        }
    }

    [GeneratedRegex(@"^(?:python|pypy)(?:\d+(?:\.\d+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonExecutable();
}
