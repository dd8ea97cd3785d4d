using System.Text.RegularExpressions;
using ManifestLint.Tests.Helm;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>
/// The real pre-commit (Debian's package, installed by <c>scripts/test.sh</c>) runs both hooks of
/// <c>.pre-commit-hooks.yaml</c> in a user's repository whose <c>.pre-commit-config.yaml</c> points at a clone of this
/// repository (<c>repo:</c> its path, <c>rev:</c> its commit). pre-commit clones it, builds the <c>language: dotnet</c>
/// hook itself (dotnet pack, dotnet tool install with every other package source cleared), and runs it on the staged
/// files. The <c>language: system</c> hook runs the tool pre-commit installed, from PATH. Then <c>dnx</c> runs the
/// package pre-commit built.
/// </summary>
[Collection(EndToEndTests.Name)]
public class PreCommitTests(CleanCheckout checkout, ITestOutputHelper log)
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void BothHooks_LintTheStagedFiles_FailOnFindings_AndPassWithFailLevelError()
    {
        var preCommit = PreCommitExecutable();
        var rev = CleanCheckout.Git(checkout.Root, "rev-parse", "HEAD").Out.Trim();
        var home = Path.Combine(checkout.Directory, "pre-commit-home");
        var repository = SampleRepository.Create(checkout.Directory);
        var helmDirectory = Path.GetDirectoryName(HelmTool.Executable)!;
        var environment = new Dictionary<string, string?>
        {
            ["PRE_COMMIT_HOME"] = home,
            ["PATH"] = $"{helmDirectory}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
            ["NUGET_PACKAGES"] = Path.Combine(checkout.Directory, "pre-commit-nuget"),
        };

        ProcessResult Run(string hooks, params string[] arguments)
        {
            File.WriteAllText(Path.Combine(repository.Root, ".pre-commit-config.yaml"), $"repos:\n  - repo: {checkout.Root}\n    rev: {rev}\n    hooks:\n{hooks}");
            CleanCheckout.Git(repository.Root, "add", ".pre-commit-config.yaml"); // pre-commit refuses an unstaged configuration
            var result = ProcessRunner.Run(preCommit, ["run", "--color", "never", .. arguments], repository.Root, InstallTimeout, environment);
            log.WriteLine($"$ pre-commit run {string.Join(' ', arguments)}\n{hooks}{result}\n");
            return result;
        }

        // 1. The dotnet hook: pre-commit clones, packs and installs it, then lints the staged files: a limit removed
        //    (warning), a quantity typo (error), a chart's template and values (its chart, once); not the untouched file.
        var first = Run("      - id: manifestlint\n");
        Assert.Equal(1, first.ExitCode);
        Assert.Matches(@"manifestlint\.+Failed\n- hook id: manifestlint\n- exit code: 1\n", first.Out);
        Assert.Contains("k8s/web.yaml(10,11): warning ML1001: Deployment shop/web, container \"web\" has no memory limit", first.Out, StringComparison.Ordinal);
        Assert.Contains("k8s/new.yaml(12,30): error ML1004:", first.Out, StringComparison.Ordinal);
        Assert.Contains("charts/web/templates/deployment.yaml(", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("untouched.yaml", first.Out, StringComparison.Ordinal);
        var findings = first.Out.Split('\n').Where(l => Regex.IsMatch(l, @"^\S+\(\d+,\d+\): (error|warning|note) ML\d{4}:", RegexOptions.None, TimeSpan.FromSeconds(1))).ToList();
        Assert.Equal(findings.Distinct(StringComparer.Ordinal), findings);

        // 2. With --fail-level error the errors still fail the commit; once the manifest's is fixed, its warnings alone pass
        //    (the web chart's prod variant has an error of its own, so the passing runs take the manifests: --files).
        const string FailLevelError = "      - id: manifestlint\n        args: [--fail-level, error]\n";
        Assert.Equal(1, Run(FailLevelError).ExitCode);
        var newYaml = Path.Combine(repository.Root, "k8s", "new.yaml");
        File.WriteAllText(newYaml, File.ReadAllText(newYaml).Replace("512m", "512Mi", StringComparison.Ordinal));
        CleanCheckout.Git(repository.Root, "add", "k8s/new.yaml");
        Assert.Equal(1, Run("      - id: manifestlint\n", "--files", "k8s/web.yaml", "k8s/new.yaml").ExitCode);
        var passing = Run(FailLevelError, "--verbose", "--files", "k8s/web.yaml", "k8s/new.yaml");
        Assert.Equal(0, passing.ExitCode);
        Assert.Matches(@"manifestlint\.+Passed\n", passing.Out);
        Assert.Contains("k8s/web.yaml(10,11): warning ML1001:", passing.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("error ML", passing.Out, StringComparison.Ordinal);

        // 3. The system hook runs whatever manifestlint is on PATH: here the tool pre-commit installed in step 1.
        var installed = Directory.GetFiles(home, "manifestlint", SearchOption.AllDirectories).Single(f => Path.GetFileName(Path.GetDirectoryName(f)) == "bin");
        environment["PATH"] = $"{Path.GetDirectoryName(installed)}{Path.PathSeparator}{environment["PATH"]}";
        var system = Run("      - id: manifestlint-system\n");
        Assert.Equal(1, system.ExitCode);
        Assert.Matches(@"manifestlint\.+Failed\n- hook id: manifestlint-system\n- exit code: 1\n", system.Out);
        Assert.Contains("k8s/web.yaml(10,11): warning ML1001:", system.Out, StringComparison.Ordinal);
        Assert.Equal(0, Run("      - id: manifestlint-system\n        args: [--fail-level, error]\n", "--files", "k8s/web.yaml", "k8s/new.yaml").ExitCode);

        // 4. One shot with dnx (dotnet tool exec) from the package pre-commit built (the tool store keeps it).
        // The store keeps manifestlint.<version>.nupkg (and a copy named manifestlint.nupkg): the versioned one, alone in a feed.
        var stored = Directory.GetFiles(Path.GetDirectoryName(installed)!, "manifestlint.*.nupkg", SearchOption.AllDirectories)
            .First(f => Regex.IsMatch(Path.GetFileName(f), @"^manifestlint\.\d", RegexOptions.None, TimeSpan.FromSeconds(1)));
        var feed = Directory.CreateDirectory(Path.Combine(checkout.Directory, "dnx-feed")).FullName;
        var package = Path.Combine(feed, Path.GetFileName(stored));
        File.Copy(stored, package, overwrite: true);
        // pre-commit's shallow clone has no tags: a stable version from CHANGELOG.md (see Directory.Build.props).
        Assert.Matches(@"manifestlint\.\d+\.\d+\.\d+\.nupkg$", package);
        var noSources = Path.Combine(checkout.Directory, "nuget-no-sources.config");
        File.WriteAllText(noSources, """<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>""");
        var version = Regex.Match(Path.GetFileName(package), @"^manifestlint\.(.+)\.nupkg$", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
        File.WriteAllText(newYaml, File.ReadAllText(newYaml).Replace("512Mi", "512m", StringComparison.Ordinal));
        var dnx = ProcessRunner.Run(
            "dotnet",
            ["dnx", $"manifestlint@{version}", "--yes", "--configfile", noSources, "--add-source", Path.GetDirectoryName(package)!, "lint", "k8s/new.yaml", "--quiet"],
            repository.Root,
            InstallTimeout,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(checkout.Directory, "dnx-packages") });
        log.WriteLine($"dnx: {dnx}");
        Assert.Equal(1, dnx.ExitCode);
        Assert.Contains("k8s/new.yaml(12,30): error ML1004:", dnx.Out, StringComparison.Ordinal);
    }

    /// <summary>pre-commit on PATH; fails (never skips) with how to install it.</summary>
    private static string PreCommitExecutable()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "pre-commit"))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null, "pre-commit is not installed: scripts/test.sh installs Debian's package (apt-get install pre-commit).");
        return found!;
    }
}
