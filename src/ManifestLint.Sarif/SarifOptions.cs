namespace ManifestLint.Sarif;

/// <summary>
/// What a SARIF log needs beyond the findings.
/// </summary>
/// <param name="SourceRoot">
/// Absolute directory the artifact URIs are relative to (<c>%SRCROOT%</c>): for code scanning, the repository
/// checkout, so GitHub can map results onto files.
/// </param>
/// <param name="WorkingDirectory">Absolute directory that relative <c>Diagnostic.Location.Path</c>s are relative to.</param>
/// <param name="ToolVersion">The tool's semantic version, written as <c>tool.driver.semanticVersion</c>.</param>
public sealed record SarifOptions(string SourceRoot, string WorkingDirectory, string ToolVersion)
{
    /// <summary>
    /// Also write suppressed findings (<see cref="Engine.Analysis.AnalysisResult.Suppressed"/>), and give every result a
    /// <c>suppressions</c> array. Off by default: GitHub code scanning ignores <c>suppressions</c>, so a suppressed result
    /// would become an open alert there.
    /// </summary>
    public bool IncludeSuppressed { get; init; }

    /// <summary>Results of the baseline log that are gone, written last with <c>baselineState: absent</c> (see <see cref="SarifBaseline"/>).</summary>
    public IReadOnlyList<Model.Result> AbsentResults { get; init; } = [];

    /// <summary>The most results and bytes a run may hold (GitHub code scanning's by default); null for no limit.</summary>
    public SarifLimits? Limits { get; init; } = SarifLimits.GitHub;
}
