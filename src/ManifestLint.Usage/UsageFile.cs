namespace ManifestLint.Usage;

/// <summary>
/// One <c>--usage</c> argument: a file, and for instant-query vectors of pre-computed quantiles the percentile it holds
/// (<c>--usage p95=FILE</c>). Roles are <c>p50</c>, <c>p95</c>, <c>p99</c> and <c>max</c>.
/// </summary>
/// <param name="Path">The file as the user named it (messages use it).</param>
/// <param name="FullPath">Where to read it.</param>
public sealed record UsageFile(string Path, string FullPath, string? Role)
{
    public static readonly IReadOnlyList<string> Roles = ["p50", "p95", "p99", "max"];

    /// <summary>Parses <c>FILE</c> or <c>ROLE=FILE</c>; a file whose name holds '=' is written with a role, or as ./a=b.</summary>
    public static UsageFile Parse(string argument, string baseDirectory)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && Roles.Contains(argument[..equals], StringComparer.Ordinal))
        {
            var file = argument[(equals + 1)..];
            return new UsageFile(file, System.IO.Path.GetFullPath(file, baseDirectory), argument[..equals]);
        }

        return new UsageFile(argument, System.IO.Path.GetFullPath(argument, baseDirectory), null);
    }

    /// <summary>Why an argument cannot be a usage file, or null: an unknown role (<c>p90=...</c>) is a typo worth naming.</summary>
    public static string? Error(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && argument[..equals] is var role && role.Length <= 4 && (role.StartsWith('p') || role == "max") && !Roles.Contains(role, StringComparer.Ordinal)
            && role.Skip(1).All(char.IsAsciiDigit))
        {
            return $"--usage {argument}: the percentile must be one of {string.Join(", ", Roles)} (as in --usage p95=FILE).";
        }

        return argument.Length == 0 || (equals > 0 && equals == argument.Length - 1) ? $"--usage {argument}: a file is missing." : null;
    }
}
