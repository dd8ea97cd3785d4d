using ManifestLint.Engine.Analysis;
using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Python;

public class PythonWorkersExceedMemoryLimitRuleTests
{
    private const string Rule = "ML5002";

    [Theory]
    [InlineData("[celery, -A, proj, worker, -c, '4', --max-memory-per-child, '262144']", "1Gi", "4 × 256 MiB = 1024 MiB, at or above the 1024 MiB memory limit")]
    [InlineData("[celery, -A, proj, worker, '--autoscale=8,2', '--max-memory-per-child=262144']", "1Gi", "8 prefork children (--autoscale=8,2 on the command line) may each grow that far: 8 × 256 MiB = 2048 MiB")]
    [InlineData("[celery, -A, proj, worker, --max-memory-per-child=1048576]", "1Gi", "--max-memory-per-child=1048576 on the command line (KiB: 1024 MiB each), and one child alone may grow that far")]
    [InlineData("[sh, -c, 'exec python -m celery -A proj worker -c 2 --maxmemperchild=600000']", "1Gi", "2 × ≈586 MiB = ≈1172 MiB")]
    public void CeleryChildrenThatMayFillTheLimit_AreReportedAtTheThreshold(string command, string limit, string message)
    {
        Verify(Rule, Pod($"command: {command}   # Noncompliant {{{{{message}}}}}", limit));
    }

    [Theory]
    [InlineData("[celery, -A, proj, worker, -c, '4', --max-memory-per-child, '204800']")]
    [InlineData("[celery, -A, proj, worker, --max-memory-per-child, '300000']")]
    [InlineData("[celery, -A, proj, worker, -c, '4', -P, threads, --max-memory-per-child, '1048576']")]
    [InlineData("[celery, -A, proj, beat, --max-memory-per-child, '1048576']")]
    [InlineData("[celery, -A, proj, worker, -c, '4', --max-tasks-per-child, '100']")]
    public void CeleryChildrenThatFit_OrNoChildren_AreNotReported(string command)
    {
        Verify(Rule, Pod($"command: {command}", "1Gi"));
    }

    [Fact]
    public void AssumedNodeCpus_CountsCeleryDefaultConcurrency()
    {
        var options = Options("assumedNodeCpus", "4");

        Verify(Rule, Pod("command: [celery, -A, proj, worker, --max-memory-per-child, '300000']   # Noncompliant {{4 prefork children (celery's default, one per node CPU, assuming 4 CPUs: option assumedNodeCpus) may each grow that far: 4 × ≈293 MiB = ≈1172 MiB}}", "1Gi"), options);
        Verify(Rule, Pod("command: [celery, -A, proj, worker, -c, '2', --max-memory-per-child, '300000']", "1Gi"), options);
    }

    [Fact]
    public void PerWorkerEstimate_IsOffUntilConfigured()
    {
        Verify(Rule, Pod("command: [gunicorn, app:app, -w, '4']", "1Gi"));
    }

    [Fact]
    public void PerWorkerEstimate_CountsGunicornAndUvicornWorkers()
    {
        var options = Options("perWorkerMiB", "300");

        Verify(Rule, Pod("command: [gunicorn, app:app, -w, '4']   # Noncompliant {{gunicorn runs 4 worker processes (-w 4 on the command line) at an estimated 300 MiB each (option perWorkerMiB): 4 × 300 MiB = 1200 MiB, above the 1024 MiB memory limit. Run at most 3 workers or raise the memory limit to at least 1200 MiB.}}", "1Gi"), options);
        Verify(Rule, Pod("command: [uvicorn, main:app, --workers, '3']", "1Gi"), options);
        Verify(Rule, Pod("command: [uvicorn, main:app]   # Noncompliant {{uvicorn runs 1 worker process (uvicorn's default)}}", "256Mi"), options);
        Verify(Rule, Pod("command: [gunicorn, app:app, -c, conf.py]", "256Mi"), options);
    }

    [Fact]
    public void WorkersExactlyFillingTheLimit_AreNotAboveIt()
    {
        Verify(Rule, Pod("command: [gunicorn, app:app, -w, '4']", "1Gi"), Options("perWorkerMiB", "256"));
    }

    [Fact]
    public void NoLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tasks
            spec:
              containers:
                - name: tasks
                  image: ghcr.io/example/shop:2.4.1
                  command: [celery, -A, proj, worker, -c, "4", --max-memory-per-child, "1048576"]
            """);
    }

    private static AnalysisOptions Options(string name, string value) => new()
    {
        Settings = new RuleSettings(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Rule] = new Dictionary<string, string> { [name] = value },
        }),
    };

    private static string Pod(string command, string limit) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: tasks
        spec:
          containers:
            - name: tasks
              image: ghcr.io/example/shop:2.4.1
              {command}
              resources:
                limits:
                  memory: {limit}
        """;
}
