using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using ManifestLint.Tests.TestSupport;

namespace ManifestLint.Tests.Reliability.Fuzz;

/// <summary>One edit of a manifest's text; all its numbers are generated, so CsCheck can shrink a failing case.</summary>
/// <param name="Kind">Which edit (see <see cref="ManifestFuzz.Apply"/>).</param>
/// <param name="Position">Where, as a fraction of the text.</param>
/// <param name="Length">How much (characters, repetitions, indentation).</param>
/// <param name="Token">Which entry of <see cref="ManifestFuzz.Tokens"/>.</param>
public readonly record struct Mutation(int Kind, double Position, int Length, int Token)
{
    public override string ToString() => FormattableString.Invariant($"({Kind}, {Position:0.###}, {Length}, {Token})");
}

/// <summary>A seed manifest and the edits made to it.</summary>
public sealed record FuzzCase(int Seed, Mutation[] Mutations)
{
    public string Text => ManifestFuzz.Mutate(ManifestFuzz.Seeds[Seed % ManifestFuzz.Seeds.Count], Mutations);

    public override string ToString() => $"seed {Seed % ManifestFuzz.Seeds.Count} ({ManifestFuzz.SeedNames[Seed % ManifestFuzz.Seeds.Count]}), mutations [{string.Join(", ", Mutations)}]";
}

/// <summary>
/// Generators for the fuzz tests: real manifests (every sample and every YAML example of the rule pages) mutated by
/// edits that YAML and the rules are sensitive to (structure tokens, anchors and merge keys, quantities, runtime flags,
/// suppression comments, control characters, indentation, duplication, truncation). Iterations and time come from
/// <c>MANIFESTLINT_FUZZ_ITERATIONS</c> and <c>MANIFESTLINT_FUZZ_SECONDS</c> (<c>scripts/fuzz.sh</c> sets them for long
/// runs); the normal suite runs a few hundred cases in seconds.
/// </summary>
public static partial class ManifestFuzz
{
    public static readonly string[] Tokens =
    [
        ": ", "- ", "[", "]", "{", "}", ", ", "&a ", "*a", "<<: *a\n", "\n---\n", "\t", "\"", "'", "# ", "!!str ", "!!int ", "!!binary ", "~",
        "null", "true", "1e309", "-1Gi", "512m", "0x10", "0.5Gi", "1E3", "9223372036854775807Ei", "0.000000001", "1Mi ", "",
        "-Xmx4g", "-XX:MaxRAMPercentage=200", "-Xms99999999999999g", "--max-old-space-size=99999999", "GOMEMLIMIT", "GOGC", "off", "90%",
        "java", "node", "python", "gunicorn", "--workers", "$(VAR)", "${HOME}", "sh -c 'exec java -Xmx1g -jar a.jar'", "\u00e9", "\uFEFF", "🚀",
        "\\u0000", "\r", "...", "? ", "|\n", ">-\n", "%YAML 1.2\n", "apiVersion: v1\n", "kind: Pod\n", "kind: List\nitems:\n", "containers:\n",
        "resources:\n", "limits:\n", "memory: ", "requests:\n", "initContainers:\n", "restartPolicy: Always\n", "emptyDir: {medium: Memory}\n",
        "valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 0}}\n", "# manifestlint-disable-next-line ML1001 -- reason\n",
        "# manifestlint-disable\n", "manifestlint.io/suppress: \"ML1001,ML9999\"\n", "\u0007", "\u0085", "\\x41", "'''", "\"\\q\"",
        "kind: HorizontalPodAutoscaler\n", "kind: LimitRange\n", "kind: ResourceQuota\n", "scaleTargetRef: {kind: Deployment, name: web}\n",
        "name: ", "namespace: ", "image: eclipse-temurin:21\n", "command: [java, -jar, app.jar]\n", "args: [\"--max-old-space-size=100000\"]\n",
        "env: [{name: JAVA_TOOL_OPTIONS, value: -Xmx2g}]\n", "0", "-0", "+1", ".5", "1e-3Gi", "1Ki1Mi",
    ];

    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> AllSeeds = new(LoadSeeds);

    private static readonly Lazy<IReadOnlyList<string>> SeedTexts = new(() => [.. AllSeeds.Value.Select(s => s.Text)]);

    private static readonly Lazy<IReadOnlyList<string>> SeedNameList = new(() => [.. AllSeeds.Value.Select(s => s.Name)]);

    public static IReadOnlyList<string> Seeds => SeedTexts.Value;

    public static IReadOnlyList<string> SeedNames => SeedNameList.Value;

    /// <summary>How many cases a property runs: the environment's, else <paramref name="normal"/> (the normal suite).</summary>
    public static long Iterations(long normal) =>
        long.TryParse(Environment.GetEnvironmentVariable("MANIFESTLINT_FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : normal;

    /// <summary>Seconds a property runs for instead of a count, when <c>MANIFESTLINT_FUZZ_SECONDS</c> is set; else -1.</summary>
    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("MANIFESTLINT_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : -1;

    /// <summary>A reproducible run: <c>MANIFESTLINT_FUZZ_SEED</c> (CsCheck prints it for every failure), else random.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("MANIFESTLINT_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    public static Gen<Mutation> Mutation { get; } =
        Gen.Select(Gen.Int[0, 10], Gen.Double[0, 1], Gen.Int[0, 64], Gen.Int[0, Tokens.Length - 1], (k, p, l, t) => new Mutation(k, p, l, t));

    public static Gen<FuzzCase> Case { get; } =
        Gen.Select(Gen.Int[0, 10_000], Mutation.Array[0, 12], (seed, mutations) => new FuzzCase(seed, mutations));

    /// <summary>Bytes: a seed's UTF-8 with bytes flipped, inserted or cut, or pure noise.</summary>
    public static Gen<byte[]> Bytes { get; } = Gen.Frequency(
        (3, Gen.Select(Case, Gen.Select(Gen.Double[0, 1], Gen.Byte).Array[0, 8], (c, edits) => EditBytes(Encoding.UTF8.GetBytes(c.Text), edits))),
        (1, Gen.Byte.Array[0, 2048]));

    public static string Mutate(string text, IEnumerable<Mutation> mutations)
    {
        foreach (var mutation in mutations)
        {
            text = Apply(text, mutation);
            if (text.Length > 200_000)
            {
                text = text[..200_000];
            }
        }

        return text;
    }

    /// <summary>One edit; every kind is total (any position, length and token on any text).</summary>
    public static string Apply(string text, Mutation m)
    {
        var at = (int)Math.Clamp(m.Position * text.Length, 0, text.Length);
        var token = Tokens[Math.Clamp(m.Token, 0, Tokens.Length - 1)];
        var lines = text.Split('\n');
        var line = Math.Clamp((int)(m.Position * lines.Length), 0, lines.Length - 1);
        switch (m.Kind)
        {
            case 0:
                return text.Insert(at, token);
            case 1:
                return text.Remove(at, Math.Min(m.Length, text.Length - at));
            case 2:
                return string.Join('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
            case 3:
                var other = Math.Clamp(line + (m.Length % 7) - 3, 0, lines.Length - 1);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
            case 4:
                var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                lines[line] = colon < 0 ? lines[line] + token : lines[line][..(colon + 2)] + token.TrimEnd('\n');
                return string.Join('\n', lines);
            case 5:
                var indent = lines[line].Length - lines[line].TrimStart(' ').Length;
                lines[line] = new string(' ', Math.Max(0, indent + (m.Length % 9) - 4)) + lines[line].TrimStart(' ');
                return string.Join('\n', lines);
            case 6:
                return text[..at];
            case 7:
                return text + "\n---\n" + text;
            case 8:
                return at < text.Length ? text.Remove(at, 1).Insert(at, ((char)(m.Length * 97 % 0x2FF)).ToString()) : text;
            case 9:
                return text.Insert(at, string.Concat(Enumerable.Repeat(token, m.Length)));
            default:
                return text.Insert(at, $"\n{new string(' ', m.Length % 12)}{token}");
        }
    }

    private static byte[] EditBytes(byte[] bytes, (double Position, byte Value)[] edits)
    {
        var list = new List<byte>(bytes);
        foreach (var (position, value) in edits)
        {
            var at = (int)Math.Clamp(position * list.Count, 0, list.Count);
            if (value % 3 == 0 && at < list.Count)
            {
                list[at] = value;
            }
            else if (value % 3 == 1)
            {
                list.Insert(at, value);
            }
            else if (at < list.Count)
            {
                list.RemoveAt(at);
            }
        }

        return [.. list];
    }

    private static List<(string, string)> LoadSeeds()
    {
        var seeds = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "manifests"), "*.yaml").Order(StringComparer.Ordinal))
        {
            seeds.Add(($"samples/manifests/{Path.GetFileName(file)}", File.ReadAllText(file)));
        }

        foreach (var page in Directory.GetFiles(RepositoryPaths.Rules, "ML*.md").Order(StringComparer.Ordinal))
        {
            var examples = YamlBlock().Matches(File.ReadAllText(page));
            for (var i = 0; i < examples.Count; i++)
            {
                seeds.Add(($"rules/{Path.GetFileName(page)} example {i + 1}", examples[i].Groups["yaml"].Value));
            }
        }

        return seeds;
    }

    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlBlock();
}
