using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Python;

public class PythonWorkersWithoutRecyclingRuleTests
{
    private const string Rule = "ML5001";

    [Theory]
    [InlineData("[gunicorn, app:app, -w, '4']", "gunicorn runs 4 worker processes (-w 4 on the command line) and never replaces them (no --max-requests)")]
    [InlineData("[gunicorn, app:app, --workers=4, --max-requests=0]", "(--workers=4 on the command line)")]
    [InlineData("[python3, -m, gunicorn, -k, uvicorn.workers.UvicornWorker, -w, '2', app:app]", "python3 -m gunicorn runs 2 worker processes")]
    [InlineData("[sh, -c, 'exec ddtrace-run gunicorn app:app --workers 8 --timeout 60']", "gunicorn runs 8 worker processes (--workers 8 on the command line)")]
    [InlineData("[uvicorn, main:app, --workers, '4']", "uvicorn runs 4 worker processes (--workers 4 on the command line) and never replaces them (no --limit-max-requests)")]
    [InlineData("[celery, -A, proj, worker, -c, '8']", "celery worker runs 8 prefork children (-c 8 on the command line)")]
    [InlineData("[celery, -A, proj, worker, '--autoscale=16,4', -P, prefork]", "16 prefork children (--autoscale=16,4 on the command line)")]
    public void ServerWithoutRecycling_IsReportedOnTheCommand(string command, string message)
    {
        Verify(Rule, Pod($"command: {command}   # Noncompliant {{{{{message}}}}}"));
    }

    [Theory]
    [InlineData("[gunicorn, app:app]")]
    [InlineData("[gunicorn, app:app, -w, '1']")]
    [InlineData("[gunicorn, app:app, -w, '4', --max-requests, '1000']")]
    [InlineData("[gunicorn, app:app, -w, '4', -c, /etc/gunicorn.conf.py]")]
    [InlineData("[uvicorn, main:app, --workers, '4', --limit-max-requests=5000]")]
    [InlineData("[uvicorn, main:app, --workers, '4', --reload]")]
    [InlineData("[celery, -A, proj, worker, -c, '1']")]
    [InlineData("[celery, -A, proj, worker, -P, solo]")]
    [InlineData("[celery, -A, proj, worker, --pool=threads, -c, '16']")]
    [InlineData("[celery, -A, proj, worker, --max-memory-per-child=200000]")]
    [InlineData("[celery, -A, proj, worker, --maxtasksperchild, '50']")]
    [InlineData("[celery, -A, proj, beat]")]
    [InlineData("[python, manage.py, runserver]")]
    public void SingleProcessRecycledOrNotAServer_IsNotReported(string command)
    {
        Verify(Rule, Pod($"command: {command}"));
    }

    [Fact]
    public void CeleryWithoutConcurrency_IsReportedAtItsWorkerWord()
    {
        Verify(Rule, Pod("args: [celery, -A, proj, worker, -l, info]   # Noncompliant {{celery worker runs one prefork child per CPU of the node (celery's default)}}"));
    }

    [Fact]
    public void WorkersFromTheEnvironment_AreReportedAtTheVariable()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web-concurrency
                  image: python:3.12-slim
                  command: [gunicorn, app:app]
                  env:
                    - name: WEB_CONCURRENCY
                      value: "5"   # Noncompliant {{gunicorn runs 5 worker processes (WEB_CONCURRENCY=5)}}
                - name: cmd-args
                  image: python:3.12-slim
                  command: [gunicorn, app:app]
                  env:
                    - name: GUNICORN_CMD_ARGS
                      value: --bind=0.0.0.0:8000 --workers=3   # Noncompliant {{(--workers=3 in GUNICORN_CMD_ARGS)}}
                - name: cmd-args-recycle
                  image: python:3.12-slim
                  command: [gunicorn, app:app, -w, "3"]
                  env:
                    - name: GUNICORN_CMD_ARGS
                      value: --max-requests 500 --max-requests-jitter 50
                - name: uvicorn-env
                  image: python:3.12-slim
                  command: [uvicorn, main:app]
                  env:
                    - {name: UVICORN_WORKERS, value: "2"}   # Noncompliant {{uvicorn runs 2 worker processes (UVICORN_WORKERS=2)}}
                - name: uvicorn-env-recycle
                  image: python:3.12-slim
                  command: [uvicorn, main:app]
                  env:
                    - {name: UVICORN_WORKERS, value: "2"}
                    - {name: UVICORN_LIMIT_MAX_REQUESTS, value: "10000"}
                - name: secret-args
                  image: python:3.12-slim
                  command: [gunicorn, app:app, -w, "4"]
                  env:
                    - name: GUNICORN_CMD_ARGS
                      valueFrom:
                        secretKeyRef: {name: web, key: args}
            """);
    }

    [Fact]
    public void PodIpInTheBindAddress_DoesNotHideTheFinding()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: python:3.12-slim
                  args: [gunicorn, app:app, --bind, "$(POD_IP):8000", -w, "4"]   # Noncompliant {{(-w 4 on the command line)}}
                  env:
                    - name: POD_IP
                      valueFrom:
                        fieldRef: {fieldPath: status.podIP}
            """);
    }

    private static string Pod(string command) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: ghcr.io/example/shop:2.4.1
              {command}
        """;
}
