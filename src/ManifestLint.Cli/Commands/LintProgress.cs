using System.Collections.Concurrent;
using System.Globalization;

namespace ManifestLint.Cli.Commands;

/// <summary>
/// "manifestlint: 1,234/5,000 files" on standard error while a long lint runs: from
/// <see cref="CliEnvironment.ProgressDelay"/> (a second) after the start, rewritten in place four times a second, and
/// erased before the report. Only where a person watches: standard error is a terminal and <c>CI</c> is not set; or
/// when asked with <c>--progress</c> (then, off a terminal, one plain line a second). Never with <c>--quiet</c>.
/// A file counts when the engine has analysed it (<see cref="Engine.Analysis.AnalysisOptions.FileAnalyzed"/>); the
/// total is the files collected (Helm charts' templates are rendered inputs, not counted).
/// </summary>
public sealed class LintProgress : IDisposable
{
    private readonly CliEnvironment environment;
    private readonly HashSet<string> paths;
    private readonly ConcurrentDictionary<string, byte> done = new(StringComparer.Ordinal);
    private readonly bool inPlace;
    private readonly Timer? timer;
    private readonly Lock gate = new();
    private int shownLength;
    private bool disposed;

    private LintProgress(CliEnvironment environment, HashSet<string> paths, bool enabled, bool inPlace)
    {
        this.environment = environment;
        this.paths = paths;
        this.inPlace = inPlace;
        if (enabled)
        {
            timer = new Timer(_ => Show(), null, environment.ProgressDelay, inPlace ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>What the engine calls for each analysed file; null when no progress is shown.</summary>
    public Action<string>? FileAnalyzed => timer is null ? null : path =>
    {
        if (paths.Contains(path))
        {
            done.TryAdd(path, 0);
        }
    };

    public static LintProgress Start(LintOptions options, CliEnvironment environment, IEnumerable<string> paths)
    {
        var ci = !string.IsNullOrEmpty(environment.GetEnvironmentVariable("CI"));
        var watched = environment.ErrorIsTerminal && !ci;
        var enabled = !options.Quiet && (options.Progress || watched);
        return new LintProgress(environment, new HashSet<string>(paths, StringComparer.Ordinal), enabled, inPlace: environment.ErrorIsTerminal);
    }

    /// <summary>The line as shown: "manifestlint: 12/40 files".</summary>
    public static string Line(int done, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"manifestlint: {done:N0}/{total:N0} files");

    private void Show()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            var line = Line(done.Count, paths.Count);
            if (inPlace)
            {
                environment.Error.Write($"\r{line}{new string(' ', Math.Max(0, shownLength - line.Length))}");
                shownLength = line.Length;
            }
            else
            {
                environment.Error.WriteLine(line);
            }

            environment.Error.Flush();
        }
    }

    /// <summary>Stops and erases the line (idempotent).</summary>
    public void Dispose()
    {
        timer?.Dispose();
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (inPlace && shownLength > 0)
            {
                environment.Error.Write($"\r{new string(' ', shownLength)}\r");
                environment.Error.Flush();
            }
        }
    }
}
