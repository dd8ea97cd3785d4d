using ManifestLint.Cli.Input;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Sarif;

namespace ManifestLint.Cli.Output;

/// <summary>Writes the SARIF report; URIs are relative to the repository root found above the working directory.</summary>
public static class SarifReport
{
    /// <param name="shape">Adds run-specific options (suppressed findings, baseline results), see <c>LintRun.Sarif</c>.</param>
    public static void Write(AnalysisResult result, string workingDirectory, string toolVersion, Stream stream, Func<SarifOptions, SarifOptions>? shape = null)
    {
        var options = new SarifOptions(SourceRoot.Find(workingDirectory), workingDirectory, toolVersion);
        SarifWriter.Write(SarifWriter.Build(result, RuleCatalog.Default, shape?.Invoke(options) ?? options), stream);
    }
}
