using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Commands;

public enum OutputFormat
{
    Text,
    Sarif,
}

/// <summary>The parsed <c>lint</c> command line, immutable, handed from the parser to the runner.</summary>
public sealed record LintOptions(
    IReadOnlyList<string> Paths,
    OutputFormat Format,
    string? OutputPath,
    Severity FailLevel,
    string? Namespace);
