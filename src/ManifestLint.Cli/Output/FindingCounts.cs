using ManifestLint.Engine.Analysis;
using ManifestLint.Cli.Commands;
using ManifestLint.Engine.Diagnostics;

namespace ManifestLint.Cli.Output;

/// <summary>What the summary line and the exit code need of a run's findings, counted as they stream past.</summary>
public sealed class FindingCounts
{
    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Notes { get; private set; }

    public int Suppressed { get; private set; }

    /// <summary>Active findings not in the baseline; null when no finding has a baseline state.</summary>
    public int? New { get; private set; }

    public int Files { get; set; }

    public int Objects { get; set; }

    /// <summary>The most severe active finding that counts for the exit code (with <see cref="FailOn.New"/>, only new ones).</summary>
    public Severity Highest { get; private set; } = Severity.None;

    public int Active => Errors + Warnings + Notes;

    public static FindingCounts Of(AnalysisResult result)
    {
        var counts = new FindingCounts { Files = result.FileCount, Objects = result.ResourceCount };
        foreach (var diagnostic in result.Diagnostics)
        {
            counts.Add(diagnostic);
        }

        return counts;
    }

    public void Add(Diagnostic diagnostic, FailOn failOn = FailOn.All)
    {
        if (diagnostic.Suppression is not null)
        {
            Suppressed++;
            return;
        }

        switch (diagnostic.Severity)
        {
            case Severity.Error:
                Errors++;
                break;
            case Severity.Warning:
                Warnings++;
                break;
            case Severity.Note:
                Notes++;
                break;
        }

        if (diagnostic.BaselineState is not null)
        {
            New = (New ?? 0) + (diagnostic.BaselineState == BaselineState.New ? 1 : 0);
        }

        if ((failOn == FailOn.All || diagnostic.BaselineState != BaselineState.Unchanged) && diagnostic.Severity > Highest)
        {
            Highest = diagnostic.Severity;
        }
    }
}
