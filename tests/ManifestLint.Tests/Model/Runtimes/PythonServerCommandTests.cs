using ManifestLint.Model.Runtimes;
using ManifestLint.Tests.Model.Semantics;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class PythonServerCommandTests
{
    [Theory]
    [InlineData("command: [gunicorn, app:app, -w, '4']", PythonServer.Gunicorn, "gunicorn", 4, "-w 4 on the command line")]
    [InlineData("command: [gunicorn, --workers=3, app:app]", PythonServer.Gunicorn, "gunicorn", 3, "--workers=3 on the command line")]
    [InlineData("command: [/venv/bin/gunicorn, -w5, app:app]", PythonServer.Gunicorn, "gunicorn", 5, "-w5 on the command line")]
    [InlineData("command: [python3, -m, gunicorn, app:app, --workers, '2']", PythonServer.Gunicorn, "python3 -m gunicorn", 2, "--workers 2 on the command line")]
    [InlineData("command: [python, -u, -X, dev, -m, gunicorn, -w, '2', app:app]", PythonServer.Gunicorn, "python -m gunicorn", 2, "-w 2 on the command line")]
    [InlineData("command: [sh, -c, 'python manage.py migrate && exec gunicorn app.wsgi -w 6']", PythonServer.Gunicorn, "gunicorn", 6, "-w 6 on the command line")]
    [InlineData("command: [ddtrace-run, gunicorn, -w, '3', app:app]", PythonServer.Gunicorn, "gunicorn", 3, "-w 3 on the command line")]
    [InlineData("command: [opentelemetry-instrument, --traces_exporter, otlp, --service_name=web, gunicorn, -w, '3', app:app]", PythonServer.Gunicorn, "gunicorn", 3, "-w 3 on the command line")]
    [InlineData("command: [newrelic-admin, run-program, uvicorn, main:app, --workers, '4']", PythonServer.Uvicorn, "uvicorn", 4, "--workers 4 on the command line")]
    [InlineData("command: [uv, run, --no-sync, uvicorn, main:app, --workers=2]", PythonServer.Uvicorn, "uvicorn", 2, "--workers=2 on the command line")]
    [InlineData("command: [poetry, run, celery, -A, proj, worker, -c, '8']", PythonServer.Celery, "celery", 8, "-c 8 on the command line")]
    [InlineData("command: [celery, -A, proj, worker, '--autoscale=10,3']", PythonServer.Celery, "celery", 10, "--autoscale=10,3 on the command line")]
    [InlineData("command: [python, -m, celery, --app=proj, worker, --concurrency, '2']", PythonServer.Celery, "python -m celery", 2, "--concurrency 2 on the command line")]
    public void Server_AndItsWorkers_AreFound(string fields, PythonServer server, string display, int workers, string describe)
    {
        var command = Command(fields);

        Assert.NotNull(command);
        Assert.Equal((server, display, workers), (command.Server, command.Display, command.WorkerCount));
        Assert.Equal(describe, command.Workers?.Describe());
    }

    [Theory]
    [InlineData("command: [python, app.py, -m, gunicorn]")]
    [InlineData("command: [python, -c, 'import gunicorn']")]
    [InlineData("command: [python, -m, http.server]")]
    [InlineData("command: [node, server.js]")]
    [InlineData("command: [./run.sh, gunicorn]")]
    public void OtherPrograms_AreNotPythonServers(string fields)
    {
        Assert.Null(Command(fields));
    }

    [Theory]
    [InlineData("", null, 1)]
    [InlineData("WEB_CONCURRENCY: '6'", null, 6)]
    [InlineData("WEB_CONCURRENCY: '6'\nGUNICORN_CMD_ARGS: --workers 5 --max-requests 100", "in GUNICORN_CMD_ARGS", 5)]
    [InlineData("GUNICORN_CMD_ARGS: --workers 5", "on the command line", 2, "-w 2")]
    [InlineData("WEB_CONCURRENCY: '6'", null, null, "-c /etc/gunicorn.py")]
    [InlineData("", null, null, "--config=python:conf")]
    [InlineData("", "on the command line", 3, "-c conf.py -w 3")]
    public void GunicornWorkers_FollowItsPrecedence(string env, string? where, int? count, string cli = "")
    {
        var command = Command(Fields($"gunicorn app:app {cli}", env));

        Assert.Equal(count, command?.WorkerCount);
        if (where is not null)
        {
            Assert.Equal(where, command?.Workers?.Where);
        }
    }

    [Fact]
    public void GunicornCmdArgs_CarriesMaxRequests()
    {
        var command = Command(Fields("gunicorn app:app -w 4", "GUNICORN_CMD_ARGS: --max-requests=500 --max-requests-jitter 50"));

        Assert.Equal(500, command?["max-requests"]?.Number);
        Assert.Equal("in GUNICORN_CMD_ARGS", command?["max-requests"]?.Where);
    }

    [Theory]
    [InlineData("uvicorn main:app", "", 1)]
    [InlineData("uvicorn main:app", "WEB_CONCURRENCY: '4'", 4)]
    [InlineData("uvicorn main:app", "WEB_CONCURRENCY: '4'\nUVICORN_WORKERS: '2'", 2)]
    [InlineData("uvicorn main:app --workers 3", "UVICORN_WORKERS: '2'", 3)]
    [InlineData("uvicorn main:app --workers 3 --reload", "", 1)]
    public void UvicornWorkers_FollowItsPrecedence(string command, string env, int count)
    {
        Assert.Equal(count, Command(Fields(command, env))?.WorkerCount);
    }

    [Theory]
    [InlineData("celery -A proj worker", "worker", null)]
    [InlineData("celery worker -A proj -c 4", "worker", 4)]
    [InlineData("celery -b redis://cache:6379/0 --result-backend redis://cache worker -c 2", "worker", 2)]
    [InlineData("celery -A proj beat", "beat", null)]
    [InlineData("celery --app proj flower --port=5555", "flower", null)]
    public void CeleryWorker_IsTheSubcommand(string command, string subcommand, int? count)
    {
        var celery = Command(Fields(command, string.Empty));

        Assert.Equal(subcommand, celery?.Subcommand?.Text);
        Assert.Equal(subcommand == "worker", celery?.IsCeleryWorker);
        Assert.Equal(count, celery?.WorkerCount);
    }

    [Theory]
    [InlineData("celery -A proj worker --max-memory-per-child=262144", "max-memory-per-child", 262144)]
    [InlineData("celery -A proj worker --maxmemperchild 1000", "max-memory-per-child", 1000)]
    [InlineData("celery -A proj worker --max-tasks-per-child 50", "max-tasks-per-child", 50)]
    [InlineData("celery -A proj worker --maxtasksperchild=20", "max-tasks-per-child", 20)]
    [InlineData("celery -A proj worker -P gevent", "pool", null)]
    public void CeleryChildOptions_AreRead(string command, string name, int? value)
    {
        var option = Command(Fields(command, string.Empty))?[name];

        Assert.NotNull(option);
        Assert.Equal(value, option.Number);
    }

    [Fact]
    public void WordFromASecret_MakesTheCommandIncomplete()
    {
        var command = Command("command: [gunicorn, app:app, -w, '4', '$(EXTRA_ARGS)']\nenv:\n  - name: EXTRA_ARGS\n    valueFrom:\n      secretKeyRef: {name: s, key: k}");

        Assert.False(command?.IsComplete);
    }

    [Theory]
    [InlineData("command: [gunicorn, app:app, -w, '4', --bind, '$(POD_IP):8000']")]
    [InlineData("command: [gunicorn, app:app, -w, '4', '--bind=$(POD_IP):8000']")]
    [InlineData("command: [celery, -A, '$(POD_IP)', worker, -c, '4']")]
    public void UnknownValuesOfOtherOptions_DoNotMatter(string fields)
    {
        var command = Command($"{fields}\nenv:\n  - name: POD_IP\n    valueFrom:\n      fieldRef: {{fieldPath: status.podIP}}");

        Assert.True(command?.IsComplete);
        Assert.Equal(4, command?.WorkerCount);
    }

    [Theory]
    [InlineData("command: [gunicorn, app:app, -w, '$(N)']")]
    [InlineData("command: [gunicorn, app:app, '-w$(N)']")]
    [InlineData("command: [gunicorn, app:app, '$(N)']")]
    public void UnknownWordsThatMayCount_MakeItIncomplete(string fields)
    {
        var command = Command($"{fields}\nenv:\n  - name: N\n    valueFrom:\n      configMapKeyRef: {{name: web, key: workers}}");

        Assert.False(command?.IsComplete);
    }

    private static string Fields(string command, string env)
    {
        var words = ShellWords.Split(command).Words.Select(w => $"'{w}'");
        var envYaml = env.Length == 0 ? string.Empty
            : "\nenv:\n" + string.Join('\n', env.Split('\n').Select(l => l.Split(": ", 2)).Select(p => $"  - name: {p[0]}\n    value: {(p[1].StartsWith('\'') ? p[1] : $"'{p[1]}'")}"));
        return $"command: [{string.Join(", ", words)}]{envYaml}";
    }

    private static PythonServerCommand? Command(string fields)
    {
        var indented = string.Join('\n', fields.Split('\n').Select(l => "    " + l));
        var container = ManifestBuilder.Pod($"containers:\n  - name: app\n    image: python:3.12\n{indented}").Container("app");
        return PythonServerCommand.From(ContainerCommandLine.From(container));
    }
}
