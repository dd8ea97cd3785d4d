using ManifestLint.Engine.Analysis;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Python;

/// <summary>What the Python rules share about one container.</summary>
internal static class PythonFacts
{
    /// <summary>
    /// The Python server the container runs (gunicorn, uvicorn, celery ...) with its settings, or null: parsed once per
    /// container for both Python rules, which ask it of every container.
    /// </summary>
    public static PythonServerCommand? Server(ContainerContext c) =>
        c.Facts.Derived(c.Container, _ => new Parsed(PythonServerCommand.From(c.CommandLine))).Command;

    /// <summary>A holder, so that "no Python server" is kept too.</summary>
    private sealed record Parsed(PythonServerCommand? Command);
}
