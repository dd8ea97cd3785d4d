using ManifestLint.Cli;
using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Configuration;
using ManifestLint.Tests.Cli;
using ManifestLint.Tests.TestSupport;
using Xunit;

namespace ManifestLint.Tests.Kustomize;

/// <summary>
/// The <c>kustomize:</c> section of <c>.manifestlint.yaml</c>: the executable (<c>path</c>, relative to the file;
/// <c>--kustomize</c> wins), and per kustomization its build flags (<c>loadRestrictor</c>, <c>timeout</c>;
/// <c>enableHelm</c> in KustomizeHelmTests), from the configuration file that applies to its kustomization file.
/// </summary>
public class KustomizeConfigurationTests
{
    private const string Shop = "tests/ManifestLint.Tests/Kustomize/TestData/kustomize/shop";

    private static AnalysisOptions With(string yaml) => AnalysisOptions.Default with
    {
        Configuration = ConfigurationSet.ForAll(ConfigurationParser.Parse(Path.Combine(RepositoryPaths.Root, ".manifestlint.yaml"), yaml, RuleCatalog.Default), RepositoryPaths.Root),
    };

    [Fact]
    public void ByDefault_AFileOutsideTheKustomizationsTree_IsRefusedByKustomize()
    {
        var finding = Assert.Single(KustomizeTool.Lint("errors/outside").Analysis.Diagnostics);

        Assert.Equal("ML0002", finding.RuleId);
        Assert.Contains("is not in or below", finding.Message, StringComparison.Ordinal);
        Assert.Contains("`kubectl kustomize tests/ManifestLint.Tests/Kustomize/TestData/kustomize/errors/outside`", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadRestrictorNone_BuildsIt_AndMapsToTheFileOutside()
    {
        var result = KustomizeTool.Lint(KustomizeTool.Settings, With("kustomize: { loadRestrictor: none }"), "errors/outside");

        Assert.DoesNotContain(result.Analysis.Diagnostics, d => d.RuleId == "ML0002");
        var finding = Assert.Single(result.Analysis.Diagnostics, d => d.RuleId == "ML1001");
        Assert.EndsWith("errors/broken/deployment.yaml", finding.Location.Path, StringComparison.Ordinal);
        Assert.Equal("resources:", KustomizeTool.LineText(finding.Location));
    }

    [Fact]
    public void TheTimeout_StopsASlowBuild_WithAnMl0002SayingWhichSetting()
    {
        using var tree = new TempTree();
        var slow = tree.Write("kustomize", "#!/bin/sh\n/bin/sleep 30\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(slow, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var result = KustomizeTool.Lint(KustomizeTool.Settings with { ExecutablePath = slow }, With("kustomize: { timeout: 1 }"), "shop/overlays/dev");

        var finding = Assert.Single(result.Analysis.Diagnostics);
        Assert.Contains("kustomize did not finish within 1 s and was stopped (raise kustomize.timeout if the build is just slow)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCli_UsesKustomizePath_RelativeToTheConfigurationFile()
    {
        using var tree = new TempTree();
        var kubectl = Path.GetRelativePath(tree.Root, KustomizeTool.Executable);
        var config = tree.Write(".manifestlint.yaml", $"kustomize:\n  path: {kubectl}\n");

        var (code, output, error) = CliRunner.Run(RepositoryPaths.Root, "lint", $"{Shop}/overlays/dev", "--config", config, "--format", "json");

        Assert.True(code == ExitCodes.Findings, error);
        Assert.Contains("[overlay tests/ManifestLint.Tests/Kustomize/TestData/kustomize/shop/overlays/dev]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCli_SaysWhichSettingNamesAMissingKustomize()
    {
        using var tree = new TempTree();
        var config = tree.Write(".manifestlint.yaml", "kustomize:\n  path: no/such/kubectl\n");

        var (code, _, error) = CliRunner.Run(RepositoryPaths.Root, "lint", $"{Shop}/overlays/dev", "--config", config);

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains("but kustomize.path no/such/kubectl in ", error, StringComparison.Ordinal);
        Assert.Contains(".manifestlint.yaml does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCli_ReportsAnInvalidKustomizeSection_AsAConfigurationError()
    {
        using var tree = new TempTree();
        var config = tree.Write(".manifestlint.yaml", "kustomize:\n  enableHelm: sometimes\n");

        var (code, _, error) = CliRunner.Run(RepositoryPaths.Root, "lint", $"{Shop}/overlays/dev", "--config", config, "--kustomize", KustomizeTool.Executable);

        Assert.Equal(ExitCodes.ToolFailure, code);
        Assert.Contains(".manifestlint.yaml(2,15): kustomize.enableHelm expects true or false, not 'sometimes'.", error, StringComparison.Ordinal);
    }
}
