using System.Globalization;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Fixes;

/// <summary>
/// Values and edits for the runtime-memory fixes (GOMEMLIMIT, Node.js heap, JVM heap), computed from the
/// container's memory limit. Rules that detect these runtimes attach them with <see cref="ReplaceValue"/> or
/// <see cref="ReplaceXmx"/>.
/// </summary>
public static class RuntimeFixes
{
    private const long Mebibyte = 1024 * 1024;

    /// <summary>The JVM flag that sizes the heap from the container limit instead of a fixed <c>-Xmx</c>.</summary>
    public const string MaxRamPercentageFlag = "-XX:MaxRAMPercentage=75.0";

    /// <summary><c>GOMEMLIMIT</c> at 90% of the limit, in whole MiB, in Go's syntax (<c>921MiB</c> for 1Gi).</summary>
    public static string GoMemLimit(Quantity limit) => $"{Percent(limit, 90).ToString(CultureInfo.InvariantCulture)}MiB";

    /// <summary><c>--max-old-space-size</c> at 60% of the limit, in MiB as Node.js reads it (<c>614</c> for 1Gi).</summary>
    public static string NodeMaxOldSpaceSize(Quantity limit) => Percent(limit, 60).ToString(CultureInfo.InvariantCulture);

    /// <summary>Replaces a scalar value (an environment variable's <c>value:</c>), keeping its quotes.</summary>
    public static Fix? ReplaceValue(ScalarNode node, string newValue, string description) =>
        YamlEdits.ReplaceScalar(node, newValue) is { } edit ? new Fix(description, edit) : null;

    /// <summary>Replaces the first <c>-Xmx...</c> token of a single-line scalar with <see cref="MaxRamPercentageFlag"/>.</summary>
    public static Fix? ReplaceXmx(ScalarNode node)
    {
        var index = FindToken(node.Value, "-Xmx");
        if (index < 0)
        {
            return null;
        }

        var end = index;
        while (end < node.Value.Length && !char.IsWhiteSpace(node.Value[end]) && node.Value[end] is not '"' and not '\'')
        {
            end++;
        }

        var token = node.Value[index..end];
        return YamlEdits.ReplaceInScalar(node, index, end - index, MaxRamPercentageFlag) is { } edit
            ? new Fix($"Replace {token} with {MaxRamPercentageFlag}, so the heap follows the container's memory limit.", edit)
            : null;
    }

    private static long Percent(Quantity limit, int percent)
    {
        var bytes = limit.NanoUnits / 1_000_000_000;
        return (long)Int128.Max(1, bytes * percent / 100 / Mebibyte);
    }

    private static int FindToken(string text, string prefix)
    {
        for (var i = text.IndexOf(prefix, StringComparison.Ordinal); i >= 0; i = text.IndexOf(prefix, i + 1, StringComparison.Ordinal))
        {
            if (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '"' or '\'')
            {
                return i;
            }
        }

        return -1;
    }
}
