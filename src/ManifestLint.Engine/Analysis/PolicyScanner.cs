using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Yaml;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Pass 1 of a run: the LimitRanges, ResourceQuotas, autoscalers and PodDisruptionBudgets of one file, for the
/// <see cref="PolicyIndex"/>. Only documents whose text names one of these kinds are parsed, so the pass costs a byte
/// search per file plus the parse of those (small, few) documents. A kind written with YAML escape sequences
/// (<c>"Limit\x52ange"</c>) is not recognised; the API server reads it, but no real manifest writes one.
/// </summary>
internal static class PolicyScanner
{
    private static readonly string[] Markers = ["LimitRange", "ResourceQuota", "PodAutoscaler", "PodDisruptionBudget"];

    /// <summary>The same names in UTF-8, to search a file's bytes before decoding it.</summary>
    private static readonly byte[][] Utf8Markers = [.. Markers.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <param name="onText">
    /// When given (a run with usage data), every file's decoded text is handed to it, so that the run reads each file
    /// once before pass 2 (see <see cref="Usage.UsageScan"/>).
    /// </param>
    /// <returns>The file's policy objects, or null when it has none (or cannot be read: pass 2 reports that).</returns>
    public static ManifestFile? Scan(AnalysisInput input, AnalysisOptions options, Action<string>? onText = null)
    {
        byte[] bytes;
        try
        {
            bytes = input.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // UTF-16 and UTF-32 files (a byte order mark, or NULs) are searched once decoded.
        var utf8 = bytes is not [0xFE or 0xFF or 0x00, ..];
        if (bytes.Length > options.Limits.MaxFileBytes || (utf8 && onText is null && !MayHold(bytes)) || !SourceDecoder.TryDecode(input.Path, bytes, out var text, out _))
        {
            return null;
        }

        if (onText is not null)
        {
            onText(text);
            if (utf8 && !MayHold(bytes))
            {
                return null;
            }
        }

        var file = ManifestReader.Read(YamlFileLoader.Load(input.Path, text, options.Limits, MayHold), options.Model);
        return file.LimitRanges.Count + file.ResourceQuotas.Count + file.Autoscaling.VerticalPodAutoscalers.Count
            + file.Autoscaling.HorizontalPodAutoscalers.Count + file.Autoscaling.PodDisruptionBudgets.Count == 0 ? null : file;
    }

    private static bool MayHold(ReadOnlySpan<byte> bytes)
    {
        foreach (var marker in Utf8Markers)
        {
            if (bytes.IndexOf(marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MayHold(string document)
    {
        foreach (var marker in Markers)
        {
            if (document.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
