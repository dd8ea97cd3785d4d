using System.Globalization;
using ManifestLint.Benchmarks.Corpus;

namespace ManifestLint.Benchmarks;

/// <summary><c>corpus --files N --out DIR [--seed S]</c>: writes the deterministic corpus (see <see cref="CorpusGenerator"/>).</summary>
public static class CorpusCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var files = 100;
        string? root = null;
        var seed = CorpusGenerator.DefaultSeed;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--files":
                    files = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    root = args[i + 1];
                    break;
                case "--seed":
                    seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    output.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        if (root is null)
        {
            output.WriteLine("usage: corpus --files N --out DIR [--seed S]");
            return 2;
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var bytes = new CorpusGenerator(seed).Write(root, files);
        output.WriteLine(FormattableString.Invariant($"corpus: {files} files, {bytes} bytes ({bytes / 1e6:F1} MB) in {root}"));
        return 0;
    }
}
