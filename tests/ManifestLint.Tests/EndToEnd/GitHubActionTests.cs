using System.Text.Json.Nodes;
using ManifestLint.Tests.Helm;
using ManifestLint.Tests.Sarif;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>
/// The composite action (<c>action.yml</c>) runs two scripts, exercised here from a clean checkout with the files and
/// variables the Actions runner provides (<c>GITHUB_ACTION_PATH</c>, <c>RUNNER_TEMP</c>, <c>GITHUB_PATH</c>,
/// <c>GITHUB_OUTPUT</c>, <c>GITHUB_STEP_SUMMARY</c>). The steps that only run on GitHub (actions/setup-dotnet, the
/// upload with github/codeql-action/upload-sarif) are checked by parsing action.yml (Distribution/ActionMetadataTests)
/// and by the validators (Distribution/GitHubValidationTests), not run.
/// </summary>
[Collection(EndToEndTests.Name)]
public class GitHubActionTests(CleanCheckout checkout, ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    [Fact]
    public void ActionScripts_InstallTheToolAndWriteAnnotationsSarifAndTheJobSummary()
    {
        var runner = Path.Combine(checkout.Directory, "runner-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(runner);
        var files = new Dictionary<string, string?>
        {
            ["GITHUB_ACTION_PATH"] = checkout.Root,
            ["RUNNER_TEMP"] = runner,
            ["GITHUB_PATH"] = Path.Combine(runner, "path.txt"),
            ["GITHUB_OUTPUT"] = Path.Combine(runner, "output.txt"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(runner, "summary.md"),
        };
        foreach (var file in new[] { "GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY" })
        {
            File.WriteAllText(files[file]!, string.Empty);
        }

        var install = ProcessRunner.Run("bash", [Path.Combine(checkout.Root, "scripts", "action", "install.sh")], runner, Timeout, files);
        Assert.True(install.ExitCode == 0, $"install.sh: {install}");
        log.WriteLine($"install.sh (dotnet pack of the CLI and tool install): {install.Elapsed.TotalSeconds:0.0} s");
        var toolDirectory = File.ReadAllText(files["GITHUB_PATH"]!).Trim();
        Assert.True(File.Exists(Path.Combine(toolDirectory, "manifestlint")), toolDirectory);

        var repository = SampleRepository.Create(checkout.Directory);
        var environment = new Dictionary<string, string?>(files)
        {
            ["PATH"] = $"{toolDirectory}{Path.PathSeparator}{Path.GetDirectoryName(HelmTool.Executable)}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
            ["INPUT_PATHS"] = "k8s\ncharts/web",
            ["INPUT_ARGS"] = "--fail-level warning",
            ["INPUT_SARIF_FILE"] = "reports/manifestlint.sarif",
            ["INPUT_ANNOTATIONS"] = "true",
            ["INPUT_SUMMARY"] = "true",
        };
        var run = ProcessRunner.Run("bash", [Path.Combine(checkout.Root, "scripts", "action", "run.sh")], repository.Root, Timeout, environment);
        log.WriteLine($"run.sh: {run}");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("::warning file=k8s/web.yaml,line=10,col=11,", run.Out, StringComparison.Ordinal);
        Assert.Contains("::error file=k8s/new.yaml,line=12,col=30,", run.Out, StringComparison.Ordinal);
        Assert.Contains("::warning file=k8s/untouched.yaml,", run.Out, StringComparison.Ordinal);
        Assert.Contains("file=charts/web/templates/deployment.yaml,", run.Out, StringComparison.Ordinal);
        var sarifPath = Path.Combine(repository.Root, "reports", "manifestlint.sarif");
        var sarif = File.ReadAllText(sarifPath);
        SarifSchemaValidator.AssertValid(sarif);
        Assert.NotEmpty(JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray());
        Assert.StartsWith("## ManifestLint\n", File.ReadAllText(files["GITHUB_STEP_SUMMARY"]!), StringComparison.Ordinal);
        Assert.Equal(["exit-code=1", $"sarif-file={sarifPath}"], File.ReadAllLines(files["GITHUB_OUTPUT"]!));

        var broken = ProcessRunner.Run("bash", [Path.Combine(checkout.Root, "scripts", "action", "run.sh")], repository.Root, Timeout, new Dictionary<string, string?>(environment) { ["INPUT_ARGS"] = "--no-such-option" });
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("::error title=manifestlint::manifestlint could not lint (exit code 2)", broken.Out, StringComparison.Ordinal);
    }
}
