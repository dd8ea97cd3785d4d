using ManifestLint.Cli.Input;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Sarif;

namespace ManifestLint.Cli.Output;

/// <summary>Writes the SARIF report; URIs are relative to the repository root found above the working directory.</summary>
public static class SarifReport
{
    /// <param name="shape">Adds run-specific options (suppressed findings, baseline results), see <c>LintRun.Sarif</c>.</param>
    /// <returns>How many results were left out to stay within GitHub code scanning's limits (see <see cref="SarifLimits"/>).</returns>
    public static int Write(AnalysisResult result, string workingDirectory, string toolVersion, Stream stream, Func<SarifOptions, SarifOptions>? shape = null)
    {
        var options = new SarifOptions(SourceRoot.Find(workingDirectory), workingDirectory, toolVersion);
        var log = SarifWriter.Build(result, RuleCatalog.Default, shape?.Invoke(options) ?? options);
        SarifWriter.Write(log, stream);
        return SarifLimits.OmittedResults(log);
    }
}
