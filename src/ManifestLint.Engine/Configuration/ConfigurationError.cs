using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Configuration;

/// <summary>A mistake in a configuration file: where it is and what was expected there.</summary>
public sealed record ConfigurationError(SourceSpan At, string Message)
{
    /// <summary>Compiler style, <c>path(line,col): message</c>, as the CLI prints it.</summary>
    public override string ToString() => $"{At.Path}({At.StartLine},{At.StartColumn}): {Message}";
}

/// <summary>A configuration file that cannot be used; the run stops with exit code 2 and these errors.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigurationError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public ConfigurationException()
        : this([])
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<ConfigurationError> Errors { get; }
}
