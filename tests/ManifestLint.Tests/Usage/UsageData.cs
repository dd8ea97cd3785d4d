using System.Globalization;
using System.Text;

namespace ManifestLint.Tests.Usage;

/// <summary>Prometheus API responses for tests, written the way Prometheus writes them (values as strings).</summary>
internal static class UsageData
{
    public const double MiB = 1024 * 1024;
    public const long Start = 1_764_892_800; // 2025-12-05 00:00 UTC

    /// <summary>A matrix series: labels and (time, value) samples.</summary>
    public sealed record Series(string Namespace, string Pod, string Container, IReadOnlyList<(double Time, string Value)> Samples, IReadOnlyDictionary<string, string>? Extra = null);

    /// <summary>Samples every <paramref name="stepSeconds"/> from <see cref="Start"/>, values in bytes from <paramref name="value"/>(index).</summary>
    public static List<(double, string)> Sampled(int count, int stepSeconds, Func<int, double> value) =>
        [.. Enumerable.Range(0, count).Select(i => ((double)(Start + ((long)i * stepSeconds)), value(i).ToString("R", CultureInfo.InvariantCulture)))];

    public static string Matrix(params Series[] series) => Response("matrix", series, vector: false);

    public static string Vector(params Series[] series) => Response("vector", series, vector: true);

    private static string Response(string type, IEnumerable<Series> series, bool vector)
    {
        var json = new StringBuilder();
        json.Append("{\"status\":\"success\",\"data\":{\"resultType\":\"").Append(type).Append("\",\"result\":[");
        var first = true;
        foreach (var s in series)
        {
            json.Append(first ? string.Empty : ",");
            first = false;
            json.Append("{\"metric\":{\"__name__\":\"container_memory_working_set_bytes\",\"namespace\":\"").Append(s.Namespace)
                .Append("\",\"pod\":\"").Append(s.Pod).Append("\",\"container\":\"").Append(s.Container).Append('"');
            foreach (var (key, value) in s.Extra ?? new Dictionary<string, string>())
            {
                json.Append(",\"").Append(key).Append("\":\"").Append(value).Append('"');
            }

            json.Append("},");
            if (vector)
            {
                var (t, v) = s.Samples[0];
                json.Append("\"value\":[").Append(t.ToString(CultureInfo.InvariantCulture)).Append(",\"").Append(v).Append("\"]}");
                continue;
            }

            json.Append("\"values\":[");
            json.AppendJoin(',', s.Samples.Select(p => $"[{p.Time.ToString(CultureInfo.InvariantCulture)},\"{p.Value}\"]"));
            json.Append("]}");
        }

        return json.Append("]}}").ToString();
    }

    /// <summary>A Deployment with one container and the given request and limit (null: not written).</summary>
    public static string Deployment(string ns, string name, string? request, string? limit, int? replicas = null, string container = "app")
    {
        var lines = new List<string>
        {
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            $"  name: {name}",
            $"  namespace: {ns}",
            "spec:",
        };
        if (replicas is { } r)
        {
            lines.Add($"  replicas: {r}");
        }

        lines.AddRange([
            "  selector:",
            "    matchLabels:",
            $"      app: {name}",
            "  template:",
            "    metadata:",
            "      labels:",
            $"        app: {name}",
            "    spec:",
            "      containers:",
            $"        - name: {container}",
            $"          image: ghcr.io/example/{name}:1.0.0",
            "          resources:",
            "            requests:",
        ]);
        if (request is not null)
        {
            lines.Add($"              memory: {request}");
        }

        lines.Add("            limits:");
        if (limit is not null)
        {
            lines.Add($"              memory: {limit}");
        }

        return string.Join('\n', lines) + "\n";
    }
}
