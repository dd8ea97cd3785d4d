using System.Text;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using Xunit;

namespace ManifestLint.Tests.Reliability;

/// <summary>Runs the engine on in-memory files and checks the guarantees every hostile input must keep.</summary>
internal static class Lint
{
    /// <summary>A Pod with one finding (ML1001, no memory limit, on line 8), used as the "everything else is still linted" witness.</summary>
    public const string PodWithoutLimit = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: witness
        spec:
          containers:
            - name: app
              resources:
                requests: {memory: 64Mi}

        """;

    public static IReadOnlyList<Diagnostic> Bytes(string path, byte[] bytes, AnalysisOptions? options = null) =>
        Files(options, (path, bytes));

    public static IReadOnlyList<Diagnostic> Text(string path, string text, AnalysisOptions? options = null) =>
        Bytes(path, Encoding.UTF8.GetBytes(text), options);

    /// <summary>Every finding for the files, which the engine must analyse without an internal error (ML0000).</summary>
    public static IReadOnlyList<Diagnostic> Files(AnalysisOptions? options, params (string Path, byte[] Bytes)[] files)
    {
        var result = new AnalysisEngine().Analyze([.. files.Select(f => new AnalysisInput(f.Path, () => f.Bytes))], options);
        Assert.DoesNotContain(result.Diagnostics, d => d.RuleId == "ML0000");
        return result.Diagnostics;
    }

    /// <summary>The one ML0001 of the findings, which must start on <paramref name="line"/>.</summary>
    public static Diagnostic SingleInvalid(IReadOnlyList<Diagnostic> diagnostics, int line, string? fragment = null)
    {
        var invalid = diagnostics.Where(d => d.RuleId == "ML0001").ToList();
        Assert.True(invalid.Count == 1, $"Expected one ML0001, found {invalid.Count}:\n{Describe(diagnostics)}");
        Assert.True(invalid[0].Location.StartLine == line, $"Expected the ML0001 on line {line}:\n{Describe(diagnostics)}");
        if (fragment is not null)
        {
            Assert.Contains(fragment, invalid[0].Message, StringComparison.Ordinal);
        }

        return invalid[0];
    }

    /// <summary>The witness Pod's finding is there: the bad input did not stop the rest of the run.</summary>
    public static void WitnessFound(IReadOnlyList<Diagnostic> diagnostics, string path) =>
        Assert.True(diagnostics.Any(d => d.RuleId == "ML1001" && d.Location.Path == path && d.Message.Contains("witness", StringComparison.Ordinal)),
            $"Expected the witness ML1001 in {path}:\n{Describe(diagnostics)}");

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"  {d.Location} {d.RuleId} {(d.Message.Length > 300 ? d.Message[..300] + "…" : d.Message)}"));
}

/// <summary>Runs what might hang on the thread pool and fails the test, instead of hanging it, past the deadline.</summary>
internal static class Deadline
{
    public static T Run<T>(Func<T> run, int seconds = 90)
    {
        var task = Task.Run(run);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"The run did not end within {seconds} s.");
        return task.Result;
    }
}
