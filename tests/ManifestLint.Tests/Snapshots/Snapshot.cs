using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace ManifestLint.Tests.Snapshots;

/// <summary>
/// Verify-style snapshot testing without a dependency. <c>Snapshot.Verify(text, "name", "json")</c> compares
/// with <c>Snapshots/name.verified.json</c> next to the calling test file.
/// <list type="bullet">
/// <item>Match: passes, and deletes a stale <c>name.received.json</c>.</item>
/// <item>Mismatch: writes <c>name.received.json</c> and fails with a unified line diff.</item>
/// <item>No verified file: writes the received file and fails; review it and rename it to <c>.verified</c>.</item>
/// <item><c>MANIFESTLINT_UPDATE_SNAPSHOTS=1</c>: (over)writes the verified file instead of failing.</item>
/// </list>
/// Line endings are normalised to '\n' on both sides, and files are written that way, so a checkout with
/// CRLF endings still matches.
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "MANIFESTLINT_UPDATE_SNAPSHOTS";
    public const int MaxDiffLines = 40;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Compares with <c>&lt;directory of the calling file&gt;/Snapshots/&lt;name&gt;.verified.&lt;extension&gt;</c>.</summary>
    public static void Verify(string actual, string name, string extension = "txt", [CallerFilePath] string sourceFile = "") =>
        Verify(new DirectoryInfo(Path.Combine(SourceDirectory(sourceFile), "Snapshots")), actual, name, extension);

    /// <summary>Compares with <c>&lt;directory&gt;/&lt;name&gt;.verified.&lt;extension&gt;</c>.</summary>
    /// <param name="update">Overwrite the verified file instead of failing; null reads <see cref="UpdateVariable"/>.</param>
    public static void Verify(DirectoryInfo directory, string actual, string name, string extension = "txt", bool? update = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(actual);
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid snapshot name.", nameof(name));
        }

        var verified = Path.Combine(directory.FullName, $"{name}.verified.{extension}");
        var received = Path.Combine(directory.FullName, $"{name}.received.{extension}");
        actual = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;

        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (update ?? Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory.FullName);
            File.WriteAllText(verified, actual, Utf8);
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory.FullName);
        File.WriteAllText(received, actual, Utf8);
        if (expected is null)
        {
            Assert.Fail($"New snapshot; review and rename to .verified: {received}{Environment.NewLine}(or set {UpdateVariable}=1 to accept it)");
        }

        Assert.Fail(
            $"Snapshot mismatch: {verified}{Environment.NewLine}The received text is in {received}; if the change is intended, rename it to .verified (or set {UpdateVariable}=1)."
            + $"{Environment.NewLine}{LineDiff.Unified(expected, actual, $"{name}.verified.{extension}", $"{name}.received.{extension}", MaxDiffLines)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>
    /// The directory of the calling source file. A deterministic CI build (<c>ContinuousIntegrationBuild</c>)
    /// maps source paths to <c>/_/tests/...</c>; then the directory is looked up under the ancestors of the
    /// test's output and working directories (which contain the checkout in the default build layout) and
    /// under <c>GITHUB_WORKSPACE</c>.
    /// </summary>
    private static string SourceDirectory(string sourceFile)
    {
        var directory = Path.GetDirectoryName(sourceFile) ?? throw new ArgumentException("No caller file path.", nameof(sourceFile));
        if (Directory.Exists(directory))
        {
            return directory;
        }

        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, Environment.GetEnvironmentVariable("GITHUB_WORKSPACE")];
        return FindMappedDirectory(directory, starts.OfType<string>().Where(s => s.Length > 0))
            ?? throw new InvalidOperationException($"Cannot find the source directory of {sourceFile}: a path-mapped (CI) build whose output is outside the checkout? Build without ContinuousIntegrationBuild, or inside the checkout.");
    }

    /// <summary>
    /// For a path-mapped directory such as <c>/_/tests/ManifestLint.Tests/Sarif</c> (the mapped root, then
    /// the path in the checkout): the first existing <c>ancestor/tests/ManifestLint.Tests/Sarif</c> over the
    /// ancestors of <paramref name="starts"/>.
    /// </summary>
    internal static string? FindMappedDirectory(string mappedDirectory, IEnumerable<string> starts)
    {
        var parts = mappedDirectory.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return null;
        }

        var relative = Path.Combine(parts[1..]);
        return starts.SelectMany(Ancestors).Select(a => Path.Combine(a, relative)).FirstOrDefault(Directory.Exists);
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var candidate = new DirectoryInfo(start); candidate is not null; candidate = candidate.Parent)
        {
            yield return candidate.FullName;
        }
    }
}

/// <summary>A minimal unified diff of two texts, line by line (longest common subsequence).</summary>
public static class LineDiff
{
    private const int Context = 3;

    /// <summary>Hunks with three lines of context, showing at most <paramref name="maxChangedLines"/> removed/added lines.</summary>
    public static string Unified(string expected, string actual, string expectedName, string actualName, int maxChangedLines = 40)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var ops = Diff(a, b);
        var output = new StringBuilder().Append("--- ").Append(expectedName).Append('\n').Append("+++ ").Append(actualName).Append('\n');
        var changed = ops.Select((op, i) => (op, i)).Where(x => x.op.Kind != ' ').Select(x => x.i).ToList();
        var shown = 0;
        var i = 0;
        while (i < changed.Count && shown < maxChangedLines)
        {
            // Grow the hunk while the next change is within 2 * Context lines of the previous one.
            var first = changed[i];
            var last = first;
            while (i + 1 < changed.Count && changed[i + 1] - last <= 2 * Context)
            {
                last = changed[++i];
            }

            i++;
            var start = Math.Max(0, first - Context);
            var end = Math.Min(ops.Count - 1, last + Context);
            var oldStart = ops[start].OldLine;
            var newStart = ops[start].NewLine;
            var hunk = ops.GetRange(start, end - start + 1);
            output.Append(CultureInfo.InvariantCulture, $"@@ -{oldStart},{hunk.Count(o => o.Kind != '+')} +{newStart},{hunk.Count(o => o.Kind != '-')} @@\n");
            foreach (var op in hunk)
            {
                if (op.Kind != ' ' && shown++ >= maxChangedLines)
                {
                    break;
                }

                output.Append(op.Kind).Append(op.Text).Append('\n');
            }
        }

        var total = changed.Count;
        if (total > maxChangedLines)
        {
            output.Append(CultureInfo.InvariantCulture, $"... and {total - maxChangedLines} more differing lines\n");
        }
        else if (total == 0 && expected != actual)
        {
            output.Append("(the texts differ only in the newline at the end)\n");
        }

        return output.ToString();
    }

    /// <summary>The lines of a text; a final '\n' ends the last line rather than starting an empty one.</summary>
    private static string[] Lines(string text)
    {
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<(char Kind, string Text, int OldLine, int NewLine)> Diff(string[] a, string[] b)
    {
        // Common prefix and suffix first, so the quadratic table only covers the changed middle.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        var lcs = new int[n + 1, m + 1];
        for (var x = n - 1; x >= 0; x--)
        {
            for (var y = m - 1; y >= 0; y--)
            {
                lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }

        var ops = new List<(char, string, int, int)>(a.Length + b.Length);
        for (var k = 0; k < prefix; k++)
        {
            ops.Add((' ', a[k], k + 1, k + 1));
        }

        int i = 0, j = 0;
        while (i < n || j < m)
        {
            if (i < n && j < m && a[prefix + i] == b[prefix + j])
            {
                ops.Add((' ', a[prefix + i], prefix + i + 1, prefix + j + 1));
                i++;
                j++;
            }
            else if (i < n && (j == m || lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                ops.Add(('-', a[prefix + i], prefix + i + 1, prefix + j + 1));
                i++;
            }
            else
            {
                ops.Add(('+', b[prefix + j], prefix + i + 1, prefix + j + 1));
                j++;
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            ops.Add((' ', a[a.Length - suffix + k], a.Length - suffix + k + 1, b.Length - suffix + k + 1));
        }

        return ops;
    }
}
