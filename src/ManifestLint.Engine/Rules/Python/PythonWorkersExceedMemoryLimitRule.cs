using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Python;

/// <summary>
/// ML5002: the workers of a Python server may together need more than the container's memory limit. celery: each
/// prefork child is replaced only after a task leaves it above <c>--max-memory-per-child</c> (KiB), so children ×
/// that threshold at or above the limit is an OOM kill before any recycling (without <c>-c</c>, the count is the
/// node's CPUs: <c>assumedNodeCpus</c> when configured, else one child alone must reach the limit). gunicorn/uvicorn:
/// workers × <c>perWorkerMiB</c> above the limit, only when that estimate is configured.
/// </summary>
public sealed class PythonWorkersExceedMemoryLimitRule() : Rule(RuleIds.PythonWorkersExceedMemoryLimit, AssumedNodeCpus, PerWorkerMiB)
{
    public static readonly RuleOption<int> AssumedNodeCpus = RuleOption.WholeNumber("assumedNodeCpus", 0);
    public static readonly RuleOption<int> PerWorkerMiB = RuleOption.WholeNumber("perWorkerMiB", 0);

    private const long MiB = 1L << 20;

    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        var limitValue = c.Effective.Limit(ResourceNames.Memory);
        if (PythonFacts.Server(c) is not { IsComplete: true } server || limitValue is null || limitValue.PositiveBytes() is not { } limit)
        {
            return;
        }

        var limitText = $"{MemoryText.MiBText(limit)}{limitValue.OriginNote}";
        var workers = server.Workers;
        if (server.Server == PythonServer.Celery)
        {
            if (!server.IsCeleryWorker || server["pool"]?.Value is not (null or "prefork" or "processes")
                || server["max-memory-per-child"] is not { Number: > 0 and var kib } threshold || (workers is not null && server.WorkerCount is null))
            {
                return;
            }

            var assumed = c.Option(AssumedNodeCpus);
            var children = server.WorkerCount ?? (assumed > 0 ? assumed : 1);
            var each = kib * 1024L;
            if (children * each < limit)
            {
                return;
            }

            var budget = (long)(limit * 0.75 / children / 1024);
            var arithmetic = workers is null && assumed <= 0
                ? $"and one child alone may grow that far: {MemoryText.MiBText(each)}, at or above the {limitText} memory limit, while celery's default concurrency starts one child per CPU of the node"
                : $"and {children} prefork children ({workers?.Describe() ?? $"celery's default, one per node CPU, assuming {assumed} CPUs: option assumedNodeCpus"}) may each grow that far: {children} × {MemoryText.MiBText(each)} = {MemoryText.MiBText(children * each)}, at or above the {limitText} memory limit";
            var share = children == 1 ? "75% of the limit for one child" : $"75% of the limit shared by {children} children";
            c.Report(
                threshold.WrittenAt.Span,
                CeleryMessage(c.Subject, server.Display, threshold.Describe(), MemoryText.MiBText(each), arithmetic, budget, share),
                "celery",
                limitValue.LimitRangeSource());
            return;
        }

        var perWorker = (long)c.Option(PerWorkerMiB);
        if (perWorker <= 0 || server.WorkerCount is not { } count || count * perWorker * MiB <= limit)
        {
            return;
        }

        var fit = limit / (perWorker * MiB);
        var source = workers is null ? $"{server.Display}'s default" : workers.Describe();
        var fix = fit > 0 ? $"Run at most {fit} workers or raise the memory limit to at least {MemoryText.MiBText(count * perWorker * MiB)}." : "Raise the memory limit or lower the estimate if it is wrong.";
        c.Report(
            (workers?.WrittenAt ?? server.At.WrittenAt).Span,
            WorkersMessage(c.Subject, server.Display, count, source, perWorker, limitText, fix),
            server.Server.ToString(),
            limitValue.LimitRangeSource());
    });

    /// <summary>celery: the recycling threshold, the children × threshold arithmetic against the limit, and the fix.</summary>
    internal static string CeleryMessage(string subject, string display, string threshold, string each, string arithmetic, long budgetKiB, string share) =>
        $"{subject}: {display} worker replaces a child only after a task leaves it above {threshold} (KiB: {each} each), {arithmetic}. Set -c explicitly and --max-memory-per-child to at most {budgetKiB} KiB ({share}), or raise the limit.";

    /// <summary>gunicorn/uvicorn: workers × the estimate against the limit, and the fix.</summary>
    internal static string WorkersMessage(string subject, string display, int count, string source, long perWorkerMiB, string limit, string fix) =>
        $"{subject}: {display} runs {count} worker {(count == 1 ? "process" : "processes")} ({source}) at an estimated {perWorkerMiB} MiB each (option perWorkerMiB): {count} × {perWorkerMiB} MiB = {count * perWorkerMiB} MiB, above the {limit} memory limit. {fix}";
}
