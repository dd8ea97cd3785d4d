using System.Globalization;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes;

/// <summary>The multi-process Python servers ManifestLint reads.</summary>
public enum PythonServer
{
    Gunicorn,
    Uvicorn,
    Celery,
}

/// <summary>
/// One setting of a Python server as the server reads it, from its command line or an environment variable.
/// </summary>
/// <param name="Name">The canonical long name without dashes: <c>workers</c>, <c>max-requests</c>, <c>concurrency</c> ...</param>
/// <param name="Text">As written: <c>-w 4</c>, <c>--workers=4</c>, <c>WEB_CONCURRENCY=4</c>.</param>
/// <param name="Value">The value; null for an option written without one.</param>
/// <param name="Where">"on the command line", "in GUNICORN_CMD_ARGS", "in $OPTS on the command line", or "" for a variable.</param>
/// <param name="WrittenAt">The command/args item, env value or script it was written in.</param>
public sealed record PythonServerOption(string Name, string Text, string? Value, string Where, YamlNode WrittenAt)
{
    /// <summary>The value as Python's <c>int()</c> reads it (surrounding blanks allowed); null when it is not an integer.</summary>
    public int? Number => ParseInteger(Value);

    /// <summary>Python's <c>int()</c> of a setting: an optional sign and digits, blanks around allowed; null otherwise.</summary>
    public static int? ParseInteger(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>"-w 4 on the command line", "WEB_CONCURRENCY=4".</summary>
    public string Describe() => Where.Length == 0 ? Text : $"{Text} {Where}";
}
