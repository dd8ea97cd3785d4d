using System.Globalization;
using System.Text.RegularExpressions;

namespace ManifestLint.Kustomize.Building;

/// <summary>Turns a failed kustomize run into a message: its error, with absolute paths shown as the user's relative ones.</summary>
internal static partial class KustomizeErrors
{
    private const int MaxLength = 800;

    public static string Describe(KustomizeRun run, TimeSpan timeout, string wrapper, string unit, Func<string, string> display)
    {
        if (run.TimedOut)
        {
            return $"kustomize did not finish within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was stopped (raise kustomize.timeout if the build is just slow).";
        }

        if (run.Overflowed)
        {
            return run.Error;
        }

        var lines = run.Error.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("# Warning:", StringComparison.Ordinal)).ToList();
        var first = lines.FindIndex(l => l.StartsWith("Error:", StringComparison.OrdinalIgnoreCase));
        var errors = first >= 0 ? lines.Skip(first).ToList() : lines.TakeLast(1).ToList();
        var text = errors.Count == 0
            ? $"kustomize exited with code {run.ExitCode.ToString(CultureInfo.InvariantCulture)} without a message"
            : string.Join(" ", errors);
        text = ErrorPrefix().Replace(text, string.Empty);
        text = AbsolutePath().Replace(text, m => Relative(m.Value, wrapper, unit, display));
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength] + "…";
        }

        return text.TrimEnd('.') + ".";
    }

    private static string Relative(string path, string wrapper, string unit, Func<string, string> display)
    {
        if (path.StartsWith(wrapper, StringComparison.Ordinal))
        {
            return display(unit) + path[wrapper.Length..];
        }

        return Path.IsPathFullyQualified(path) ? display(path) : path;
    }

    [GeneratedRegex(@"^(?:Error:\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPrefix();

    /// <summary>An absolute path in a message (kustomize quotes most of them).</summary>
    [GeneratedRegex(@"(?<=^|[\s'""(])/[^\s'"":,)]+", RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePath();
}
