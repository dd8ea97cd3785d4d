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
    private const string Leak = "memory a worker leaks or fragments is never given back, the workers grow until the container hits its limit, and on cgroup v2 the OOM kill takes every process of the container at once";

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
                message = $"{server.Display} runs {processes} and never replaces them (no --max-requests): {Leak}. Add --max-requests 1000 --max-requests-jitter 100 (tune to the leak rate) so each worker is restarted after that many requests, at staggered times.";
                break;
            case PythonServer.Uvicorn when count > 1 && server["limit-max-requests"] is not { Number: > 0 }:
                message = $"{server.Display} runs {processes} and never replaces them (no --limit-max-requests): {Leak}. Add --limit-max-requests 10000 (tune to the leak rate): a worker exits after that many requests and uvicorn's supervisor starts a fresh one.";
                break;
            case PythonServer.Celery when server.IsCeleryWorker && server["pool"]?.Value is null or "prefork" or "processes"
                && (count > 1 || workers is null) && server["max-tasks-per-child"] is not { Number: > 0 } && server["max-memory-per-child"] is not { Number: > 0 }:
                var children = workers is null
                    ? "one prefork child per CPU of the node (celery's default concurrency counts the node's CPUs, not the container's)"
                    : $"{count} prefork children ({workers.Describe()})";
                at = (workers?.WrittenAt ?? server.Subcommand?.WrittenAt ?? server.At.WrittenAt).Span;
                message = $"{server.Display} worker runs {children} and never replaces them (no --max-tasks-per-child or --max-memory-per-child): {Leak}. Add --max-tasks-per-child 100 (tune to the leak rate) or --max-memory-per-child, unless the app's Celery configuration sets worker_max_tasks_per_child, which is not visible here.";
                break;
            default:
                return;
        }

        c.Report(at, $"{c.Subject}: {message}", server.Server.ToString());
    });
}
