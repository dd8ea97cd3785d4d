using System.IO.Compression;
using System.Xml.Linq;
using ManifestLint.Tests.Helm;
using Xunit;
using Xunit.Abstractions;

namespace ManifestLint.Tests.EndToEnd;

/// <summary>
/// The .NET tool from a clean checkout, installed exactly as pre-commit's <c>language: dotnet</c> installs a hook
/// (pre_commit/languages/dotnet.py): <c>dotnet pack --configuration Release --property PackageOutputPath=BUILD</c> at
/// the repository root, the package id read from the .nuspec of each .nupkg produced, then
/// <c>dotnet tool install --configfile NO-SOURCES --tool-path ENV/bin --add-source BUILD ID</c> with every other
/// package source cleared. pre-commit itself comes from PyPI, which this machine cannot reach, so its steps are
/// reproduced here, hook entry and file pattern taken from <c>.pre-commit-hooks.yaml</c>.
/// </summary>
[Collection(EndToEndTests.Name)]
public class ToolPackageTests(CleanCheckout checkout, ITestOutputHelper log)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void PreCommitDotnetHook_PacksInstallsAndLintsTheStagedFilesOfARepository_AndDnxRunsThePackage()
    {
        var build = Path.Combine(checkout.Root, "pre-commit-build");
        var pack = ProcessRunner.Run("dotnet", ["pack", "--configuration", "Release", "--property", $"PackageOutputPath={build}"], checkout.Root, BuildTimeout);
        Assert.True(pack.ExitCode == 0, $"dotnet pack: {pack}");
        log.WriteLine($"dotnet pack (clean checkout, Release, whole solution): {pack.Elapsed.TotalSeconds:0.0} s");

        // Older pre-commit versions refuse anything but exactly one build output; newer ones install every package.
        var package = Assert.Single(Directory.GetFileSystemEntries(build));
        Assert.Matches(@"manifestlint\.\d+\.\d+\.\d+\.nupkg$", package);
        var (id, packageType) = ReadNuspec(package);
        Assert.Equal(("manifestlint", "DotnetTool"), (id, packageType));

        var noSources = Path.Combine(checkout.Directory, "nuget-no-sources.config");
        File.WriteAllText(noSources, """<?xml version="1.0" encoding="utf-8"?><configuration>  <packageSources>    <clear />  </packageSources></configuration>""");
        var bin = Path.Combine(checkout.Directory, "dotnetenv-default", "bin");
        var install = ProcessRunner.Run("dotnet", ["tool", "install", "--configfile", noSources, "--tool-path", bin, "--add-source", build, id], checkout.Root, BuildTimeout);
        Assert.True(install.ExitCode == 0, $"dotnet tool install: {install}");
        log.WriteLine($"dotnet tool install (no package sources but the build): {install.Elapsed.TotalSeconds:0.0} s");

        var hook = PreCommitHook.Get("manifestlint");
        Assert.Equal(("dotnet", true), (hook.Language, hook.RequireSerial));
        var repository = SampleRepository.Create(checkout.Directory);
        var files = hook.Select(repository.StagedFiles());
        Assert.Equal(
            [".github/workflows/ci.yml", "charts/web/templates/deployment.yaml", "charts/web/values.yaml", "k8s/new.yaml", "k8s/web.yaml"],
            files.Order(StringComparer.Ordinal));

        var entry = hook.Entry.Split(' ');
        var path = $"{bin}{Path.PathSeparator}{Path.GetDirectoryName(HelmTool.Executable)}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        var run = ProcessRunner.Run(Path.Combine(bin, entry[0]), [.. entry[1..], .. files], repository.Root, RunTimeout, new Dictionary<string, string?> { ["PATH"] = path });
        log.WriteLine($"hook run: {run}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("k8s/web.yaml(10,11): warning ML1001: Deployment shop/web, container \"web\" has no memory limit", run.Out, StringComparison.Ordinal);
        Assert.Contains("k8s/new.yaml(12,30): error ML1004:", run.Out, StringComparison.Ordinal);
        Assert.Contains("charts/web/templates/deployment.yaml(", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("untouched.yaml", run.Out, StringComparison.Ordinal);
        var findings = run.Out.Split('\n').Where(l => l.Contains("): ", StringComparison.Ordinal) && l.Contains(" ML", StringComparison.Ordinal)).ToList();
        Assert.Equal(findings.Distinct(StringComparer.Ordinal), findings);

        // One shot with dnx (dotnet tool exec), from the same package, into a private package folder.
        var dnx = ProcessRunner.Run(
            "dotnet",
            ["dnx", id, "--yes", "--configfile", noSources, "--add-source", build, "lint", "k8s/new.yaml", "--quiet"],
            repository.Root,
            BuildTimeout,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(checkout.Directory, "dnx-packages") });
        log.WriteLine($"dnx: {dnx}");
        Assert.Equal(1, dnx.ExitCode);
        Assert.Contains("k8s/new.yaml(12,30): error ML1004:", dnx.Out, StringComparison.Ordinal);
    }

    private static (string Id, string? PackageType) ReadNuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        return (metadata.Element(ns + "id")!.Value, metadata.Element(ns + "packageTypes")?.Element(ns + "packageType")?.Attribute("name")?.Value);
    }
}
