namespace ManifestLint.Engine.Diagnostics;

/// <summary>
/// How serious a finding is; ordered so that a higher value is more severe. Maps to SARIF <c>level</c>.
/// <list type="bullet">
/// <item><see cref="Error"/>: the configuration is certainly broken (the API server rejects it, or it cannot
/// work); the rule has no known false positives and its page states <c>precision: exact</c>.</item>
/// <item><see cref="Warning"/>: very likely to end in an OOM kill or eviction.</item>
/// <item><see cref="Note"/>: advisory.</item>
/// <item><see cref="None"/>: turned off.</item>
/// </list>
/// </summary>
public enum Severity
{
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        severity = text switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "note" => Severity.Note,
            "none" => Severity.None,
            _ => (Severity)(-1),
        };
        return (int)severity >= 0;
    }
}
