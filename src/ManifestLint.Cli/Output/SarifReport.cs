using ManifestLint.Cli.Input;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Sarif;

namespace ManifestLint.Cli.Output;

/// <summary>Writes the SARIF report; URIs are relative to the repository root found above the working directory.</summary>
public static class SarifReport
{
    public static void Write(AnalysisResult result, string workingDirectory, string toolVersion, Stream stream) =>
        SarifWriter.Write(
            SarifWriter.Build(result, RuleCatalog.Default, new SarifOptions(SourceRoot.Find(workingDirectory), workingDirectory, toolVersion)),
            stream);
}
