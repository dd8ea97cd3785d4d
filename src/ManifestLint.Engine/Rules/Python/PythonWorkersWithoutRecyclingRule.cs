using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Python;

/// <summary>
/// ML5001: a multi-process Python server that never replaces its workers: gunicorn with more than one worker and no
/// <c>--max-requests</c>, uvicorn <c>--workers</c> above 1 without <c>--limit-max-requests</c>, a prefork celery worker
/// (more than one child, or celery's default of one per node CPU) without <c>--max-tasks-per-child</c> or
/// <c>--max-memory-per-child</c>. Quiet when a gunicorn config file is given or anything relevant is unknown.
/// </summary>
public sealed class PythonWorkersWithoutRecyclingRule() : Rule(RuleIds.PythonWorkersWithoutRecycling)
{

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        if (PythonFacts.Server(c) is not { IsComplete: true } server)
        {
            return;
        }

        var workers = server.Workers;
        var count = server.WorkerCount;
        var processes = workers is null ? $"{count} worker processes" : $"{count} worker processes ({workers.Describe()})";
        var at = (workers?.WrittenAt ?? server.At.WrittenAt).Span;
        string message;
        switch (server.Server)
        {
            case PythonServer.Gunicorn when count > 1 && server["config"] is null && server["max-requests"] is not { Number: > 0 }:
                message = Message($"{server.Display} runs {processes}", "--max-requests", "Add --max-requests 1000 --max-requests-jitter 100 (tune to the leak rate).");
                break;
            case PythonServer.Uvicorn when count > 1 && server["limit-max-requests"] is not { Number: > 0 }:
                message = Message($"{server.Display} runs {processes}", "--limit-max-requests", "Add --limit-max-requests 10000 (tune to the leak rate).");
                break;
            case PythonServer.Celery when server.IsCeleryWorker && server["pool"]?.Value is null or "prefork" or "processes"
                && (count > 1 || workers is null) && server["max-tasks-per-child"] is not { Number: > 0 } && server["max-memory-per-child"] is not { Number: > 0 }:
                var children = workers is null
                    ? "one prefork child per CPU of the node (celery's default)"
                    : $"{count} prefork children ({workers.Describe()})";
                at = (workers?.WrittenAt ?? server.Subcommand?.WrittenAt ?? server.At.WrittenAt).Span;
                message = Message($"{server.Display} worker runs {children}", "--max-tasks-per-child or --max-memory-per-child", "Add --max-tasks-per-child 100 (tune to the leak rate), unless the app's Celery configuration sets worker_max_tasks_per_child.");
                break;
            default:
                return;
        }

        c.Report(at, $"{c.Subject}: {message}", server.Server.ToString());
    });

    /// <summary>The headline after the container: the server and its workers, the missing recycling option, and the fix; why leaks add up is on the page.</summary>
    internal static string Message(string runs, string missingOption, string fix) => $"{runs} and never replaces them (no {missingOption}). {fix}";
}
