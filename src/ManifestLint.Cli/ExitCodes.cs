namespace ManifestLint.Cli;

/// <summary>The process exit codes, in one place.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above the fail level.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the fail level (a broken YAML file is a finding too).</summary>
    public const int Findings = 1;

    /// <summary>The tool could not do its job: bad arguments, a missing path, an unwritable output, an internal error.</summary>
    public const int ToolFailure = 2;

    /// <summary>Stopped by Ctrl-C (SIGINT) or SIGTERM: 128 + SIGINT, as shells report it. No report was written.</summary>
    public const int Cancelled = 130;
}
