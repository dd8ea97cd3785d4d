using ManifestLint.Engine.Analysis;

namespace ManifestLint.Cli.Output;

/// <summary>Writes the SARIF report; URIs are relative to the repository root found above the working directory.</summary>
public static class SarifReport
{
    public static void Write(AnalysisResult result, string workingDirectory, string toolVersion, Stream stream) =>
        throw new NotSupportedException("SARIF writer not wired yet");
}
